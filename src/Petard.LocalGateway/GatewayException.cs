namespace Petard.Local;

/// <summary>
/// An error the emulator answers the way API Gateway does: an HTTP status, an
/// <c>x-amzn-ErrorType</c> header and a JSON body <c>{"message": ...}</c>.
/// </summary>
public sealed class GatewayException : Exception
{
    /// <summary>Creates an error answer.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="errorType">The error type, e.g. <c>NotFoundException</c>.</param>
    /// <param name="message">The message of the JSON body.</param>
    public GatewayException(int statusCode, string errorType, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The error type sent in <c>x-amzn-ErrorType</c>.</summary>
    public string ErrorType { get; }

    /// <summary>Seconds the client should wait, sent as <c>Retry-After</c> (429 only).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>400 BadRequestException.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public static GatewayException BadRequest(string message) => new(400, "BadRequestException", message);

    /// <summary>404 NotFoundException.</summary>
    /// <param name="message">Which identifier was not found.</param>
    public static GatewayException NotFound(string message) => new(404, "NotFoundException", message);

    /// <summary>409 ConflictException.</summary>
    /// <param name="message">What conflicts.</param>
    public static GatewayException Conflict(string message) => new(409, "ConflictException", message);

    /// <summary>429 TooManyRequestsException with a <c>Retry-After</c>.</summary>
    /// <param name="retryAfterSeconds">Seconds to wait.</param>
    public static GatewayException TooManyRequests(int retryAfterSeconds) =>
        new(429, "TooManyRequestsException", "Too Many Requests") { RetryAfterSeconds = retryAfterSeconds };
}
