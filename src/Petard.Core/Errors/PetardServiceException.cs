using System.Net;

namespace Petard;

/// <summary>An error answered by API Gateway (or a server speaking its protocol).</summary>
public sealed class PetardServiceException : PetardException
{
    /// <summary>Creates the exception for an error response.</summary>
    /// <param name="errorType">The service's error type, e.g. <c>NotFoundException</c>.</param>
    /// <param name="serviceMessage">The service's message, as sent.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="requestId">The service's request id, when it sent one.</param>
    /// <param name="operation">The operation that failed.</param>
    public PetardServiceException(string errorType, string serviceMessage, HttpStatusCode statusCode, string? requestId, string operation)
        : base(PetardErrorCodes.ServiceError, $"{operation} failed: {errorType} ({(int)statusCode}): {serviceMessage}")
    {
        ErrorType = errorType;
        ServiceMessage = serviceMessage;
        StatusCode = statusCode;
        RequestId = requestId;
        Operation = operation;
    }

    /// <summary>The service's error type, e.g. <c>NotFoundException</c> or <c>TooManyRequestsException</c>.</summary>
    public string ErrorType { get; }

    /// <summary>The message exactly as the service sent it (<see cref="Exception.Message"/> adds the operation and type).</summary>
    public string ServiceMessage { get; }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The service's request id (<c>x-amzn-RequestId</c>), for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }
}
