namespace Cake.Petard.Tests;

/// <summary>A small OpenAPI 3 definition the tests deploy, and the folder it is written to.</summary>
internal sealed class PetsApi : IDisposable
{
    public const string FileName = "openapi.json";

    public const string Definition = """
        {
          "openapi": "3.0.1",
          "info": { "title": "pets", "version": "1.0" },
          "paths": {
            "/pets": {
              "get": {
                "responses": { "200": { "description": "the pets" } },
                "x-amazon-apigateway-integration": { "type": "mock", "requestTemplates": { "application/json": "{\"statusCode\": 200}" }, "responses": { "default": { "statusCode": "200" } } }
              }
            }
          }
        }
        """;

    public PetsApi()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, FileName), Definition);
    }

    /// <summary>A fresh folder holding <see cref="FileName"/>: the Cake working directory of the tests.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "petard-cake-api-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
