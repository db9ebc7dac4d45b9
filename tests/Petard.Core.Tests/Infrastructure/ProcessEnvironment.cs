using Xunit;

namespace Petard.Core.Tests.Infrastructure;

/// <summary>Tests that change process environment variables (through an <see cref="EnvironmentScope"/>): they run one at a time, after the parallel ones.</summary>
[CollectionDefinition(EnvironmentScope.Collection, DisableParallelization = true)]
public sealed class ProcessEnvironment;
