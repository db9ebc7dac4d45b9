namespace Petard.Local.DataPlane;

/// <summary>
/// One access log line per data-plane request: the stage's <c>accessLogSettings.format</c> when it
/// has one, else the service's Common Log Format line.
/// </summary>
internal sealed class AccessLog(DataPlaneLog log)
{
    public const string DefaultFormat =
        "$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] \"$context.httpMethod $context.resourcePath $context.protocol\" $context.status $context.responseLength $context.requestId";

    public void Write(Invocation invocation)
    {
        var format = invocation.Stage["accessLogSettings"]?["format"]?.ToString() is { Length: > 0 } custom ? custom : DefaultFormat;
        log.Write(ContextFormat.Render(format, invocation.Context()));
    }
}
