namespace Petard;

/// <summary>
/// Every error Petard raises itself, one factory method each, so each message is written once
/// (minver's Logger style). Messages name settings with <see cref="Setting"/> in neutral words; the
/// front ends render them in their own vocabulary. This file holds the workflows' errors; the other
/// parts of the class hold those of the client and of the service rules.
/// </summary>
internal static partial class PetardErrors
{
    private static Setting S(string name) => new(name);
}
