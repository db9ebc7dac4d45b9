namespace Petard.Build;

/// <summary>The errors only MSBuild's items can cause, written once each; the core's errors cover the rest.</summary>
internal static class TaskErrors
{
    public static PetardException VariableWithoutValue(string name) =>
        WithoutValue(PetardErrorCodes.InvalidStageVariable, "PetardStageVariable", name);

    public static PetardException CanaryVariableWithoutValue(string name) =>
        WithoutValue(PetardErrorCodes.InvalidStageVariable, "PetardCanaryStageVariable", name);

    public static PetardException MethodSettingWithoutValue(string setting) =>
        WithoutValue(PetardErrorCodes.InvalidInput, "PetardMethodSetting", setting);

    public static PetardException NoOpenApiSource() =>
        new(PetardErrorCodes.OpenApiFileMissing, "This web project sets no PetardOpenApiFile and generates no OpenAPI document at build, so there is nothing to deploy. Either generate the app's own document: add the packages Microsoft.AspNetCore.OpenApi and Microsoft.Extensions.ApiDescription.Server and call builder.Services.AddOpenApi() (set PetardOpenApiDocumentName when the app has several documents); or set PetardOpenApiFile to an OpenAPI 2 or 3 file.");

    private static PetardException WithoutValue(string code, string item, string include) =>
        new(code, $"The {item} item '{include}' has no Value metadata. Write it as <{item} Include=\"{include}\" Value=\"...\" />.");
}
