using System.Net;
using System.Text;
using Xunit.Abstractions;
using Petard.Reliability.Tests.Infrastructure;

namespace Petard.Reliability.Tests;

/// <summary>
/// The response reader against answers no API Gateway sends but proxies, load balancers and broken
/// networks do, over real sockets: every one ends in a <see cref="PetardException"/> (or, for a
/// well-formed success, a <see cref="Resource"/> whose members all read), never another exception
/// type, a crash or a hang (each call is bounded by a token).
/// </summary>
public sealed class ResponseFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(20);
    private readonly RawHttpServer server = new();

    public static TheoryData<string, string> Named => CaseTable.NamesAndCodes(NamedCases, c => c.Code);

    private static readonly Dictionary<string, (Func<Stream, CancellationToken, Task> Answer, string Code)> NamedCases = new()
    {
        ["truncated JSON"] = (Json(200, "{\"item\":[{\"id\":\"a1\",\"name\":\"or"), PetardErrorCodes.UnreadableResponse),
        ["body shorter than its Content-Length"] = (RawHttpServer.Response(200, "application/json", Utf8("{\"id\":\"a1\""), contentLength: 500), PetardErrorCodes.Unreachable),
        ["array root"] = (Json(200, "[{\"id\":\"a1\"}]"), PetardErrorCodes.UnreadableResponse),
        ["number root"] = (Json(200, "42"), PetardErrorCodes.UnreadableResponse),
        ["string root"] = (Json(200, "\"ok\""), PetardErrorCodes.UnreadableResponse),
        ["null root"] = (Json(200, "null"), PetardErrorCodes.UnreadableResponse),
        ["HTML 502 from a proxy"] = (Html(502, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"), PetardErrorCodes.ServiceError),
        ["HTML 504 from a load balancer"] = (Html(504, "<html><body><h1>504 Gateway Time-out</h1>The server didn't respond in time.</body></html>"), PetardErrorCodes.ServiceError),
        ["HTML 200 from a captive portal"] = (Html(200, "<!DOCTYPE html><html><body>Please log in to the hotel Wi-Fi</body></html>"), PetardErrorCodes.UnreadableResponse),
        ["empty 400"] = (RawHttpServer.Response(400, null, []), PetardErrorCodes.ServiceError),
        ["empty 403"] = (RawHttpServer.Response(403, null, []), PetardErrorCodes.ServiceError),
        ["empty 404"] = (RawHttpServer.Response(404, null, []), PetardErrorCodes.ServiceError),
        ["empty 429"] = (RawHttpServer.Response(429, null, []), PetardErrorCodes.ServiceError),
        ["empty 500"] = (RawHttpServer.Response(500, null, []), PetardErrorCodes.ServiceError),
        ["empty 503"] = (RawHttpServer.Response(503, null, []), PetardErrorCodes.ServiceError),
        ["Content-Length over the limit"] = (RawHttpServer.Response(200, "application/json", Utf8("{"), contentLength: 100L * 1024 * 1024), PetardErrorCodes.UnreadableResponse),
        ["streamed body over the limit"] = (Endless, PetardErrorCodes.UnreadableResponse),
        ["invalid UTF-8 in a success"] = (RawHttpServer.Response(200, "application/json", [.. Utf8("{\"id\":\""), 0xC3, 0x28, 0xFF, .. Utf8("\"}")]), PetardErrorCodes.UnreadableResponse),
        ["invalid UTF-8 in an error message"] = (RawHttpServer.Response(400, "application/json", [.. Utf8("{\"message\":\""), 0xFE, 0xFF, 0x80, .. Utf8("\"}")]), PetardErrorCodes.ServiceError),
        ["JSON nested 10,000 deep"] = (Json(200, new string('[', 10_000) + new string(']', 10_000)), PetardErrorCodes.UnreadableResponse),
        ["not HTTP at all"] = (RawHttpServer.Bytes(Utf8("SSH-2.0-OpenSSH_9.6\r\n")), PetardErrorCodes.Unreachable),
        ["closed without an answer"] = (RawHttpServer.Bytes([]), PetardErrorCodes.Unreachable),
        ["malformed status line"] = (RawHttpServer.Bytes(Utf8("HTTP/1.1 OK fine\r\n\r\n")), PetardErrorCodes.Unreachable),
        ["garbage Retry-After and error type"] = (RawHttpServer.Response(429, "application/json", Utf8("{}"), "Retry-After: soon-ish\r\nx-amzn-ErrorType: ::#\r\n"), PetardErrorCodes.ServiceError),
        ["error body of the wrong types"] = (Json(400, "{\"message\":[1,2],\"__type\":{\"a\":1},\"code\":7}"), PetardErrorCodes.ServiceError),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Named))]
    public async Task A_malformed_answer_becomes_its_coded_PetardException(string name, string code)
    {
        server.Answer = NamedCases[name].Answer;

        var outcome = await CallAsync(maxAttempts: 1);

        var error = Assert.IsAssignableFrom<PetardException>(outcome);
        Assert.Equal(code, error.Code);
        Assert.DoesNotContain("reliability-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task A_success_with_an_empty_body_is_a_Resource_whose_members_all_read(int status)
    {
        server.Answer = RawHttpServer.Response(status, null, []);

        var outcome = await CallAsync(maxAttempts: 1);

        var resource = Assert.IsType<Resource>(outcome);
        ReadEveryMember(resource);
        Assert.Equal("{}", resource.ToString()); // an empty body reads as an empty object
    }

    [Fact]
    public async Task A_proxy_page_that_persists_ends_the_retries_with_PETARD1011()
    {
        server.Answer = Html(502, "<html><body>Bad Gateway</body></html>");

        var outcome = await CallAsync(maxAttempts: 3);

        var error = Assert.IsType<PetardRetriesExhaustedException>(outcome);
        Assert.Equal("Http502", error.LastServiceError!.ErrorType);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Three_hundred_seeded_random_answers_end_in_a_PetardException_or_a_readable_Resource()
    {
        var random = new Random(20261124);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 300; i++)
        {
            var (description, answer) = RandomAnswer(random);
            server.Answer = RawHttpServer.Bytes(answer);

            var outcome = await CallAsync(maxAttempts: 1 + random.Next(2));

            switch (outcome)
            {
                case Resource resource:
                    ReadEveryMember(resource);
                    Count(outcomes, "Resource");
                    break;
                case PetardException error:
                    Count(outcomes, $"{error.GetType().Name} {error.Code}");
                    break;
                default:
                    Assert.Fail($"case {i} ({description}) ended in {outcome}");
                    break;
            }
        }

        output.WriteLine(string.Join(Environment.NewLine, outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value}")));
        Assert.True(outcomes.Count >= 3, "the cases should reach several outcomes: " + string.Join(", ", outcomes));
    }

    private async Task<object> CallAsync(int maxAttempts)
    {
        using var client = Clients.Create(server.Url, Clients.FastRetry(maxAttempts, attemptTimeout: TimeSpan.FromSeconds(5)));
        using var bound = new CancellationTokenSource(HangBound);
        try
        {
            return await client.InvokeAsync("GetRestApis", cancellationToken: bound.Token);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"the call hung for {HangBound}");
        }
#pragma warning disable CA1031 // the test is about which exceptions come out: all of them are caught and judged
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }

    private static void ReadEveryMember(Resource resource)
    {
        _ = resource.ToString();
        _ = resource.Id;
        _ = resource.Position;
        _ = resource.ContentType;
        _ = resource.Has("item");
        foreach (var item in resource.Items)
        {
            _ = item.ToString();
            _ = item.Id;
        }
    }

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    private static (string Description, byte[] Answer) RandomAnswer(Random random)
    {
        int[] statuses = [200, 201, 202, 204, 301, 400, 401, 403, 404, 409, 413, 429, 500, 502, 503, 504, random.Next(100, 600)];
        var status = statuses[random.Next(statuses.Length)];
        string[] contentTypes = ["application/json", "text/html", "text/plain", "application/octet-stream", ""];
        var contentType = contentTypes[random.Next(contentTypes.Length)];
        var body = random.Next(4) switch
        {
            0 => RandomBytes(random, random.Next(0, 3000)),
            1 => Mutate(random, Utf8("{\"item\":[{\"id\":\"a1b2c3\",\"name\":\"orders\",\"createdDate\":1700000000}],\"position\":\"p2\"}")),
            2 => Utf8(RandomJson(random, 0)),
            _ => Mutate(random, Utf8("<html><body><h1>" + status + " Error</h1></body></html>")),
        };
        var head = new StringBuilder($"HTTP/1.1 {status} X\r\n");
        if (contentType.Length > 0)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        if (random.Next(3) == 0)
        {
            head.Append($"Retry-After: {(random.Next(2) == 0 ? random.Next(0, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : "whenever")}\r\n");
        }

        if (random.Next(3) == 0)
        {
            head.Append("x-amzn-ErrorType: ").Append(Encoding.ASCII.GetString(RandomBytes(random, random.Next(0, 20)).Select(b => (byte)(33 + (b % 90))).ToArray())).Append("\r\n");
        }

        var framing = random.Next(4);
        head.Append(framing switch
        {
            0 => $"Content-Length: {body.Length}\r\n",
            1 => $"Content-Length: {body.Length + random.Next(1, 1000)}\r\n", // promises more than it sends
            2 => "Transfer-Encoding: chunked\r\n", // and then does not chunk
            _ => "",
        });
        head.Append("Connection: close\r\n\r\n");
        byte[] answer = random.Next(10) == 0 ? RandomBytes(random, random.Next(1, 500)) : [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
        return ($"status {status}, {contentType}, framing {framing}, {body.Length} bytes", answer);
    }

    private static string RandomJson(Random random, int depth) => (depth > 4 ? random.Next(4) : random.Next(7)) switch
    {
        0 => random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => "\"" + new string(Enumerable.Range(0, random.Next(12)).Select(_ => (char)random.Next(0x20, 0x2FF)).Where(c => c is not ('"' or '\\')).ToArray()) + "\"",
        2 => random.Next(2) == 0 ? "true" : "null",
        3 => "1e400",
        4 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth + 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => $"\"{(random.Next(3) == 0 ? "item" : "id")}\":" + RandomJson(random, depth + 1))) + "}",
    };

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var copy = bytes.ToList();
        for (var i = random.Next(1, 6); i > 0 && copy.Count > 0; i--)
        {
            var at = random.Next(copy.Count);
            switch (random.Next(3))
            {
                case 0: copy[at] = (byte)random.Next(256); break;
                case 1: copy.RemoveRange(at, copy.Count - at); break;
                default: copy.Insert(at, (byte)random.Next(256)); break;
            }
        }

        return [.. copy];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Func<Stream, CancellationToken, Task> Json(int status, string body) => RawHttpServer.Response(status, "application/json", Utf8(body));

    private static Func<Stream, CancellationToken, Task> Html(int status, string body) => RawHttpServer.Response(status, "text/html", Utf8(body));

    /// <summary>A success without a length that never ends: the reader must stop at its limit.</summary>
    private static async Task Endless(Stream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Utf8("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n["), cancellationToken);
        var chunk = Utf8(string.Concat(Enumerable.Repeat("1,", 512 * 1024)));
        for (var sent = 0L; sent < 200L * 1024 * 1024; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk, cancellationToken);
        }
    }
}
