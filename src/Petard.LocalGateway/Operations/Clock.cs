namespace Petard.Local.Operations;

/// <summary>Timestamps as the service sends them: whole epoch seconds.</summary>
internal static class Clock
{
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
