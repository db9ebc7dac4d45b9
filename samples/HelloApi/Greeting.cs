namespace HelloApi;

/// <summary>The sample's one piece of logic: what GET /hello answers.</summary>
public static class Greeting
{
    /// <summary>The greeting for a name.</summary>
    public static string For(string? name) => $"Hello, {(string.IsNullOrWhiteSpace(name) ? "world" : name)}!";
}
