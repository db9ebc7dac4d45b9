using Petard.Model;
using Xunit;

namespace Petard.Core.Tests;

public class OperationModelTests
{
    [Fact]
    public void Embedded_model_has_every_operation_of_the_service()
    {
        Assert.Equal(120, OperationModel.Default.Operations.Count);
        Assert.Equal("2015-07-09", OperationModel.Default.ApiVersion);
    }

    [Fact]
    public void Unknown_operation_names_the_close_match()
    {
        var error = Assert.Throws<PetardException>(() => OperationModel.Default.Get("getRestApis"));
        Assert.Contains("GetRestApis", error.Message, StringComparison.Ordinal);
    }
}
