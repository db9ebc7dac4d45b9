using System.Text.Json;
using Petard.Core.Tests.Infrastructure;
using Petard.Model;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>Our embedded operation model against botocore's official API Gateway model, operation by operation.</summary>
public class ConformanceTests
{
    public static TheoryData<string> OfficialOperations => new(OfficialModel.OperationNames());

    [SkippableTheory]
    [MemberData(nameof(OfficialOperations))]
    public void Operation_matches_the_official_model(string name)
    {
        var official = OfficialModel.Operation(name);
        Assert.True(OperationModel.Default.Operations.TryGetValue(name, out var ours), $"{name} is in the official model but not in ours.");

        var http = official.GetProperty("http");
        Assert.Equal(http.GetProperty("method").GetString(), ours.Method);
        Assert.Equal(http.GetProperty("requestUri").GetString(), ours.UriTemplate);
        Assert.Equal(http.TryGetProperty("responseCode", out var code) ? code.GetInt32() : 200, ours.SuccessStatusCode);

        var input = official.TryGetProperty("input", out var inputRef) ? OfficialModel.Shape(inputRef.GetProperty("shape").GetString()!) : default;
        var officialMembers = input.ValueKind == JsonValueKind.Object ? input.GetProperty("members").EnumerateObject().ToList() : [];
        Assert.Equal(officialMembers.Select(m => m.Name).Order(StringComparer.Ordinal), ours.Members.Keys.Order(StringComparer.Ordinal));

        var required = input.ValueKind == JsonValueKind.Object && input.TryGetProperty("required", out var list)
            ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var payload = input.ValueKind == JsonValueKind.Object && input.TryGetProperty("payload", out var p) ? p.GetString() : null;

        foreach (var member in officialMembers)
        {
            var mine = ours.Members[member.Name];
            var shape = OfficialModel.Shape(member.Value.GetProperty("shape").GetString()!);
            var where = $"{name}.{member.Name}";
            Assert.True(ExpectedLocation(member.Value, member.Name == payload) == mine.Location, $"{where}: location {mine.Location}, official {ExpectedLocation(member.Value, member.Name == payload)}");
            Assert.True(WireName(member) == mine.WireName, $"{where}: wire name '{mine.WireName}', official '{WireName(member)}'");
            Assert.True(required.Contains(member.Name) == mine.Required, $"{where}: required {mine.Required}, official {required.Contains(member.Name)}");
            Assert.True(shape.GetProperty("type").GetString() == TypeName(mine.Type), $"{where}: type {mine.Type}, official {shape.GetProperty("type").GetString()}");
            if (member.Name == payload)
            {
                Assert.True(mine.Type == MemberType.Blob, $"{where}: the payload member must be a raw blob");
            }
        }

        Assert.Equal(OfficialModel.HasBlobOutput(name), ours.BlobOutput);
    }

    [SkippableFact]
    public void Every_operation_of_ours_is_official_and_there_are_120()
    {
        var official = OfficialModel.Require().GetProperty("operations").EnumerateObject().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(120, official.Count);
        Assert.All(OperationModel.Default.Operations.Keys, k => Assert.Contains(k, official));
        Assert.Equal(OfficialModel.Require().GetProperty("metadata").GetProperty("apiVersion").GetString(), OperationModel.Default.ApiVersion);
    }

    [SkippableFact]
    public void Paginated_operations_are_those_of_the_official_paginators()
    {
        OfficialModel.Require();
        var paginators = Path.Combine(Path.GetDirectoryName(OfficialModel.Path)!, "paginators-1.json");
        Skip.IfNot(File.Exists(paginators), $"{paginators} is missing");
        using var document = JsonDocument.Parse(File.ReadAllBytes(paginators));
        var expected = document.RootElement.GetProperty("pagination").EnumerateObject()
            .Where(p => p.Value.GetProperty("input_token").GetString() == "position")
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, OperationModel.Default.Operations.Values.Where(o => o.Paginated).Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    private static MemberLocation ExpectedLocation(JsonElement member, bool isPayload) =>
        isPayload ? MemberLocation.Payload : (member.TryGetProperty("location", out var l) ? l.GetString() : null) switch
        {
            null => MemberLocation.Body,
            "uri" => MemberLocation.Uri,
            "querystring" => MemberLocation.QueryString,
            "header" => MemberLocation.Header,
            var other => throw new InvalidDataException($"unexpected location {other}"),
        };

    private static string WireName(JsonProperty member) =>
        member.Value.TryGetProperty("locationName", out var wire) ? wire.GetString()! : member.Name;

    private static string TypeName(MemberType type) => type.ToString().ToLowerInvariant();
}
