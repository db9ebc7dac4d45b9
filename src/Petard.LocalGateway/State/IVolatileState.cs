namespace Petard.Local.State;

/// <summary>
/// What the emulator keeps in memory beside the state, outside the state file (the usage ledger,
/// authorizer results, throttle buckets, operation quotas): <c>DELETE /_petard/state</c> clears it
/// with the state, so a suite that reuses one emulator starts each test from nothing.
/// </summary>
internal interface IVolatileState
{
    /// <summary>Forgets everything held.</summary>
    void Clear();
}
