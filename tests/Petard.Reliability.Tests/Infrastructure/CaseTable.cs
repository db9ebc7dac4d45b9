namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>Turns a table of named cases into theory rows of (name, expected code).</summary>
internal static class CaseTable
{
    public static TheoryData<string, string> NamesAndCodes<T>(IReadOnlyDictionary<string, T> cases, Func<T, string> code)
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, value) in cases)
        {
            data.Add(name, code(value));
        }

        return data;
    }
}
