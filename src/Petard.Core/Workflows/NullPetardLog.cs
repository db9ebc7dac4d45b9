namespace Petard.Workflows;

/// <summary>A log that drops everything, for callers that only want the result.</summary>
internal sealed class NullPetardLog : IPetardLog
{
    public static readonly NullPetardLog Instance = new();

    public void Info(string message)
    {
    }

    public void Detail(string message)
    {
    }

    public void Warning(PetardWarning warning)
    {
    }
}
