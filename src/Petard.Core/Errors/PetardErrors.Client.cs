using System.Net;
using Petard.Model;

namespace Petard;

/// <summary>The client's errors: configuration, input, the wire, and calls that could not complete.</summary>
internal static partial class PetardErrors
{
    // Configuration (PetardClient.Create).
    public static PetardException ProfileNotFound(string profile) =>
        Error(PetardErrorCodes.ProfileNotFound, $"The AWS profile '{profile}' was not found in the shared config or credentials file. Create it with 'aws configure --profile {profile}', or name an existing profile ({S("Profile")}).");

    public static PetardException ProfileWithoutCredentials(string profile) =>
        Error(PetardErrorCodes.ProfileNotFound, $"The AWS profile '{profile}' has no usable credentials. Check it with 'aws sts get-caller-identity --profile {profile}'.");

    public static PetardException NoRegion() =>
        Error(PetardErrorCodes.NoRegion, $"No AWS region is set. Set {S("Region")}, the AWS_REGION environment variable, or 'region' in your AWS profile.");

    public static PetardException InvalidRegion(string region) =>
        Error(PetardErrorCodes.NoRegion, $"'{region}' is not an AWS region name. Set {S("Region")} (or AWS_REGION) to a region such as eu-west-1.");

    public static PetardException CredentialsFailed(Exception cause) =>
        Error(PetardErrorCodes.NoCredentials, $"The AWS credentials could not be obtained: {cause.Message} Check the profile ({S("Profile")}) with 'aws sts get-caller-identity', and run 'aws sso login' for an SSO profile.", cause);

    public static PetardException NoCredentials(Exception cause) =>
        Error(PetardErrorCodes.NoCredentials, $"No AWS credentials were found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run 'aws configure' (or 'aws sso login'), or name a profile ({S("Profile")}).", cause);

    public static PetardException EndpointNotHttpUrl(string endpoint) =>
        Error(PetardErrorCodes.InvalidEndpoint, $"The endpoint URL '{endpoint}' is not an absolute http(s) URL. Use a form such as https://apigateway.eu-west-1.amazonaws.com or http://127.0.0.1:4567.");

    public static PetardException EndpointPlainHttpOffLoopback(string endpoint) =>
        Error(PetardErrorCodes.InvalidEndpoint, $"The endpoint URL '{endpoint}' uses plain http on a non-loopback host; credentials and requests would travel unencrypted. Use https, or a loopback address (127.0.0.1, localhost) for a local emulator.");

    // Input, thrown before anything is sent.
    public static PetardException UnknownOperation(string name, string? sameButForCase, int operationCount) =>
        sameButForCase is null
            ? Error(PetardErrorCodes.InvalidInput, $"Unknown API Gateway operation '{name}'. Use an official operation name such as 'GetRestApis' or 'CreateDeployment' (PetardClient.Operations lists all {operationCount}).")
            : Error(PetardErrorCodes.InvalidInput, $"Unknown API Gateway operation '{name}'. Did you mean '{sameButForCase}'? Operation names are case-sensitive.");

    public static PetardException NotPaginated(string operation) =>
        Error(PetardErrorCodes.InvalidInput, $"{operation} is not a paginated operation; call InvokeAsync instead.");

    public static PetardException ParametersNotAnObject(string operation, object jsonKind) =>
        Error(PetardErrorCodes.InvalidInput, $"{operation}: parameters must be a JSON object, not {jsonKind}.");

    public static PetardException ParametersWithoutNames(string operation, Type type) =>
        Error(PetardErrorCodes.InvalidInput, $"{operation}: parameters must be an object with named members (an anonymous object, a dictionary or a JSON object), not {type.Name}.");

    public static PetardException ParametersNeedReflection(string operation, Type type) =>
        Error(PetardErrorCodes.InvalidInput, $"{operation}: a {type.Name} can be read only by reflection, which the JsonObject overloads (the ones safe for trimming and Native AOT) do not use. Pass its members as a JsonObject (System.Text.Json.Nodes), or call the object overload.");

