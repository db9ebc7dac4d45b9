using System.Text;
using Petard.Core.Tests.Infrastructure;
using Petard.Model;

namespace Petard.Local.Tests.EveryOperation;

/// <summary>
/// The operation table run through PetardClient over HTTP against a fresh emulator per case: every
/// operation of the official model answers its accepted call as the service does, and refuses its
/// invalid call with the service's error type and message.
/// </summary>
public sealed class EveryOperationTests : GatewayTestBase
{
    public static TheoryData<string> Operations() => new(OperationCases.All.Select(c => c.Operation));

    [Fact]
    public void The_table_has_one_row_per_operation_of_the_model()
    {
        var rows = OperationCases.All.Select(c => c.Operation).ToList();

        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(OperationModel.Default.Operations.Keys.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.Equal(120, rows.Count);
        Assert.Equal(["GetAccount"], OperationCases.All.Where(c => c.Invalid is null).Select(c => c.Operation));
        Assert.Equal(["GetSdk"], OperationCases.All.Where(c => c.Success.NotEmulated is not null).Select(c => c.Operation));
    }

    [Fact]
    public void The_table_expects_the_success_code_of_the_model_and_the_service_error_types()
    {
        var serviceErrors = new[] { "BadRequestException", "NotFoundException", "ConflictException" };

        Assert.Empty(OperationCases.All.Where(c => (int)c.Success.Status != OperationModel.Default.Operations[c.Operation].SuccessStatusCode).Select(c => c.Operation));
        Assert.Empty(OperationCases.All.Where(c => c.Refusal is { } refusal && !serviceErrors.Contains(refusal.ErrorType)).Select(c => c.Operation));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_valid_call_gets_the_service_answer(string operation)
    {
        var row = Find(operation);
        var world = await SetUpAsync(row);
        var expected = row.Success;

        if (expected.NotEmulated is { } notEmulated)
        {
            AssertRefused(notEmulated, await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync(operation, row.Valid(world))));
            return;
        }

        var answer = await Client.InvokeAsync(operation, row.Valid(world));

        Assert.Equal(expected.Status, answer.StatusCode);
        if (expected.Empty)
        {
            Assert.Equal("{}", answer.ToString());
        }

        if (expected.BodyContains is { } text)
        {
            Assert.Contains(text, Encoding.UTF8.GetString(answer.Body!.Value.Span), StringComparison.Ordinal);
        }

        foreach (var (path, value) in expected.Fields)
        {
            var actual = AnswerPath.Read(answer.Json, path);
            Assert.True(actual is not null, $"{operation} answered without '{path}': {answer}");
            if (value is not null)
            {
                Assert.Equal(value(world), actual);
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Operations))]
    public async Task The_valid_answer_has_the_official_output_shape(string operation)
    {
        var row = Find(operation);
        if (row.Success.NotEmulated is not null || OfficialModel.HasBlobOutput(operation))
        {
            return; // no JSON answer to compare: GetSdk is refused, GetExport answers the exported bytes
        }

        var world = await SetUpAsync(row);

        var answer = await Client.InvokeAsync(operation, row.Valid(world));

        Assert.Empty(OfficialShape.Differences(operation, answer.Json));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_invalid_call_gets_the_service_error(string operation)
    {
        var row = Find(operation);
        if (row.Invalid is null)
        {
            Assert.Empty(OperationModel.Default.Operations[operation].Members);
            return;
        }

        var world = await SetUpAsync(row);

        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync(operation, row.Invalid(world)));

        AssertRefused(row.Refusal!, error);
    }

    private static OperationCase Find(string operation) => OperationCases.All.Single(c => c.Operation == operation);

    private static void AssertRefused(Refusal expected, PetardServiceException error)
    {
        Assert.True(
            expected.ErrorType == error.ErrorType && error.ServiceMessage.Contains(expected.Gist, StringComparison.Ordinal),
            $"expected {expected.ErrorType} '{expected.Gist}', got {(int)error.StatusCode} {error.ErrorType}: {error.ServiceMessage}");
    }

    private async Task<World> SetUpAsync(OperationCase row)
    {
        var world = new World(Client);
        await world.SetUpAsync(row.Needs);
        return world;
    }
}
