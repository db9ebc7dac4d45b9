namespace Petard.Local.DataPlane;

/// <summary>A token bucket: <c>capacity</c> requests at once, refilled at <c>perSecond</c>. Thread-safe.</summary>
internal sealed class TokenBucket(int capacity, double perSecond, TimeProvider time)
{
    private readonly Lock gate = new();
    private double tokens = capacity;
    private long last = time.GetTimestamp();

    public bool TryTake()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(capacity, tokens + (time.GetElapsedTime(last, now).TotalSeconds * perSecond));
            last = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens--;
            return true;
        }
    }
}
