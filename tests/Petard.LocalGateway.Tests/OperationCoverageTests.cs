using Petard.Local.Operations;
using Petard.Model;

namespace Petard.Local.Tests;

/// <summary>
/// Every operation of the operation model has a handler in the emulator's table (the answers over
/// HTTP, success and one validation failure each, are checked by <c>EveryOperation/</c>).
/// </summary>
public sealed class OperationCoverageTests
{
    [Fact]
    public void The_emulator_has_a_handler_for_every_operation_of_the_model()
    {
        var model = OperationModel.Default.Operations.Keys.ToHashSet(StringComparer.Ordinal);
        var handled = OperationTable.CreateDefault("us-east-1").Names.ToHashSet(StringComparer.Ordinal);

        Assert.Equal(120, model.Count);
        Assert.Empty(model.Except(handled).Order(StringComparer.Ordinal));
        Assert.Empty(handled.Except(model).Order(StringComparer.Ordinal));
    }
}
