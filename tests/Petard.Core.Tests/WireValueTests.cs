using System.Text.Json;
using System.Text.Json.Nodes;
using Petard.Execution;
using Petard.Model;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>Conversions the round trip cannot reach through the official model (it has no timestamp inputs today).</summary>
public class WireValueTests
{
    private static readonly DateTimeOffset Instant = new(2023, 11, 14, 22, 13, 20, 500, TimeSpan.Zero); // 1700000000.5

    [Fact]
    public void Timestamps_are_epoch_seconds_in_the_body()
    {
        var member = new MemberDefinition("at", MemberLocation.Body, "at", MemberType.Timestamp, false);

        Assert.Equal("1700000000.5", WireValues.ToJson(Instant, member, "Op", reflection: null)!.ToJsonString());
        Assert.Equal("1700000000.5", WireValues.ToJson(Instant.UtcDateTime, member, "Op", reflection: null)!.ToJsonString());
        Assert.Equal("1700000000.5", WireValues.ToJson(Instant.ToOffset(TimeSpan.FromHours(2)), member, "Op", reflection: null)!.ToJsonString());
    }

    [Fact]
    public void Timestamps_nested_in_structures_are_epoch_seconds_too()
    {
        var member = new MemberDefinition("settings", MemberLocation.Body, "settings", MemberType.Structure, false);

        var json = WireValues.ToJson(new { since = Instant, until = (DateTime?)null }, member, "Op", ParameterReflection.Shared)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"since\":1700000000.5}"), json), json.ToJsonString());
    }

    [Fact]
    public void Timestamps_and_numbers_in_the_query_string_are_invariant_text()
    {
        var timestamp = new MemberDefinition("at", MemberLocation.QueryString, "at", MemberType.Timestamp, false);
        var number = new MemberDefinition("n", MemberLocation.QueryString, "n", MemberType.Double, false);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("1700000000.5", WireValues.ToText(Instant, timestamp, "Op"));
            Assert.Equal("12.5", WireValues.ToText(12.5, number, "Op"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Json_values_keep_their_kind()
    {
        var member = new MemberDefinition("enabled", MemberLocation.QueryString, "enabled", MemberType.Boolean, false);
        using var document = JsonDocument.Parse("{\"a\":true,\"b\":false}");

        Assert.Equal("true", WireValues.ToText(document.RootElement.GetProperty("a"), member, "Op"));
        Assert.Equal("false", WireValues.ToText(JsonValue.Create(false), member, "Op"));
    }
}
