using System.Runtime.CompilerServices;

namespace Petard.Core.Tests.Infrastructure;

internal static class AwsIsolation
{
#pragma warning disable CA2255 // a module initializer is the one hook that runs before the SDK's static file paths are read
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => SharedAwsFiles.Install();
}
