using Microsoft.Build.Framework;

namespace Petard.Build;

/// <summary>Turns MSBuild's strings and items into the workflows' types, with coded errors for bad values.</summary>
internal static class TaskInputs
{
    private const string ValueMetadata = "Value";

    /// <summary>Items as a name -> <c>Value</c> map (the last of a name wins); null when there are none.</summary>
    public static Dictionary<string, string>? NameValues(ITaskItem[]? items, string what, string code)
    {
        if (items is null || items.Length == 0)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!item.MetadataNames.Cast<string>().Contains(ValueMetadata, StringComparer.OrdinalIgnoreCase))
            {
                throw new PetardException(code, $"The {what} '{item.ItemSpec}' has no Value metadata. Write it as <Include=\"{item.ItemSpec}\" Value=\"...\" />.");
            }

            values[item.ItemSpec] = item.GetMetadata(ValueMetadata);
        }

        return values;
    }

    /// <summary>
    /// Method settings as patch paths. <c>Include</c> is the setting (<c>throttling/rateLimit</c>; MSBuild
    /// would expand a <c>*</c> there as a file glob), metadata <c>MethodPath</c> the method: <c>*/*</c>
    /// (the default, every method), <c>/pets/GET</c>, or the service's <c>~1pets/GET</c>.
    /// </summary>
    public static Dictionary<string, string>? MethodSettings(ITaskItem[]? items)
    {
        var values = NameValues(items, "method setting", PetardErrorCodes.InvalidInput);
        if (values is null)
        {
            return null;
        }

        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items!)
        {
            paths[$"{MethodPrefix(item.GetMetadata("MethodPath"))}/{item.ItemSpec.Trim('/')}"] = values[item.ItemSpec];
        }

        return paths;
    }

    public static List<string> Texts(ITaskItem[]? items) => items?.Select(i => i.ItemSpec).ToList() ?? [];

    /// <summary>A true/false switch where empty means "leave as it is".</summary>
    public static bool? Flag(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return bool.TryParse(value.Trim(), out var flag)
            ? flag
            : throw new PetardException(PetardErrorCodes.InvalidInput, $"{parameter} is '{value}'; use true, false, or leave it empty to keep the stage's setting.");
    }

    private static string MethodPrefix(string methodPath)
    {
        methodPath = methodPath.Trim();
        if (methodPath.Length == 0)
        {
            return "*/*";
        }

        if (!methodPath.StartsWith('/'))
        {
            return methodPath;
        }

        var slash = methodPath.LastIndexOf('/');
        return $"{methodPath[..slash].Replace("/", "~1", StringComparison.Ordinal)}/{methodPath[(slash + 1)..]}";
    }

    /// <summary>An invalid OpenAPI file is reported against the file itself.</summary>
    public static string? OpenApiErrorFile(PetardException exception, string? openApiFile) =>
        exception.Code == PetardErrorCodes.OpenApiFileInvalid && !string.IsNullOrWhiteSpace(openApiFile) ? Path.GetFullPath(openApiFile) : null;
}
