using System.Globalization;

namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>
/// The numbers behind docs/reliability.md, measured, never typed in: each scenario appends one
/// table row to the file named by <c>PETARD_RELIABILITY_REPORT</c> (nothing is written when unset).
/// </summary>
internal static class ReliabilityReport
{
    private static readonly Lock Gate = new();

    /// <param name="scenario">What was run.</param>
    /// <param name="faultsInjected">Faulted answers the emulator gave (scripted faults consumed plus quota 429s).</param>
    /// <param name="callsMade">Calls the workflows made (what they would have sent with no faults).</param>
    /// <param name="requestsReceived">Requests the emulator received (every attempt).</param>
    /// <param name="deploysSucceeded">Deploys that succeeded.</param>
    /// <param name="deploysFailedCleanly">Deploys that failed with a coded error and left the stage as it was.</param>
    /// <param name="dataLost">Declared things missing from, or duplicated in, the emulator's state afterwards.</param>
    public static void Record(string scenario, int faultsInjected, int callsMade, int requestsReceived, int deploysSucceeded, int deploysFailedCleanly, int dataLost)
    {
        var file = Environment.GetEnvironmentVariable("PETARD_RELIABILITY_REPORT");
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        var row = string.Create(CultureInfo.InvariantCulture, $"| {scenario} | {faultsInjected} | {callsMade} | {requestsReceived} | {requestsReceived - callsMade} | {deploysSucceeded} | {deploysFailedCleanly} | {dataLost} |{Environment.NewLine}");
        lock (Gate)
        {
            File.AppendAllText(file, row);
        }
    }
}
