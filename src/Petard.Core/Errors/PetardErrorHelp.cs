using System.Reflection;

namespace Petard;

/// <summary>
/// The help link of each error and warning code: its section of the repository's README, so every
/// front end (MSBuild's help links, Cake's messages) opens the same explanation.
/// </summary>
public static class PetardErrorHelp
{
    // Set at build time from the repository URL in build/Packaging.props; a build without it links the README by name.
    private static readonly string Base = typeof(PetardErrorHelp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "PetardHelpBase")?.Value ?? "README.md";

    /// <summary>The README anchor of a code, e.g. <c>https://github.com/.../README.md#petard1002</c>.</summary>
    /// <param name="code">A <c>PETARDnnnn</c> code.</param>
    /// <returns>The link to the section that explains the code.</returns>
    public static string LinkFor(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return $"{Base}#{code.ToLowerInvariant()}";
    }
}
