namespace Petard.Local.DataPlane;

/// <summary>Decides which requests go to a stage's canary; seeded, so a test sees the same split every run.</summary>
internal sealed class CanaryDraw(int? seed)
{
    private readonly Random random = seed is { } s ? new Random(s) : new Random();
    private readonly Lock gate = new();

    /// <summary>Whether this request goes to the canary, with a chance of <paramref name="percentTraffic"/> in 100.</summary>
    public bool Next(double percentTraffic)
    {
        if (percentTraffic <= 0)
        {
            return false;
        }

        lock (gate)
        {
            return random.NextDouble() * 100 < percentTraffic;
        }
    }
}
