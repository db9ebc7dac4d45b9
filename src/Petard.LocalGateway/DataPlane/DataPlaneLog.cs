namespace Petard.Local.DataPlane;

/// <summary>The data plane's lines on the emulator's output: access log lines and why a request failed.</summary>
internal sealed class DataPlaneLog(TextWriter? output)
{
    private readonly Lock gate = new();

    public void Write(string line)
    {
        if (output is null)
        {
            return;
        }

        lock (gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