    public static PetardException UnknownMember(OperationDefinition operation, string name)
    {
        var hint = operation.Members.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        var known = operation.Members.Count == 0 ? "it takes no parameters" : "its members are " + string.Join(", ", operation.Members.Keys);
        return hint is not null
            ? Error(PetardErrorCodes.InvalidInput, $"{operation.Name}: unknown member '{name}'. Did you mean '{hint}'? Member names are case-sensitive.")
            : Error(PetardErrorCodes.InvalidInput, $"{operation.Name}: unknown member '{name}'; {known}.");
    }

    public static PetardException MissingMember(OperationDefinition operation, MemberDefinition member) =>
        Error(PetardErrorCodes.InvalidInput, $"{operation.Name}: the required member '{member.Name}' is missing. Pass it in the parameters, e.g. new {{ {member.Name} = ... }}.");

    public static PetardException EmptyUriLabel(OperationDefinition operation, MemberDefinition member) =>
        Error(PetardErrorCodes.InvalidInput, $"{operation.Name}: the member '{member.Name}' is empty; it is part of the request path and needs a value.");

    public static PetardException WrongMemberType(string operation, MemberDefinition member, string expected, string given) =>
        Error(PetardErrorCodes.InvalidInput, $"{operation}: member '{member.Name}' must be {expected}, but a {given} was given.");

    // Answers that cannot be read.
    public static PetardException ResponseNotUtf8(OperationDefinition operation, HttpStatusCode status, string excerpt) =>
        Error(PetardErrorCodes.UnreadableResponse, $"{operation.Name}: the response (HTTP {(int)status}) is not valid UTF-8: {excerpt}");

    public static PetardException ResponseNotAnObject(OperationDefinition operation, HttpStatusCode status, string jsonKind) =>
        Error(PetardErrorCodes.UnreadableResponse, $"{operation.Name}: the response (HTTP {(int)status}) is a JSON {jsonKind}, not an object.");

    public static PetardException ResponseNotJson(OperationDefinition operation, HttpStatusCode status, string excerpt, Exception cause) =>
        Error(PetardErrorCodes.UnreadableResponse, $"{operation.Name}: the response (HTTP {(int)status}) is not valid JSON: {excerpt}", cause);

    /// <summary>An answer over the limit: announced by its Content-Length (<paramref name="declaredLength"/>), or found out while reading.</summary>
    public static PetardException ResponseTooLarge(OperationDefinition operation, long? declaredLength, int limit) =>
        declaredLength is { } length
            ? Error(PetardErrorCodes.UnreadableResponse, $"{operation.Name}: the response is {length} bytes, over Petard's limit of {limit}.")
            : Error(PetardErrorCodes.UnreadableResponse, $"{operation.Name}: the response is over Petard's limit of {limit} bytes.");

    // Calls that did not complete. A call that may have reached the service and was not repeated says so.
    public static PetardException NoAnswer(OperationDefinition operation, Uri endpoint, TimeSpan budget, string budgetName, bool notRepeated, Exception cause) =>
        Error(PetardErrorCodes.Unreachable, $"{operation.Name}: no answer from {Authority(endpoint)} within {budget.TotalSeconds:0.###} s ({budgetName}).{NotRepeatedNote(operation, notRepeated)}", cause);

    public static PetardException CouldNotReach(OperationDefinition operation, Uri endpoint, bool notRepeated, HttpRequestException cause) =>
        Error(PetardErrorCodes.Unreachable, $"{operation.Name}: could not reach {Authority(endpoint)}: {cause.Message}{NotRepeatedNote(operation, notRepeated)}", cause);

    public static PetardException ConnectionBroke(OperationDefinition operation, Uri endpoint, bool notRepeated, IOException cause) =>
        Error(PetardErrorCodes.Unreachable, $"{operation.Name}: the connection to {Authority(endpoint)} broke while the answer was read: {cause.Message}{NotRepeatedNote(operation, notRepeated)}", cause);

    public static PetardRetriesExhaustedException RetriesExhausted(OperationDefinition operation, int attempts, TimeSpan elapsed, PetardException lastError) =>
        new(operation.Name, attempts, elapsed, lastError);

    private static string Authority(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority);

    private static string NotRepeatedNote(OperationDefinition operation, bool notRepeated) =>
        notRepeated
            ? $" The request may have reached the service, so {operation.Name} was not repeated (it is not idempotent); check the result before running it again."
            : string.Empty;
}
