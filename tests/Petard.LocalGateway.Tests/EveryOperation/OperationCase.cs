namespace Petard.Local.Tests.EveryOperation;

/// <summary>
/// One row of the operation table: what to create first, a call the service accepts and the
/// answer it gives, and a call the service refuses with the error it answers.
/// </summary>
/// <param name="Operation">The official operation name.</param>
/// <param name="Needs">What <see cref="World"/> creates before the call.</param>
/// <param name="Valid">The parameters of the accepted call, from the created world.</param>
/// <param name="Success">The accepted call's answer.</param>
/// <param name="Invalid">The parameters of the refused call; <c>null</c> only for an operation without input.</param>
/// <param name="Refusal">The refused call's error.</param>
internal sealed record OperationCase(string Operation, Needs Needs, Func<World, object?> Valid, Answer Success, Func<World, object?>? Invalid, Refusal? Refusal)
{
    public override string ToString() => Operation;
}
