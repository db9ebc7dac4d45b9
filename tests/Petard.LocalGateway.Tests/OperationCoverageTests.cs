using System.Text.Json.Nodes;
using Petard.Local.Operations;
using Petard.Model;

namespace Petard.Local.Tests;

/// <summary>
/// Generated from the operation model: every operation of the service reaches a handler of the
/// emulator over HTTP (an answer of the service's kind, never "not implemented").
/// </summary>
public sealed class OperationCoverageTests : GatewayTestBase
{
    private const string NotImplemented = "is not implemented by Petard.LocalGateway";

    public static TheoryData<string> Operations() => new(OperationModel.Default.Operations.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void The_emulator_has_a_handler_for_every_operation_of_the_model()
    {
        var model = OperationModel.Default.Operations.Keys.ToHashSet(StringComparer.Ordinal);
        var handled = OperationTable.CreateDefault("us-east-1").Names.ToHashSet(StringComparer.Ordinal);

        Assert.Equal(120, model.Count);
        Assert.Empty(model.Except(handled).Order(StringComparer.Ordinal));
        Assert.Empty(handled.Except(model).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_answers_over_HTTP_and_none_says_not_implemented(string operation)
    {
        var parameters = DummyParameters(OperationModel.Default.Operations[operation]);
        try
        {
            await Client.InvokeAsync(operation, parameters);
        }
        catch (PetardServiceException error)
        {
            Assert.DoesNotContain(NotImplemented, error.ServiceMessage, StringComparison.Ordinal);
            Assert.True((int)error.StatusCode is >= 400 and < 500, $"{operation} answered {(int)error.StatusCode} {error.ErrorType}: {error.ServiceMessage}");
        }

        Assert.Contains(operation, Gateway.Calls);
    }

    // Required members with values of their type that pass the client's own checks; identifiers name nothing.
    private static JsonObject DummyParameters(OperationDefinition operation)
    {
        var parameters = new JsonObject();
        foreach (var member in operation.Members.Values.Where(m => m.Required))
        {
            parameters[member.Name] = member.EnumName is { } enumName
                ? OperationModel.Default.EnumValues(enumName)[0]
                : member.Type switch
                {
                    MemberType.Integer or MemberType.Long => 1,
                    MemberType.Double => 1.0,
                    MemberType.Boolean => false,
                    MemberType.Map => new JsonObject(),
                    MemberType.List => new JsonArray("petard"),
                    MemberType.Structure => new JsonObject { ["type"] = "API" },
                    MemberType.Blob => "{}",
                    _ => member.Name.EndsWith("Date", StringComparison.Ordinal) ? "2026-01-01" : "petard",
                };
        }

        return parameters;
    }
}
