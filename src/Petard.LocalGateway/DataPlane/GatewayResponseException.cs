namespace Petard.Local.DataPlane;

/// <summary>
/// A failure on the data plane, answered as the service answers it: one of its gateway response
/// types, a status and a JSON body <c>{"message": ...}</c> (or the API's customized gateway
/// response). The detail goes to the emulator's log only, as the service keeps it in its execution log.
/// </summary>
internal sealed class GatewayResponseException(string responseType, int statusCode, string? message, string? detail = null)
    : Exception(detail ?? message)
{
    /// <summary>The gateway response type, e.g. <c>MISSING_AUTHENTICATION_TOKEN</c>.</summary>
    public string ResponseType { get; } = responseType;

    public int StatusCode { get; } = statusCode;

    /// <summary>The body's message, as the service words it; <c>null</c> where the service answers <c>{"message": null}</c>.</summary>
    public string? ResponseMessage { get; } = message;

    /// <summary>What went wrong, for the log line.</summary>
    public string? Detail { get; } = detail;

    /// <summary>The <c>x-amzn-ErrorType</c> when it is not the one of <see cref="ResponseType"/>.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The body the service answers while the type's gateway response is not customized, when not <c>{"message": ...}</c>.</summary>
    public string? DefaultBody { get; init; }

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

    public static GatewayResponseException Unauthorized(string detail) => new("UNAUTHORIZED", 401, "Unauthorized", detail);

    /// <summary>An authorizer's policy that does not allow the method; the service answers these with a capital <c>Message</c>.</summary>
    public static GatewayResponseException AuthorizerDenied(bool explicitDeny, string detail)
    {
        var message = explicitDeny ? "User is not authorized to access this resource with an explicit deny" : "User is not authorized to access this resource";
        return new("ACCESS_DENIED", 403, message, detail)
        {
            ErrorType = "AccessDeniedException",
            DefaultBody = System.Text.Json.Nodes.JsonValue.Create(message) is { } value ? "{\"Message\":" + value.ToJsonString() + "}" : null,
        };
    }

    public static GatewayResponseException AuthorizerConfigurationError(string detail) =>
        new("AUTHORIZER_CONFIGURATION_ERROR", 500, null, detail);

    public static GatewayResponseException AuthorizerFailure(string detail) =>
        new("AUTHORIZER_FAILURE", 500, null, detail);

    public static GatewayResponseException BadRequestBody(string detail) =>
        new("BAD_REQUEST_BODY", 400, "Invalid request body", detail);

    public static GatewayResponseException BadRequestParameters(IEnumerable<string> missing, string detail) =>
        new("BAD_REQUEST_PARAMETERS", 400, $"Missing required request parameters: [{string.Join(", ", missing)}]", detail);
}
