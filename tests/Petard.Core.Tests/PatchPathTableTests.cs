using Petard.Model;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>The patchPaths table of the service rules: well-formed data and how a path finds its rule.</summary>
public class PatchPathTableTests
{
    private static PatchPathTable Table => ServiceRules.Default.PatchPaths;

    [Fact]
    public void Every_rule_takes_only_ops_of_the_model_and_every_kind_has_paths()
    {
        var ops = OperationModel.Default.EnumValues("Op");
        foreach (var kind in Table.Kinds)
        {
            Assert.NotEmpty(Table.Rules(kind));
            foreach (var rule in Table.Rules(kind))
            {
                Assert.NotEmpty(rule.Ops);
                Assert.All(rule.Ops, op => Assert.Contains(op, ops));
                Assert.True(rule.Kind != PatchValueKind.Custom || rule.Handler is not null, $"{kind} {rule.Template} is custom without a handler");
                Assert.True(rule.Kind != PatchValueKind.Object || rule.Ops.SequenceEqual(["remove"]), $"{kind} {rule.Template}: a whole object is only removed");
            }
        }
    }

    [Theory]
    [InlineData("stage", "/variables/env", "/variables/{name}")]
    [InlineData("stage", "/accessLogSettings", "/accessLogSettings")]
    [InlineData("stage", "/accessLogSettings/format", "/accessLogSettings/format")]
    [InlineData("stage", "/~1pets/GET/throttling/rateLimit", "/{resourcePath}/{httpMethod}/{setting+}")]
    [InlineData("stage", "/*/*", "/{resourcePath}/{httpMethod}")]
    [InlineData("restApi", "/binaryMediaTypes/image~1png", "/binaryMediaTypes/{mediaType}")]
    [InlineData("usagePlan", "/apiStages/abc:prod/throttle//pets/GET/rateLimit", "/apiStages/{apiStage}/throttle/{method+}")]
    [InlineData("usagePlan", "/quota/period", "/quota/period")]
    public void A_path_finds_the_first_rule_whose_template_fits(string kind, string path, string template)
    {
        Assert.Equal(template, Table.Match(kind, path)?.Template);
    }

    [Theory]
    [InlineData("restApi", "/id")]
    [InlineData("restApi", "/binaryMediaTypes")]
    [InlineData("usagePlan", "/quota/unit")]
    [InlineData("usagePlan", "/apiStages/abc:prod/throttle")]
    [InlineData("requestValidator", "/validateRequestBody/x")]
    public void An_undocumented_path_finds_no_rule(string kind, string path)
    {
        Assert.Null(Table.Match(kind, path));
    }

    [Fact]
    public void Enum_typed_paths_name_enums_of_the_model()
    {
        Assert.Equal("QuotaPeriodType", Table.Match("usagePlan", "/quota/period")!.EnumName);
        Assert.Equal("ApiKeySourceType", Table.Match("restApi", "/apiKeySource")!.EnumName);
        Assert.Equal("CacheClusterSize", Table.Match("stage", "/cacheClusterSize")!.EnumName);
        Assert.Throws<InvalidDataException>(() => Table.Rules("noSuchKind"));
    }
}
