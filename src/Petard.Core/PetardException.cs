namespace Petard;

/// <summary>
/// An error Petard detected itself: bad input, missing configuration, or a response it could not
/// read. The message names the input and the fix. It never contains credentials.
/// </summary>
public class PetardException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public PetardException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public PetardException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with no message.</summary>
    public PetardException()
    {
    }
}
