using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Cake.Petard.Tests.Fakes;

/// <summary>
/// The smallest Cake context the aliases run in: a log that keeps lines and an environment with a
/// working directory. Everything else throws, so a test fails loudly if an alias starts using it.
/// </summary>
internal sealed class FakeCakeContext(string workingDirectory) : ICakeContext
{
    public FakeCakeLog FakeLog { get; } = new();

    public ICakeLog Log => FakeLog;

    public ICakeEnvironment Environment { get; } = new FakeCakeEnvironment(workingDirectory);

    public IFileSystem FileSystem => throw new NotSupportedException();

    public IGlobber Globber => throw new NotSupportedException();

    public ICakeArguments Arguments => throw new NotSupportedException();

    public IProcessRunner ProcessRunner => throw new NotSupportedException();

    public IRegistry Registry => throw new NotSupportedException();

    public IToolLocator Tools => throw new NotSupportedException();

    public ICakeDataResolver Data => throw new NotSupportedException();

    public ICakeConfiguration Configuration => throw new NotSupportedException();

    public IToolInstaller ToolInstaller => throw new NotSupportedException();

    public IServiceProvider ServiceProvider => throw new NotSupportedException();
}
