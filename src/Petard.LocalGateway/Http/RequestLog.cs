using System.Globalization;

namespace Petard.Local.Http;

/// <summary>
/// The control plane's log: one line per request (operation, status, milliseconds) and, for every
/// 5xx, a line with its cause, so a failure seen by a client can be explained from the emulator's
/// output. Writes nothing without a writer (in-process tests keep quiet). Thread-safe.
/// </summary>
internal sealed class RequestLog(TextWriter? writer)
{
    public static readonly RequestLog Silent = new(null);

    private readonly TextWriter? writer = writer is null ? null : TextWriter.Synchronized(writer);

    public void Answered(string operation, int status, TimeSpan elapsed) =>
        writer?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operation} {status} {elapsed.TotalMilliseconds:0} ms"));

    /// <summary>
    /// Logs why a request got a 5xx: an answer the emulator chose (an injected fault, a state file it
    /// cannot write) by its message on one line, anything unexpected (a bug) with its stack trace.
    /// </summary>
    public void Failed(string operation, int status, Exception cause) =>
        writer?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operation} {status} caused by {(cause is GatewayException ? $"{cause.GetType().FullName}: {cause.Message}" : cause.ToString())}"));
}
