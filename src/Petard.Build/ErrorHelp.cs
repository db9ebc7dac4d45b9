using System.Reflection;

namespace Petard.Build;

/// <summary>The help link of each error code: its section of the README.</summary>
internal static class ErrorHelp
{
    private static readonly string Base = typeof(ErrorHelp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "PetardHelpBase")?.Value ?? "README.md";

    /// <summary>The README anchor of a code, e.g. <c>.../README.md#petard1002</c>.</summary>
    public static string LinkFor(string code) => $"{Base}#{code.ToLowerInvariant()}";
}
