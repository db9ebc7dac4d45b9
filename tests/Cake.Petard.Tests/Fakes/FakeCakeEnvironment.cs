using Cake.Core;
using Cake.Core.IO;

namespace Cake.Petard.Tests.Fakes;

/// <summary>A Cake environment with a working directory; the aliases need nothing else of it.</summary>
internal sealed class FakeCakeEnvironment(string workingDirectory) : ICakeEnvironment
{
    public DirectoryPath WorkingDirectory { get; set; } = new(workingDirectory);

    public DirectoryPath UserHomeDirectory => throw new NotSupportedException();

    public DirectoryPath ApplicationRoot => throw new NotSupportedException();

    public ICakePlatform Platform => throw new NotSupportedException();

    public ICakeRuntime Runtime => throw new NotSupportedException();

    public DirectoryPath GetSpecialPath(SpecialPath path) => throw new NotSupportedException();

    public string GetEnvironmentVariable(string variable) => throw new NotSupportedException();

    public IDictionary<string, string> GetEnvironmentVariables() => throw new NotSupportedException();
}
