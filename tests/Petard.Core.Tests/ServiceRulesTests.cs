using System.Text.Json;
using Petard.Core.Tests.Infrastructure;
using Petard.Model;
using Petard.Workflows;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>The service rules data (apigateway-customizations.json) and the client checks that read it.</summary>
public class ServiceRulesTests
{
    private static ServiceRules Rules => ServiceRules.Default;

    [Fact]
    public void Cache_sizes_and_put_modes_are_the_official_enums()
    {
        Assert.Equal(OperationModel.Default.EnumValues("CacheClusterSize"), Rules.CacheClusterSizes);
        Assert.Contains(Rules.DefaultCacheClusterSize, Rules.CacheClusterSizes);
        Assert.Equal(OperationModel.Default.EnumValues("PutMode"), Rules.PutModes);
        Assert.Contains(Rules.DefaultPutMode, Rules.PutModes);
        Assert.Equal("CacheClusterSize", OperationModel.Default.Get("CreateStage").Members["cacheClusterSize"].EnumName);
    }

    [Fact]
    public void Every_operation_is_read_only_idempotent_or_neither_as_its_method_suggests()
    {
        foreach (var operation in OperationModel.Default.Operations.Values)
        {
            Assert.True(operation.Method != "GET" || operation.IsReadOnly, $"{operation.Name} is a GET but not read-only");
            Assert.True(!operation.IsReadOnly || operation.IsIdempotent, $"{operation.Name} is read-only but not idempotent");
            Assert.True(!operation.Name.StartsWith("Create", StringComparison.Ordinal) || !operation.IsIdempotent, $"{operation.Name} creates but is said to be idempotent");
        }

        Assert.True(OperationModel.Default.Get("TestInvokeMethod").IsReadOnly);
        Assert.False(OperationModel.Default.Get("UpdateStage").IsReadOnly);
        Assert.True(OperationModel.Default.Get("UpdateStage").IsIdempotent);
    }

    [Fact]
    public void The_data_names_only_operations_of_the_model()
    {
        using var stream = typeof(ServiceRules).Assembly.GetManifestResourceStream("Petard.Model.apigateway-customizations.json")!;
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var named = root.GetProperty("readOnly").EnumerateArray().Concat(root.GetProperty("idempotent").EnumerateArray()).Select(n => n.GetString()!)
            .Concat(root.GetProperty("quotas").GetProperty("operations").EnumerateObject().Select(q => q.Name));
        Assert.All(named, name => Assert.Contains(name, OperationModel.Default.Operations.Keys));
    }

    [SkippableFact]
    public void Method_settings_are_the_official_MethodSetting_members_with_their_types()
    {
        var members = OfficialModel.Shape("MethodSetting").GetProperty("members");
        Assert.Equal(members.EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal), Rules.MethodSettings.All.Select(s => s.Property).Order(StringComparer.Ordinal));
        foreach (var setting in Rules.MethodSettings.All)
        {
            var shapeName = members.GetProperty(setting.Property).GetProperty("shape").GetString()!;
            var shape = OfficialModel.Shape(shapeName);
            Assert.Equal(shape.GetProperty("type").GetString(), setting.Type.ToString().ToLowerInvariant());
            if (shape.TryGetProperty("enum", out _))
            {
                Assert.Equal(OperationModel.Default.EnumValues(shapeName), setting.Values);
            }

            Assert.True(setting.TryParse(setting.Default.ToJsonString().Trim('"'), out _), $"{setting.Key}: its default is not a value it accepts");
        }
    }

    [Theory]
    [InlineData("throttling/rateLimit", "50.5", true)]
    [InlineData("throttling/rateLimit", "-1", false)]
    [InlineData("throttling/burstLimit", "100", true)]
    [InlineData("throttling/burstLimit", "1.5", false)]
    [InlineData("caching/ttlInSeconds", "3600", true)]
    [InlineData("caching/ttlInSeconds", "3601", false)]
    [InlineData("logging/loglevel", "INFO", true)]
    [InlineData("logging/loglevel", "LOUD", false)]
    [InlineData("metrics/enabled", "yes", false)]
    [InlineData("caching/unauthorizedCacheControlHeaderStrategy", "FAIL_WITH_403", true)]
    public void A_method_setting_accepts_what_the_service_accepts(string key, string value, bool accepted)
    {
        var rule = Rules.MethodSettings.Find(key);
        Assert.NotNull(rule);
        Assert.Equal(accepted, rule.Accepts(value));
        Assert.Null(Rules.MethodSettings.Find("throttling/nonsense"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("quote\"")]
    public void An_empty_or_bad_variable_value_is_refused_as_the_service_documents(string value)
    {
        var error = Assert.Throws<PetardException>(() => StageRules.ValidateVariables(new Dictionary<string, string> { ["release"] = value }));

        Assert.Equal(PetardErrorCodes.InvalidStageVariable, error.Code);
        Assert.Contains("'release'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Variables"], error.Settings);
    }

    [Fact]
    public void Limits_come_from_the_data()
    {
        StageRules.ValidateStageName(new string('s', Rules.StageName.MaxLength));
        StageRules.ValidateVariables(new Dictionary<string, string> { [new string('n', Rules.VariableName.MaxLength)] = new string('v', Rules.VariableValue.MaxLength) });

        Assert.Equal(PetardErrorCodes.InvalidStageName, Assert.Throws<PetardException>(() => StageRules.ValidateStageName(new string('s', Rules.StageName.MaxLength + 1))).Code);
        Assert.Throws<PetardException>(() => StageRules.ValidateVariables(new Dictionary<string, string> { [new string('n', Rules.VariableName.MaxLength + 1)] = "v" }));
        Assert.Throws<PetardException>(() => StageRules.ValidateVariables(new Dictionary<string, string> { ["n"] = new string('v', Rules.VariableValue.MaxLength + 1) }));
        Assert.Throws<PetardException>(() => StageRules.ValidateCacheClusterSize("3"));
        StageRules.ValidateCacheClusterSize(Rules.CacheClusterSizes[^1]);
    }

    [Fact]
    public void Rule_messages_name_settings_neutrally()
    {
        var missing = Assert.Throws<PetardException>(() => StageRules.ValidateStageName(" "));
        Assert.Equal(["StageName"], missing.Settings);
        Assert.Contains("PetardStageName", missing.Describe(name => "Petard" + name), StringComparison.Ordinal);
        Assert.DoesNotContain("MSBuild", missing.Message, StringComparison.Ordinal);

        var size = Assert.Throws<PetardException>(() => StageRules.ValidateCacheClusterSize("3"));
        Assert.Equal(["CacheClusterSize"], size.Settings);
    }
}
