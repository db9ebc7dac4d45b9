using System.Diagnostics;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// Runs any operation of the model: marshal once, then per attempt build a fresh request (so the
/// signing handler below signs every attempt anew), send it, and read the response; retry what
/// the <see cref="RetryPolicy"/> calls transient. Every attempt first waits its turn at the pacer.
/// </summary>
internal sealed class OperationExecutor(HttpClient http, Uri endpoint, RetryPolicy retry, RequestPacer pacer)
{
    public async Task<Resource> ExecuteAsync(OperationDefinition operation, object? parameters, CancellationToken cancellationToken)
    {
        var request = RequestMarshaller.Marshal(operation, parameters);
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            await pacer.WaitAsync(operation.Name, cancellationToken).ConfigureAwait(false);
            TimeSpan? retryAfter = null;
            Exception failure;
            var mayRetry = true;
            // An attempt gets its own timeout, or what is left of the call's total time when that is less.
            var (budget, budgetName) = AttemptBudget(clock.Elapsed);
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(budget);
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
                    mayRetry = RetryPolicy.IsIdempotent(operation);
                    failure = new PetardException(PetardErrorCodes.Unreachable, $"{operation.Name}: no answer from {endpoint.GetLeftPart(UriPartial.Authority)} within {budget.TotalSeconds:0.###} s ({budgetName}).{OutcomeNote(operation)}", ex);
                }
                catch (HttpRequestException ex)
                {
                    mayRetry = RetryPolicy.IsIdempotent(operation) || RetryPolicy.NeverSent(ex);
                    failure = new PetardException(PetardErrorCodes.Unreachable, $"{operation.Name}: could not reach {endpoint.GetLeftPart(UriPartial.Authority)}: {ex.Message}{(RetryPolicy.NeverSent(ex) ? string.Empty : OutcomeNote(operation))}", ex);
                }
                catch (IOException ex)
                {
                    // The connection broke while the answer's body was read (HttpIOException): the request was sent.
                    mayRetry = RetryPolicy.IsIdempotent(operation);
                    failure = new PetardException(PetardErrorCodes.Unreachable, $"{operation.Name}: the connection to {endpoint.GetLeftPart(UriPartial.Authority)} broke while the answer was read: {ex.Message}{OutcomeNote(operation)}", ex);
                }
            }

            var delay = retry.Delay(attempt, retryAfter);
            if (!mayRetry || attempt >= retry.Options.MaxAttempts || clock.Elapsed + delay > retry.Options.MaxTotalTime)
            {
                throw failure is PetardServiceException && attempt > 1
                    ? new PetardRetriesExhaustedException(operation.Name, attempt, clock.Elapsed, failure)
                    : failure;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private (TimeSpan Budget, string Name) AttemptBudget(TimeSpan elapsed)
    {
        var left = retry.Options.MaxTotalTime - elapsed;
        return left < retry.Options.AttemptTimeout
            ? (left > TimeSpan.Zero ? left : TimeSpan.Zero, "what was left of PetardRetryOptions.MaxTotalTime")
            : (retry.Options.AttemptTimeout, "PetardRetryOptions.AttemptTimeout");
    }

    private static string OutcomeNote(Model.OperationDefinition operation) =>
        RetryPolicy.IsIdempotent(operation)
            ? string.Empty
            : $" The request may have reached the service, so {operation.Name} was not repeated (it is not idempotent); check the result before running it again.";
}
