using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Petard.Local.DataPlane.Steps;
using Petard.Local.DataPlane.Templates;
using Petard.Local.Operations;
using Petard.Model;

namespace Petard.Local.DataPlane;

/// <summary>
/// Turns a data-plane failure into the answer the service gives: the rest API's customized gateway
/// response of the failure's type, else its customized DEFAULT_4XX/DEFAULT_5XX, else the default
/// (the failure's status and <c>{"message": ...}</c>). A customized one sets the status, the
/// headers (<c>gatewayresponse.header.*</c>) and the body from its template, chosen by Accept.
/// </summary>
internal static class GatewayResponses
{
    private static readonly Dictionary<string, string> ErrorTypes = new(StringComparer.Ordinal)
    {
        ["MISSING_AUTHENTICATION_TOKEN"] = "MissingAuthenticationTokenException",
        ["ACCESS_DENIED"] = "ForbiddenException",
        ["INVALID_API_KEY"] = "ForbiddenException",
        ["UNAUTHORIZED"] = "UnauthorizedException",
        ["AUTHORIZER_CONFIGURATION_ERROR"] = "AuthorizerConfigurationException",
        ["AUTHORIZER_FAILURE"] = "AuthorizerConfigurationException",
        ["BAD_REQUEST_PARAMETERS"] = "BadRequestException",
        ["BAD_REQUEST_BODY"] = "BadRequestException",
        ["UNSUPPORTED_MEDIA_TYPE"] = "UnsupportedMediaTypeException",
        ["REQUEST_TOO_LARGE"] = "RequestTooLargeException",
        ["THROTTLED"] = "TooManyRequestsException",
        ["QUOTA_EXCEEDED"] = "LimitExceededException",
    };

    public static InvokeResponse Build(Invocation? invocation, string requestId, GatewayResponseException error)
    {
        var customized = invocation is null ? null : Customized(invocation.Api, error);
        var response = new InvokeResponse(error.StatusCode)
        {
            Body = Encoding.UTF8.GetBytes(customized is null && error.DefaultBody is { } body
                ? body
                : new JsonObject { ["message"] = error.ResponseMessage }.ToJsonString()),
        };
        response.SetHeader("Content-Type", "application/json");
        if (customized is not null)
        {
            Apply(invocation!, customized, response);
        }

        response.SetHeader("x-amzn-RequestId", requestId);
        response.SetHeader("x-amzn-ErrorType", error.ErrorType ?? ErrorTypes.GetValueOrDefault(error.ResponseType, "InternalServerErrorException"));
        return response;
    }

    // The type's own customized response, else its family's (by the type's default status, else the failure's).
    private static JsonObject? Customized(JsonObject api, GatewayResponseException error)
    {
        var responses = api["gatewayResponses"] as JsonObject ?? [];
        if (responses[error.ResponseType] is JsonObject own)
        {
            return own;
        }

        var status = ServiceRules.Default.GatewayResponseStatusCodes.GetValueOrDefault(error.ResponseType) ?? error.StatusCode.ToString(CultureInfo.InvariantCulture);
        return responses[status.StartsWith('4') ? "DEFAULT_4XX" : "DEFAULT_5XX"] as JsonObject;
    }

    private static void Apply(Invocation invocation, JsonObject customized, InvokeResponse response)
    {
        if (customized["statusCode"]?.ToString() is { } status && int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            response.StatusCode = code;
        }

        foreach (var (name, value) in ParameterMapping.Targets(customized["responseParameters"] as JsonObject, "gatewayresponse.header.", invocation))
        {
            response.SetHeader(name, value);
        }

        var templates = customized["responseTemplates"] as JsonObject is { Count: > 0 } own ? own : GatewayResponseOperations.DefaultTemplates();
        if (IntegrationResponseStep.ChooseTemplate(templates, invocation.Request.Header("Accept")) is ({ } contentType, { } template))
        {
            try
            {
                var name = $"gateway response template '{contentType}'";
                response.Body = Encoding.UTF8.GetBytes(MappingTemplate.Render(name, template, new TemplateData(invocation, invocation.Request.Body, contentType)));
                response.SetHeader("Content-Type", contentType);
            }
            catch (GatewayResponseException)
            {
                // A template the engine cannot run keeps the default body rather than failing the failure.
            }
        }
    }
}
