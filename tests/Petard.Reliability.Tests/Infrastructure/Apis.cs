namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>Small deployable OpenAPI 3 definitions (one mock-integrated method each), written to a temporary folder.</summary>
internal sealed class Apis : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("petard-reliability-").FullName;

    /// <summary>Writes a definition titled <paramref name="title"/> with one path and returns its file.</summary>
    public string Write(string title, string path = "pets")
    {
        var file = Path.Combine(Folder, $"{title}-{path}.json");
        File.WriteAllText(file, $$"""
            {
              "openapi": "3.0.1",
              "info": { "title": "{{title}}", "version": "1.0" },
              "paths": {
                "/{{path}}": {
                  "get": {
                    "responses": { "200": { "description": "ok" } },
                    "x-amazon-apigateway-integration": { "type": "mock", "requestTemplates": { "application/json": "{\"statusCode\": 200}" }, "responses": { "default": { "statusCode": "200" } } }
                  }
                }
              }
            }
            """);
        return file;
    }

    /// <summary>Writes a file with exactly this content (for bad input).</summary>
    public string WriteRaw(string name, byte[] content)
    {
        var file = Path.Combine(Folder, name);
        File.WriteAllBytes(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
