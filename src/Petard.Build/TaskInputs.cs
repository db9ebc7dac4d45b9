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

    /// <summary>An invalid OpenAPI file is reported against the file itself.</summary>
    public static string? OpenApiErrorFile(PetardException exception, string? openApiFile) =>
        exception.Code == PetardErrorCodes.OpenApiFileInvalid && !string.IsNullOrWhiteSpace(openApiFile) ? Path.GetFullPath(openApiFile) : null;
}
