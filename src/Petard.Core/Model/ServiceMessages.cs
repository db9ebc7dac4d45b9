namespace Petard.Model;

/// <summary>
/// The service's own error messages for the rules of <see cref="ServiceRules"/>, as the emulator
/// answers them. Placeholders are named, e.g. <c>{maxLength}</c>, and filled by <see cref="Format"/>.
/// </summary>
internal sealed class ServiceMessages(IReadOnlyDictionary<string, string> templates)
{
    public const string InvalidStageName = "invalidStageName";
    public const string InvalidVariableName = "invalidVariableName";
    public const string InvalidVariableValue = "invalidVariableValue";
    public const string VariableNotString = "variableNotString";
    public const string InvalidMethodSettingValue = "invalidMethodSettingValue";
    public const string InvalidPatchOp = "invalidPatchOp";

    /// <summary>The message <paramref name="key"/> with each <c>{name}</c> replaced by its argument.</summary>
    public string Format(string key, params (string Name, object Value)[] arguments)
    {
        var text = templates.TryGetValue(key, out var template)
            ? template
            : throw new InvalidDataException($"The service rules have no message '{key}'.");
        foreach (var (name, value) in arguments)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }
}
