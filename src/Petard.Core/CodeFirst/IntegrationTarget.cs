using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Petard.CodeFirst;

/// <summary>
/// Builds an operation's <c>x-amazon-apigateway-integration</c> from a type and a URI, as the API
/// Gateway developer guide writes them for a proxy to a backend, a Lambda proxy and a mock.
/// </summary>
internal static partial class IntegrationTarget
{
    public const string HttpProxy = "http_proxy";
    public const string AwsProxy = "aws_proxy";
    public const string Mock = "mock";

    /// <summary>The integration type as the extension writes it; null when Petard does not build that type.</summary>
    public static string? Normalize(string type) => type.Trim().ToLowerInvariant().Replace("-", "_", StringComparison.Ordinal) switch
    {
        HttpProxy or "httpproxy" => HttpProxy,
        AwsProxy or "awsproxy" => AwsProxy,
        Mock => Mock,
        _ => null,
    };

    /// <summary>Checks a URI for a type before anything is built, so a bad setting fails once, not per operation.</summary>
    public static void Validate(string type, string? uri, string operation)
    {
        if (type == Mock)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(uri))
        {
            throw PetardErrors.IntegrationUriMissing(type, operation);
        }

        var valid = type == HttpProxy
            ? Uri.TryCreate(StageVariable().Replace(uri.Trim(), "stage"), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && !StageVariable().Replace(uri, "").Contains('{', StringComparison.Ordinal)
            : LambdaArn().IsMatch(uri.Trim()) || GatewayLambdaUri().IsMatch(uri.Trim()) || FunctionName().IsMatch(uri.Trim());
        if (!valid)
        {
            throw PetardErrors.IntegrationUriInvalid(uri, type, operation);
        }
    }

    /// <summary>The integration of one operation.</summary>
    /// <param name="type">A normalized type.</param>
    /// <param name="uri">The validated URI (none for mock).</param>
    /// <param name="method">The operation's method, upper case; <c>ANY</c> for x-amazon-apigateway-any-method.</param>
    /// <param name="path">The operation's path as the definition writes it.</param>
    /// <param name="region">The region a Lambda function is in, unless its ARN says.</param>
    public static JsonObject Build(string type, string? uri, string method, string path, string region) => type switch
    {
        HttpProxy => new JsonObject
        {
            ["type"] = HttpProxy,
            ["httpMethod"] = method,
            ["uri"] = uri!.Trim().TrimEnd('/') + WithoutGreedy(path),
            ["passthroughBehavior"] = "when_no_match",
            ["requestParameters"] = PathParameterMappings(path),
        },
        AwsProxy => new JsonObject
        {
            ["type"] = AwsProxy,
            ["httpMethod"] = "POST", // Lambda is always invoked with POST, whatever the client's method
            ["uri"] = LambdaInvocationUri(uri!.Trim(), region),
            ["passthroughBehavior"] = "when_no_match",
        },
        _ => new JsonObject
        {
            ["type"] = Mock,
            ["requestTemplates"] = new JsonObject { ["application/json"] = "{\"statusCode\": 200}" },
            ["passthroughBehavior"] = "when_no_match",
            ["responses"] = new JsonObject { ["default"] = new JsonObject { ["statusCode"] = "200" } },
        },
    };

    /// <summary>The names of a path's parameters, without the greedy <c>+</c>: <c>/files/{proxy+}</c> has <c>proxy</c>.</summary>
    public static IEnumerable<string> PathParameters(string path) =>
        PathParameter().Matches(path).Select(m => m.Groups[1].Value);

    /// <summary>The path with each greedy parameter written as ASP.NET Core writes a catch-all: <c>/files/{path+}</c> as <c>/files/{path}</c>.</summary>
    public static string WithoutGreedy(string path) => GreedyParameter().Replace(path, "{$1}");

    private static JsonObject PathParameterMappings(string path)
    {
        var mappings = new JsonObject();
        foreach (var name in PathParameters(path))
        {
            mappings[$"integration.request.path.{name}"] = $"method.request.path.{name}";
        }

        return mappings;
    }

    /// <summary>A Lambda function (ARN or name) as API Gateway's invocation URI; one already in that form is kept.</summary>
    private static string LambdaInvocationUri(string function, string region)
    {
        if (GatewayLambdaUri().IsMatch(function))
        {
            return function;
        }

        var arn = LambdaArn().Match(function);
        var partition = arn.Success ? arn.Groups["partition"].Value : "aws";
        var functionRegion = arn.Success ? arn.Groups["region"].Value : region;
        return $"arn:{partition}:apigateway:{functionRegion}:lambda:path/2015-03-31/functions/{function}/invocations";
    }

    [GeneratedRegex(@"\$\{stageVariables\.[A-Za-z0-9_]+\}", RegexOptions.CultureInvariant)]
    private static partial Regex StageVariable();

    [GeneratedRegex(@"\{([^{}+]+)\+?\}", RegexOptions.CultureInvariant)]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"\{([^{}+]+)\+\}", RegexOptions.CultureInvariant)]
    private static partial Regex GreedyParameter();

    [GeneratedRegex(@"^arn:(?<partition>aws[a-z-]*):lambda:(?<region>[a-z0-9-]+|\$\{stageVariables\.[A-Za-z0-9_]+\}):[0-9]{12}:function:[A-Za-z0-9_${}.-]+(:[A-Za-z0-9_${}.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LambdaArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/.+/invocations$", RegexOptions.CultureInvariant)]
    private static partial Regex GatewayLambdaUri();

    [GeneratedRegex(@"^([A-Za-z0-9_-]{1,64}|\$\{stageVariables\.[A-Za-z0-9_]+\})(:[A-Za-z0-9_$-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionName();
}
