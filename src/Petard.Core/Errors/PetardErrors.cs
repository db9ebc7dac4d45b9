namespace Petard;

/// <summary>
/// Every error Petard raises itself, one factory method each, so each message is written once
/// (minver's Logger style). Messages name settings with <see cref="Setting"/> in neutral words; the
/// front ends render them in their own vocabulary. This file holds the deploy workflows' errors; the
/// other parts of the class hold those of the client and of the service's rules.
/// </summary>
internal static partial class PetardErrors
{
    public static PetardException NoRestApi() => Error(
        PetardErrorCodes.MissingRestApi,
        $"No REST API is named: set its id ({S("RestApiId")}) or its name ({S("RestApiName")}).");

    public static PetardException RestApiIdNotFound(string restApiId, Uri endpoint, string region) => Error(
        PetardErrorCodes.RestApiNotFound,
        $"No REST API has the id '{restApiId}' at {endpoint} ({region}). Check {S("RestApiId")}, the region and the account; 'aws apigateway get-rest-apis' lists them.");

    public static PetardException RestApiNameNotFound(string name, Uri endpoint, string region) => Error(
        PetardErrorCodes.RestApiNotFound,
        $"No REST API is named '{name}' at {endpoint} ({region}). Check {S("RestApiName")} and the region, or set {S("OpenApiFile")} with {S("CreateRestApi")} on (the default) to create it.");

    public static PetardException RestApiAmbiguous(string name, IEnumerable<string?> ids)
    {
        var list = ids.ToList();
        return Error(
            PetardErrorCodes.RestApiAmbiguous,
            $"{list.Count} REST APIs are named '{name}' (ids {string.Join(", ", list)}). Name the one to deploy by its id ({S("RestApiId")}), or rename the others.");
    }

    public static PetardException NoOpenApiFile() => Error(
        PetardErrorCodes.OpenApiFileMissing,
        $"No OpenAPI file is set. Set {S("OpenApiFile")} to the path of an OpenAPI 2 or 3 file, JSON or YAML.");

    public static PetardException OpenApiFileNotFound(string path, string baseDirectory) => Error(
        PetardErrorCodes.OpenApiFileMissing,
        $"The OpenAPI file '{path}' does not exist. Check {S("OpenApiFile")}; relative paths start at '{baseDirectory}'.");

    public static PetardException OpenApiFileUnreadable(string path, Exception cause) => Error(
        PetardErrorCodes.OpenApiFileMissing,
        $"The OpenAPI file '{path}' cannot be read: {cause.Message}",
        cause);

    public static PetardException OpenApiFileIsFolder(string path) => Error(
        PetardErrorCodes.OpenApiFileMissing,
        $"The OpenAPI file '{path}' is a folder. Set {S("OpenApiFile")} to the OpenAPI file in it.");

    public static PetardException OpenApiFileInvalid(string path, string why, int line, Exception? cause = null) =>
        new(PetardErrorCodes.OpenApiFileInvalid, Template($"The OpenAPI file '{path}' is not valid: {why}."), cause) { File = path, Line = line };

    public static PetardException StageMissingWithoutDeployment(string stageName) => Error(
        PetardErrorCodes.InvalidInput,
        $"The stage '{stageName}' does not exist, and no deployment was given to create it with. Create a deployment first and set {S("DeploymentId")} to its id.");

    public static PetardException InvalidMethodSettingPath(string path) => Error(
        PetardErrorCodes.InvalidInput,
        $"The method setting '{path}' is not valid ({S("MethodSettings")}): name the methods as */* (all), a resource path and method such as /pets/GET, or the service's escaped form ~1pets/GET, followed by the setting, e.g. '*/*/throttling/rateLimit'.");

    public static PetardException UnknownMethodSetting(string path, IEnumerable<string> settings) => Error(
        PetardErrorCodes.InvalidInput,
        $"The method setting '{path}' is not one the service has ({S("MethodSettings")}). Settings: {string.Join(", ", settings)}.");

    public static PetardException StageMoved(string stageName, string? read, string? now) => Error(
        PetardErrorCodes.StageMoved,
        $"Stage '{stageName}' changed while this deploy ran: it served deployment {read ?? "(none)"} when read and now serves {now ?? "(no stage)"}, so another deploy moved it. Petard does not move it back; run the deploy again to deploy over the newer one.");

    public static PetardException Unexpected(Exception error) => Error(
        PetardErrorCodes.Unexpected,
        $"Petard failed unexpectedly ({error.GetType().Name}: {error.Message}). This is a bug in Petard: please report it with this message. Calls that completed are kept; running the deploy again is safe.",
        error);

    public static PetardException NotAFlag(string setting, string value) => Error(
        PetardErrorCodes.InvalidInput,
        $"{S(setting)} is '{value}'; use true, false, or leave it empty to keep the stage's setting.");

    private static Setting S(string name) => new(name);

    // Typed FormattableString, so an interpolated message keeps its Setting arguments (as a string argument it would be rendered at once).
    private static PetardException Error(string code, FormattableString template, Exception? cause = null) => new(code, template, cause);

    private static FormattableString Template(FormattableString template) => template;
}
