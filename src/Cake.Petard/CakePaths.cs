using Cake.Core.IO;

namespace Cake.Petard;

/// <summary>A file setting as Cake shows it; the core keeps it as text and resolves it from the Cake working directory.</summary>
internal static class CakePaths
{
    public static FilePath? File(string? path) => path is null ? null : new FilePath(path);
}
