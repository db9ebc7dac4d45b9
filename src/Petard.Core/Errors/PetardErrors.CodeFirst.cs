namespace Petard;

/// <summary>The errors of code-first deploys: the generated definition and its integrations by convention.</summary>
internal static partial class PetardErrors
{
    public static PetardException NoIntegration(string file, IReadOnlyList<string> operations) => Error(
        PetardErrorCodes.NoIntegration,
        $"{operations.Count} operation(s) of {file} have no integration, so API Gateway would refuse to deploy them: {string.Join(", ", operations)}. Either set {S("IntegrationType")} (http_proxy, aws_proxy or mock) and {S("IntegrationUri")} to give every operation one, or give each its own with {S("Integrations")} (e.g. '{operations[0]}' with a type and URI) or an x-amazon-apigateway-integration in the definition.");

    public static PetardException UnknownIntegrationType(string type, string operation) => Error(
        PetardErrorCodes.InvalidIntegration,
        $"The integration type '{type}' ({Where(operation)}) is not one Petard builds: use http_proxy (forward to a backend URL), aws_proxy (a Lambda function) or mock.");

    public static PetardException IntegrationUriMissing(string type, string operation) => Error(
        PetardErrorCodes.InvalidIntegration,
        $"The {type} integration ({Where(operation)}) needs a URI: set {S("IntegrationUri")} (or the Uri of the operation in {S("Integrations")}) to {(type == "aws_proxy" ? "the Lambda function's ARN or name" : "the backend's base URL, e.g. https://backend.example.com or ${stageVariables.backend}")}.");

    public static PetardException IntegrationUriInvalid(string uri, string type, string operation) => Error(
        PetardErrorCodes.InvalidIntegration,
        $"The URI '{uri}' of the {type} integration ({Where(operation)}) is not valid: {(type == "aws_proxy" ? "use a Lambda function's ARN (arn:aws:lambda:region:account:function:name) or its name" : "use an absolute http:// or https:// URL; ${stageVariables.name} may stand for any part of it")}. Check {S("IntegrationUri")}.");

    public static PetardException IntegrationOperationInvalid(string operation) => Error(
        PetardErrorCodes.InvalidIntegration,
        $"'{operation}' in {S("Integrations")} does not name an operation: write the method and the path as the definition does, e.g. 'GET /orders/{{id}}'.");

    public static PetardException IntegrationOperationUnknown(string operation, string file, IReadOnlyList<string> operations) => Error(
        PetardErrorCodes.InvalidIntegration,
        $"'{operation}' in {S("Integrations")} is not an operation of {file}. Its operations: {string.Join(", ", operations)}.");

    public static PetardException NoGeneratedDocument(string name, IReadOnlyList<string> names) => Error(
        PetardErrorCodes.OpenApiFileMissing,
        $"The app generates no OpenAPI document named '{name}'; it generates {string.Join(", ", names.Select(n => $"'{n}'"))}. Set {S("DocumentName")} to one of them.");

    public static PetardException GeneratedDocumentAmbiguous(IReadOnlyList<string> names) => Error(
        PetardErrorCodes.OpenApiFileMissing,
        $"The app generates {names.Count} OpenAPI documents ({string.Join(", ", names.Select(n => $"'{n}'"))}) and none is named 'v1': set {S("DocumentName")} to the one to deploy.");

    public static PetardException DeployedDocumentUnwritable(string path, Exception cause) => Error(
        PetardErrorCodes.InvalidInput,
        $"The definition as deployed could not be written to '{path}' ({S("DeployedDocumentFile")}): {cause.Message}",
        cause);

    private static string Where(string operation) => operation.Length == 0 ? "every operation" : operation;
}
