namespace Petard.Local.DataPlane;

/// <summary>
/// A failure on the data plane, answered as the service answers it: one of its gateway response
/// types, a status and a JSON body <c>{"message": ...}</c>. The detail goes to the emulator's
/// log only, as the service keeps it in its execution log.
/// </summary>
internal sealed class GatewayResponseException(string responseType, int statusCode, string message, string? detail = null)
    : Exception(detail ?? message)
{
    /// <summary>The gateway response type, e.g. <c>MISSING_AUTHENTICATION_TOKEN</c>.</summary>
    public string ResponseType { get; } = responseType;

    public int StatusCode { get; } = statusCode;

    /// <summary>The body's message, as the service words it.</summary>
    public string ResponseMessage { get; } = message;

    /// <summary>What went wrong, for the log line.</summary>
    public string? Detail { get; } = detail;

    public static GatewayResponseException MissingAuthenticationToken() =>
        new("MISSING_AUTHENTICATION_TOKEN", 403, "Missing Authentication Token");

    public static GatewayResponseException Forbidden(string detail) => new("ACCESS_DENIED", 403, "Forbidden", detail);

    public static GatewayResponseException ConfigurationError(string detail) =>
        new("API_CONFIGURATION_ERROR", 500, "Internal server error", detail);

    public static GatewayResponseException IntegrationFailure(string detail) =>
        new("INTEGRATION_FAILURE", 502, "Internal server error", detail);

    public static GatewayResponseException IntegrationTimeout(string detail) =>
        new("INTEGRATION_TIMEOUT", 504, "Endpoint request timed out", detail);

    public static GatewayResponseException UnsupportedMediaType(string detail) =>
        new("UNSUPPORTED_MEDIA_TYPE", 415, "Unsupported Media Type", detail);
}
