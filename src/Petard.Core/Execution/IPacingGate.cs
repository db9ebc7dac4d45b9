namespace Petard.Execution;

/// <summary>Hands out waits for calls that share a quota: take a slot, sleep until it comes.</summary>
internal interface IPacingGate
{
    /// <summary>Takes the next slot; how long the caller must wait before using it.</summary>
    /// <param name="ticket">Identifies the take for <see cref="Return"/>.</param>
    TimeSpan Take(out long ticket);

    /// <summary>Gives back the slot of a call cancelled before it was sent, when no later caller took one after it.</summary>
    /// <param name="ticket">What <see cref="Take"/> gave.</param>
    void Return(long ticket);
}
