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

    [Fact]
    public void A_URI_template_is_parsed_into_segments_and_literal_query()
    {
        var import = OperationModel.Default.Get("ImportRestApi").ParsedUri;
        var method = OperationModel.Default.Get("GetMethod").ParsedUri;

        Assert.Equal([new UriTemplateSegment("restapis", IsLabel: false)], import.Segments);
        Assert.Equal([new KeyValuePair<string, string>("mode", "import")], import.LiteralQuery);
        Assert.Equal(["restapis", "restapi_id", "resources", "resource_id", "methods", "http_method"], method.Segments.Select(s => s.Text));
        Assert.Equal([false, true, false, true, false, true], method.Segments.Select(s => s.IsLabel));
        Assert.Empty(method.LiteralQuery);
    }

    [Fact]
    public void Changing_the_template_with_a_copy_parses_it_again()
    {
        var copy = OperationModel.Default.Get("GetRestApis") with { UriTemplate = "/restapis/{restapi_id}?mode=x" };

        Assert.Equal("/restapis/{restapi_id}?mode=x", copy.UriTemplate);
        Assert.Equal(2, copy.ParsedUri.Segments.Count);
        Assert.Equal("x", Assert.Single(copy.ParsedUri.LiteralQuery).Value);
        Assert.Equal(OperationModel.Default.Get("GetRestApis"), OperationModel.Default.Get("GetRestApis") with { });
    }
}
