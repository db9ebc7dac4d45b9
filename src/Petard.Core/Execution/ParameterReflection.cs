using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Petard.Execution;

/// <summary>
/// The reflection that parameters of the caller's own types need: an anonymous object's (or any
/// class's) public properties, and the serializer for nested values such as patch operations.
/// Trimming and Native AOT cannot see which types reach it, so only the <c>object</c> overloads of
/// <see cref="PetardClient"/>, which say so with <see cref="RequiresUnreferencedCodeAttribute"/>,
/// obtain an instance; the <see cref="JsonObject"/> overloads pass none, and nothing below them
/// reflects without one. The reflecting methods are reached through delegates made in the
/// constructor, so the requirement sits on the one place that hands reflection out.
/// </summary>
internal sealed class ParameterReflection
{
    /// <summary>What a trimmed or Native AOT caller is told at the object overloads.</summary>
    public const string Reason = "Reads the parameters' properties and serializes nested values of the caller's types by reflection, which trimming removes and Native AOT cannot generate. Pass a JsonObject (System.Text.Json.Nodes) to the JsonObject overload instead.";

    private static ParameterReflection? shared;

    private readonly Func<object, List<KeyValuePair<string, object?>>> properties;
    private readonly Func<object, JsonNode?> serialize;

    [RequiresUnreferencedCode(Reason)]
    [RequiresDynamicCode(Reason)]
    private ParameterReflection()
    {
        properties = ReadProperties;
        var options = SerializerOptions();
        serialize = value => JsonSerializer.SerializeToNode(value, value.GetType(), options);
    }

    /// <summary>The process's one instance (it holds no state but the serializer's cache).</summary>
    public static ParameterReflection Shared
    {
        [RequiresUnreferencedCode(Reason)]
        [RequiresDynamicCode(Reason)]
        get => shared ??= new ParameterReflection();
    }

    /// <summary>The public instance properties of an object, by name, in declaration order.</summary>
    public List<KeyValuePair<string, object?>> Properties(object parameters) => properties(parameters);

    /// <summary>A value of the caller's type as JSON, timestamps as epoch seconds, nulls left out.</summary>
    public JsonNode? Serialize(object value) => serialize(value);

    [RequiresUnreferencedCode(Reason)]
    private static List<KeyValuePair<string, object?>> ReadProperties(object parameters) =>
        parameters.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(parameters)))
            .ToList();

    [RequiresUnreferencedCode(Reason)]
    [RequiresDynamicCode(Reason)]
    private static JsonSerializerOptions SerializerOptions()
    {
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new EpochSecondsConverter());
        options.Converters.Add(new EpochSecondsOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
