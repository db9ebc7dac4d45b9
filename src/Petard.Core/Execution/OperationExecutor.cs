using System.Diagnostics;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// Runs any operation of the model: marshal once, then per attempt build a fresh request (so the
/// signing handler below signs every attempt anew), send it, and read the response; retry what
/// the <see cref="RetryPolicy"/> calls transient.
/// </summary>
internal sealed class OperationExecutor(HttpClient http, Uri endpoint, RetryPolicy retry)
{
    public async Task<Resource> ExecuteAsync(OperationDefinition operation, object? parameters, CancellationToken cancellationToken)
    {
        var request = RequestMarshaller.Marshal(operation, parameters);
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan? retryAfter = null;
            Exception failure;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(retry.Options.AttemptTimeout);
                try
                {
                    using var message = request.ToHttpRequest(endpoint);
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token).ConfigureAwait(false);
                    try
                    {
                        return await ResponseReader.ReadAsync(operation, response, attemptTimeout.Token).ConfigureAwait(false);
                    }
                    catch (PetardServiceException error) when (RetryPolicy.IsRetryable(error))
                    {
                        retryAfter = RetryPolicy.RetryAfter(response);
                        failure = error;
                    }
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new PetardException(PetardErrorCodes.Unreachable, $"{operation.Name}: no answer from {endpoint.GetLeftPart(UriPartial.Authority)} within {retry.Options.AttemptTimeout.TotalSeconds:0.#} s.", ex);
                }
                catch (HttpRequestException ex)
                {
                    failure = new PetardException(PetardErrorCodes.Unreachable, $"{operation.Name}: could not reach {endpoint.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex);
                }
            }

            var delay = retry.Delay(attempt, retryAfter);
            if (attempt >= retry.Options.MaxAttempts || clock.Elapsed + delay > retry.Options.MaxTotalTime)
            {
                throw failure is PetardServiceException && attempt > 1
                    ? new PetardRetriesExhaustedException(operation.Name, attempt, clock.Elapsed, failure)
                    : failure;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }
}
