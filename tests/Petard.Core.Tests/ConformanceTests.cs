using System.Diagnostics;
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

    [SkippableFact]
    public void Enums_are_the_official_ones_and_members_name_theirs()
    {
        var shapes = OfficialModel.Require().GetProperty("shapes").EnumerateObject().ToList();
        var official = shapes.Where(s => s.Value.TryGetProperty("enum", out _))
            .ToDictionary(s => s.Name, s => s.Value.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList(), StringComparer.Ordinal);
        Assert.Equal(official.Keys.Order(StringComparer.Ordinal), OperationModel.Default.Enums.Keys.Order(StringComparer.Ordinal));
        Assert.All(official, e => Assert.Equal(e.Value, OperationModel.Default.EnumValues(e.Key)));

        foreach (var operation in OperationModel.Default.Operations.Values)
        {
            var input = OfficialModel.Operation(operation.Name).TryGetProperty("input", out var inputRef) ? OfficialModel.Shape(inputRef.GetProperty("shape").GetString()!) : default;
            foreach (var member in operation.Members.Values)
            {
                var shape = input.GetProperty("members").GetProperty(member.Name).GetProperty("shape").GetString()!;
                Assert.True((official.ContainsKey(shape) ? shape : null) == member.EnumName, $"{operation.Name}.{member.Name}: enum {member.EnumName}, official {shape}");
            }
        }
    }

    [SkippableFact]
    public void The_generator_writes_the_committed_model()
    {
        OfficialModel.Require();
        var script = Repository.File("build", "generate-operation-model.py");
        var output = Path.Combine(Path.GetTempPath(), $"petard-model-{Guid.NewGuid():N}.json");
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", [script, OfficialModel.Path!, output]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var errors = python.StandardError.ReadToEnd();
            python.WaitForExit();
            Assert.True(python.ExitCode == 0, errors);
            Assert.Equal(File.ReadAllText(Repository.File("src", "Petard.Core", "Model", "apigateway-operations.json")), File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
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
