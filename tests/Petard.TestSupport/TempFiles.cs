namespace Petard.TestSupport;

/// <summary>A temporary folder deleted with the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("petard-build-tests-").FullName;
    }

    public string Path { get; }

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A task host may still be closing a file; the OS cleans temp folders.
        }
    }
}

public static class OpenApi
{
    public static string Yaml(string title = "HelloApi", string path = "/hello") => $$"""
        openapi: 3.0.1
        info:
          title: {{title}}
          version: "1.0"
        paths:
          {{path}}:
            get:
              responses:
                "200":
                  description: OK
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": 200}'
                responses:
                  default:
                    statusCode: "200"
        """;
}
