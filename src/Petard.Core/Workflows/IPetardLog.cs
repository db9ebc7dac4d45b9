namespace Petard.Workflows;

/// <summary>
/// Where the workflows report what they do. Front ends adapt it to their own logger (MSBuild's
/// <c>TaskLoggingHelper</c>, Cake's <c>ICakeLog</c>); nothing secret is ever written to it.
/// </summary>
public interface IPetardLog
{
    /// <summary>One line per step or decision, e.g. "Stage 'dev' is up to date".</summary>
    /// <param name="message">The line.</param>
    void Info(string message);

    /// <summary>Verbose detail, e.g. each call made.</summary>
    /// <param name="message">The line.</param>
    void Detail(string message);

    /// <summary>Something the user should look at that does not stop the run, with its code.</summary>
    /// <param name="warning">The warning.</param>
    void Warning(PetardWarning warning);
}
