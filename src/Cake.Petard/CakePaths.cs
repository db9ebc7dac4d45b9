using Cake.Core;
using Cake.Core.IO;

namespace Cake.Petard;

/// <summary>Turns the paths of a Cake script into what the core reads: absolute, from the Cake working directory.</summary>
internal static class CakePaths
{
    public static string? Absolute(FilePath? file, ICakeEnvironment environment) =>
        file?.MakeAbsolute(environment).FullPath;
}
