namespace Petard;

/// <summary>A call still failed with a transient error (throttling, conflict, 5xx) after every retry it was allowed.</summary>
public sealed class PetardRetriesExhaustedException : PetardException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="elapsed">How long the attempts and waits took.</param>
    /// <param name="lastError">The error of the last attempt.</param>
    public PetardRetriesExhaustedException(string operation, int attempts, TimeSpan elapsed, Exception lastError)
        : base(PetardErrorCodes.RetriesExhausted, $"{operation} still failed after {attempts} attempts over {elapsed.TotalSeconds:0.#} s: {lastError?.Message}", lastError)
    {
        Operation = operation;
        Attempts = attempts;
    }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>The last error as the service sent it, when it was a service error.</summary>
    public PetardServiceException? LastServiceError => InnerException as PetardServiceException;
}
