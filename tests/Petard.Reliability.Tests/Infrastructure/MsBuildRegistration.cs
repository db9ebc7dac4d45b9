using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace Petard.Reliability.Tests.Infrastructure;

internal static class MsBuildRegistration
{
    // Before any test touches an MSBuild type, point the process at the SDK's own MSBuild.
#pragma warning disable CA2255 // a module initializer is exactly what MSBuildLocator needs in a test assembly
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
