using System.Net;

namespace Petard.Local.Tests;

/// <summary>VPC links.</summary>
public sealed class VpcLinkTests : GatewayTestBase
{
    private const string LoadBalancer = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/orders/50dc6c495c0c9188";

    [Fact]
    public async Task A_vpc_link_has_full_crud_and_is_available_at_once()
    {
        var created = await Client.InvokeAsync("CreateVpcLink", new { name = "orders", targetArns = new[] { LoadBalancer }, description = "to the NLB" });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal("PENDING", created.GetString("status"));
        var read = await Client.InvokeAsync("GetVpcLink", new { vpcLinkId = created.Id });
        Assert.Equal("AVAILABLE", read.GetString("status"));
        Assert.Equal("Your vpc link is ready for use", read.GetString("statusMessage"));
        Assert.Empty(read["tags"].EnumerateObject());

        var updated = await Client.InvokeAsync("UpdateVpcLink", new { vpcLinkId = created.Id, patchOperations = new[] { new { op = "replace", path = "/name", value = "renamed" } } });
        Assert.Equal("renamed", updated.GetString("name"));
        Assert.Equal("renamed", (await Client.InvokeAsync("GetVpcLink", new { vpcLinkId = created.Id })).GetString("name"));
        Assert.Single((await Client.InvokeAsync("GetVpcLinks")).Items);

        Assert.Equal(HttpStatusCode.Accepted, (await Client.InvokeAsync("DeleteVpcLink", new { vpcLinkId = created.Id })).StatusCode);
        var gone = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetVpcLink", new { vpcLinkId = created.Id }));
        Assert.Equal("NotFoundException", gone.ErrorType);
    }

    [Fact]
    public async Task A_target_that_is_not_an_arn_or_an_empty_name_is_a_BadRequest_worded_as_the_service_words_it()
    {
        var arn = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateVpcLink", new { name = "orders", targetArns = new[] { "invalid-arn" } }));
        Assert.Equal("BadRequestException", arn.ErrorType);
        Assert.Equal("Invalid ARN. ARN is not well formed invalid-arn", arn.ServiceMessage);

        var name = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateVpcLink", new { name = "", targetArns = new[] { LoadBalancer } }));
        Assert.Equal("Name cannot be empty", name.ServiceMessage);

        var missing = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetVpcLink", new { vpcLinkId = "nope00" }));
        Assert.Equal("Invalid Vpc Link identifier specified", missing.ServiceMessage);
    }
}
