namespace Petard;

/// <summary>
/// An error Petard detected itself: bad input, missing configuration, or a response it could not
/// read. The message names the input and the fix. It never contains credentials.
/// </summary>
public class PetardException : Exception
{
    /// <summary>Creates an exception with a message (code <see cref="PetardErrorCodes.InvalidInput"/>).</summary>
    public PetardException(string message)
        : this(PetardErrorCodes.InvalidInput, message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public PetardException(string message, Exception? innerException)
        : this(PetardErrorCodes.InvalidInput, message, innerException)
    {
    }

    /// <summary>Creates an exception with one of the <see cref="PetardErrorCodes"/>.</summary>
    /// <param name="code">The error code, e.g. <see cref="PetardErrorCodes.RestApiNotFound"/>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The error that caused it, if any.</param>
    public PetardException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>Creates an exception with no message.</summary>
    public PetardException()
    {
        Code = PetardErrorCodes.InvalidInput;
    }

    /// <summary>The error's code, one of <see cref="PetardErrorCodes"/> (<c>PETARD1xxx</c>).</summary>
    public string Code { get; }
}
