using System.Text.Json;
using System.Text.Json.Serialization;

namespace Petard.Execution;

/// <summary>Writes <see cref="DateTime"/> values nested in parameters as epoch seconds, as the service expects.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(reader.GetDouble() * 1000)).UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value;
        writer.WriteNumberValue(new DateTimeOffset(utc).ToUnixTimeMilliseconds() / 1000.0);
    }
}

/// <summary>Writes <see cref="DateTimeOffset"/> values nested in parameters as epoch seconds.</summary>
internal sealed class EpochSecondsOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(reader.GetDouble() * 1000));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);
    }
}
