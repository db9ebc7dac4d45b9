namespace Petard.Local.Tests;

/// <summary>GetAccount and UpdateAccount.</summary>
public sealed class AccountTests : GatewayTestBase
{
    [Fact]
    public async Task The_account_answers_its_throttle_and_keeps_the_CloudWatch_role()
    {
        var account = await Client.InvokeAsync("GetAccount");
        Assert.False(account.Has("cloudwatchRoleArn"));
        Assert.Equal(5000, account["throttleSettings"].GetProperty("burstLimit").GetInt32());

        const string role = "arn:aws:iam::123456789012:role/apigateway-logs";
        var updated = await Client.InvokeAsync("UpdateAccount", new { patchOperations = new[] { new { op = "replace", path = "/cloudwatchRoleArn", value = role } } });
        Assert.Equal(role, updated.GetString("cloudwatchRoleArn"));
        Assert.Equal(role, (await Client.InvokeAsync("GetAccount")).GetString("cloudwatchRoleArn"));
    }

    [Theory]
    [InlineData("replace", "/cloudwatchRoleArn", "arn:aws:s3:::bucket", "does not have required permissions")]
    [InlineData("replace", "/throttleSettings/burstLimit", "10", "Invalid patch path")]
    public async Task A_patch_the_service_refuses_is_a_BadRequest_and_changes_nothing(string op, string path, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateAccount", new { patchOperations = new[] { new { op, path, value } } }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains(expected, error.ServiceMessage, StringComparison.Ordinal);
        Assert.False((await Client.InvokeAsync("GetAccount")).Has("cloudwatchRoleArn"));
    }
}
