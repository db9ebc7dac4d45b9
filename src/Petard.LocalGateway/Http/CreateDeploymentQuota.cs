namespace Petard.Local.Http;

/// <summary>The service's CreateDeployment quota: one call per interval (5 s in the service), else 429.</summary>
internal sealed class CreateDeploymentQuota(TimeSpan interval, TimeProvider time)
{
    private readonly Lock gate = new();
    private DateTimeOffset? last;

    public void Acquire()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (last is { } previous && now - previous < interval)
            {
                var wait = interval - (now - previous);
                throw GatewayException.TooManyRequests((int)Math.Ceiling(wait.TotalSeconds));
            }

            last = now;
        }
    }
}
