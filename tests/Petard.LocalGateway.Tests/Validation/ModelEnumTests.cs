using Petard.Model;

namespace Petard.Local.Tests.Validation;

/// <summary>
/// Enum validation generated from the operation model: for every operation member the model gives
/// an official enum, a value outside it is refused over HTTP with the service's ValidationException
/// and its enumValue wording, whatever the operation.
/// </summary>
public sealed class ModelEnumTests : GatewayTestBase
{
    public static TheoryData<string, string> EnumMembers()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in OperationModel.Default.Operations.Values.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            foreach (var member in operation.Members.Values.Where(m => m.EnumName is not null && m.Type == MemberType.String))
            {
                data.Add(operation.Name, member.Name);
            }
        }

        return data;
    }

    [Fact]
    public void The_model_gives_enums_to_members_of_many_operations()
    {
        // Guards the generated theory against a model that lost its enums (it would then test nothing).
        Assert.True(EnumMembers().Count() >= 15, $"only {EnumMembers().Count()} enum members in the model");
    }

    [Theory]
    [MemberData(nameof(EnumMembers))]
    public async Task A_value_outside_the_members_enum_is_refused_with_the_service_wording(string operationName, string memberName)
    {
        var operation = OperationModel.Default.Get(operationName);
        var member = operation.Members[memberName];
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var required in operation.Members.Values.Where(m => m.Required))
        {
            // Any value the reader takes; an enum member gets a valid one, so only the member under test is wrong.
            parameters[required.Name] = required.Type == MemberType.Blob ? "{}" : required.EnumName is { } name ? OperationModel.Default.EnumValues(name)[0] : "x";
        }

        parameters[memberName] = "NOT_IN_THE_ENUM";

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync(operationName, parameters));

        Assert.Equal("ValidationException", error.ErrorType);
        var at = member.Location == MemberLocation.Body ? char.ToLowerInvariant(operationName[0]) + operationName[1..] + "Input." + memberName : memberName;
        var values = string.Join(", ", OperationModel.Default.EnumValues(member.EnumName!));
        Assert.Equal($"1 validation error detected: Value 'NOT_IN_THE_ENUM' at '{at}' failed to satisfy constraint: Member must satisfy enum value set: [{values}]", error.ServiceMessage);
    }

    [Fact]
    public async Task Nested_enum_members_are_refused_too()
    {
        var endpoint = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateRestApi", new { name = "orders", endpointConfiguration = new { types = new[] { "GLOBAL" } } }));
        Assert.Equal("ValidationException", endpoint.ErrorType);
        Assert.Equal("1 validation error detected: Value 'GLOBAL' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: Member must satisfy enum value set: [REGIONAL, EDGE, PRIVATE]", endpoint.ServiceMessage);

        var period = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateUsagePlan", new { name = "gold", quota = new { limit = 10, period = "YEAR" } }));
        Assert.Equal("ValidationException", period.ErrorType);
        Assert.Equal("1 validation error detected: Value 'YEAR' at 'createUsagePlanInput.quota.period' failed to satisfy constraint: Member must satisfy enum value set: [DAY, WEEK, MONTH]", period.ServiceMessage);

        Assert.NotNull((await Client.InvokeAsync("CreateRestApi", new { name = "orders", endpointConfiguration = new { types = new[] { "REGIONAL" } } })).Id);
    }

    [Fact]
    public async Task Several_failing_members_are_named_in_one_answer_counted_and_joined()
    {
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateRestApi", new { name = "orders", apiKeySource = "COOKIE", endpointConfiguration = new { types = new[] { "GLOBAL", "PRIVATE", "LOCAL" } } }));

        Assert.Equal("ValidationException", error.ErrorType);
        Assert.Equal(
            "3 validation errors detected: "
            + "Value 'COOKIE' at 'createRestApiInput.apiKeySource' failed to satisfy constraint: Member must satisfy enum value set: [HEADER, AUTHORIZER]; "
            + "Value 'GLOBAL' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: Member must satisfy enum value set: [REGIONAL, EDGE, PRIVATE]; "
            + "Value 'LOCAL' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: Member must satisfy enum value set: [REGIONAL, EDGE, PRIVATE]",
            error.ServiceMessage);
        Assert.Empty((await Client.InvokeAsync("GetRestApis")).Items);
    }

    [Fact]
    public async Task A_missing_member_and_a_wrong_enum_are_named_together()
    {
        using var http = SignedHttp();
        using var response = await http.PostAsync("restapis/abc/authorizers", Body("{\"type\": \"FOO\"}"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var message = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>();
        Assert.Equal(
            "2 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null; "
            + "Value 'FOO' at 'createAuthorizerInput.type' failed to satisfy constraint: Member must satisfy enum value set: [TOKEN, REQUEST, COGNITO_USER_POOLS]",
            message);
    }
}
