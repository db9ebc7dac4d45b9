using System.Buffers.Binary;

namespace Petard.Execution;

/// <summary>
/// An operation's interval kept across the processes of one machine (MSBuild task hosts of a CI
/// fleet): a file holds the next free slot, as UTC ticks, and each take moves it on by the interval
/// while holding the file exclusively (an advisory lock on Unix, a share lock on Windows; released
/// when a process dies, so a killed build never blocks the others). When the file cannot be used
/// (a read-only temp folder, a lock held for seconds), the process falls back to pacing on its own.
/// </summary>
internal sealed class MachineSlot(string path, TimeSpan interval) : IPacingGate
{
    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(2);

    private readonly TokenBucket fallback = new(1 / interval.TotalSeconds, 1);
    private readonly Lock gate = new();
    private bool useFallback;

    public TimeSpan Take(out long ticket)
    {
        var now = DateTime.UtcNow.Ticks;
        long start = 0;
        long next = 0;
        if (!Update(stored =>
            {
                start = Math.Max(now, Plausible(stored, now));
                next = start + interval.Ticks;
                return next;
            }))
        {
            var wait = fallback.Take(out ticket);
            ticket = -ticket; // a fallback ticket: negative, so Return tells them apart
            return wait;
        }

        ticket = next;
        return TimeSpan.FromTicks(start - now);
    }

    public void Return(long ticket)
    {
        if (ticket < 0)
        {
            fallback.Return(-ticket);
            return;
        }

        // Only the last slot handed out goes back: a later caller already sleeps until its own.
        Update(stored => stored == ticket ? ticket - interval.Ticks : stored);
    }

    /// <summary>
    /// A slot far beyond one interval ahead comes from a clock set back or a damaged file: waiting
    /// for it could stall every build of the machine, so it counts as free.
    /// </summary>
    private long Plausible(long stored, long now) => stored > now + (interval.Ticks * 1000) ? now : stored;

    /// <summary>Reads the slot, writes what <paramref name="change"/> makes of it, under the file's lock; false when the file is unusable.</summary>
    private bool Update(Func<long, long> change)
    {
        lock (gate)
        {
            if (useFallback)
            {
                return false;
            }

            try
            {
                using var file = Open();
                if (file is null)
                {
                    return false; // held too long: this once, pace alone
                }

                Span<byte> bytes = stackalloc byte[sizeof(long)];
                var stored = file.Read(bytes) == bytes.Length ? BinaryPrimitives.ReadInt64LittleEndian(bytes) : 0;
                BinaryPrimitives.WriteInt64LittleEndian(bytes, change(stored));
                file.Position = 0;
                file.Write(bytes);
                return true;
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or NotSupportedException)
            {
                useFallback = true; // the temp folder is not writable: this process paces alone from now on
                return false;
            }
        }
    }

    private FileStream? Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + LockPatience;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
            }
            catch (IOException) when (File.Exists(path) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(1); // another process holds it for the microseconds of its own update
            }
            catch (IOException) when (File.Exists(path))
            {
                return null;
            }
        }
    }
}
