using System.Globalization;

namespace Petard.Build;

/// <summary>
/// Cancels a task's work when the build that started its task host is gone. A build killed with
/// SIGTERM or SIGKILL (what <c>timeout</c> and CI runners send) leaves the task host running as an
/// orphan, which would otherwise finish its calls (create a deployment, say) long after the build
/// reported failure. On Linux the orphan sees its parent process id change (it is adopted by init
/// or a subreaper); elsewhere nothing is watched.
/// </summary>
internal sealed class ParentWatch : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Timer? timer;

    private ParentWatch(CancellationTokenSource cancellation)
    {
        if (ParentId() is not { } parent)
        {
            return;
        }

        timer = new Timer(_ =>
        {
            if (ParentId() != parent)
            {
                cancellation.Cancel();
            }
        }, null, Interval, Interval);
    }

    /// <summary>Watches the parent until disposed.</summary>
    /// <param name="cancellation">Cancelled when the parent is gone.</param>
    public static ParentWatch Start(CancellationTokenSource cancellation) => new(cancellation);

    public void Dispose() => timer?.Dispose();

    /// <summary>The parent's id from <c>/proc/self/stat</c> ("pid (name) state ppid ..."); null where there is none.</summary>
    private static int? ParentId()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
