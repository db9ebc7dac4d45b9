using System.Text;

namespace Petard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The .sln text `dotnet new sln` + `dotnet sln add` would write for SDK-style C# projects in
/// folders of their own name (written directly: two fewer dotnet processes per test).
/// </summary>
internal static class SolutionFile
{
    private const string CSharpSdkProject = "9A19103F-16F7-4668-BE54-9A1E7A4F7556";

    private static readonly string[] Configurations = ["Debug", "Release"];

    public static string For(IEnumerable<string> projectNames)
    {
        var projects = projectNames.Select(name => (Name: name, Guid: Guid.NewGuid().ToString("B").ToUpperInvariant())).ToList();
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Microsoft Visual Studio Solution File, Format Version 12.00");
        text.AppendLine("# Visual Studio Version 17");
        foreach (var (name, guid) in projects)
        {
            text.AppendLine($"Project(\"{{{CSharpSdkProject}}}\") = \"{name}\", \"{name}\\{name}.csproj\", \"{guid}\"");
            text.AppendLine("EndProject");
        }

        text.AppendLine("Global");
        text.AppendLine("\tGlobalSection(SolutionConfigurationPlatforms) = preSolution");
        foreach (var configuration in Configurations)
        {
            text.AppendLine($"\t\t{configuration}|Any CPU = {configuration}|Any CPU");
        }

        text.AppendLine("\tEndGlobalSection");
        text.AppendLine("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution");
        foreach (var (_, guid) in projects)
        {
            foreach (var configuration in Configurations)
            {
                text.AppendLine($"\t\t{guid}.{configuration}|Any CPU.ActiveCfg = {configuration}|Any CPU");
                text.AppendLine($"\t\t{guid}.{configuration}|Any CPU.Build.0 = {configuration}|Any CPU");
            }
        }

        text.AppendLine("\tEndGlobalSection");
        text.AppendLine("EndGlobal");
        return text.ToString();
    }
}
