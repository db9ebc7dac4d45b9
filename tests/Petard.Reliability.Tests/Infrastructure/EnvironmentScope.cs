namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>Sets process environment variables for a test and restores them after.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> saved = [];

    public EnvironmentScope(Dictionary<string, string?> variables)
    {
        foreach (var (name, value) in variables)
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

/// <summary>Tests that change the process environment run alone, one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}
