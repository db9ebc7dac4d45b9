using System.Diagnostics;
using System.Runtime.CompilerServices;
using Petard.Model;

namespace Petard.Execution;

/// <summary>
/// Runs any operation of the model: marshal once, then send it once per attempt and let the
/// <see cref="RetryPolicy"/> decide from each <see cref="AttemptOutcome"/> whether another is worth
/// it. Every attempt is a fresh request (so the signing handler below signs it anew) and first waits
/// its turn at the pacer.
/// </summary>
internal sealed class OperationExecutor(HttpClient http, Uri endpoint, RetryPolicy retry, RequestPacer pacer)
{
    public async Task<Resource> ExecuteAsync(OperationDefinition operation, object? parameters, ParameterReflection? reflection, CancellationToken cancellationToken)
    {
        var request = RequestMarshaller.Marshal(operation, parameters, reflection);
        var started = Stopwatch.GetTimestamp();
        var throttled = 0;
        for (var attempt = 1; ; attempt++)
        {
            await pacer.WaitAsync(operation.Name, cancellationToken).ConfigureAwait(false);
            var outcome = await SendOnceAsync(operation, request, Stopwatch.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
            if (outcome.Answer is { } answer)
            {
                return answer;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            throttled += outcome.Throttled ? 1 : 0;
            var decision = retry.Decide(operation, outcome, attempt, throttled, elapsed);
            if (!decision.Retry)
            {
                // A network failure speaks for itself; a service error that retries did not cure is reported with them.
                throw outcome.Failure is PetardServiceException && attempt > 1
                    ? PetardErrors.RetriesExhausted(operation, attempt, elapsed, outcome.Failure)
                    : outcome.Failure!;
            }

            await Task.Delay(decision.Delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One attempt. Errors no retry can fix (bad answers, non-transient service errors, the caller's
    /// cancellation) are thrown; everything else comes back as an outcome.
    /// </summary>
    // Pooled: an attempt is awaited exactly once, and the pool spares every call a state-machine allocation.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<AttemptOutcome> SendOnceAsync(OperationDefinition operation, MarshalledRequest request, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        // An attempt gets its own timeout, or what is left of the call's total time when that is less.
        var (budget, budgetName) = AttemptBudget(elapsed);
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(budget);
        try
        {
            using var message = request.ToHttpRequest(endpoint);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token).ConfigureAwait(false);
            try
            {
                return AttemptOutcome.Answered(await ResponseReader.ReadAsync(operation, response, attemptTimeout.Token).ConfigureAwait(false));
            }
            catch (PetardServiceException error) when (RetryPolicy.IsRetryable(error))
            {
                return AttemptOutcome.Refused(error, RetryPolicy.RetryAfter(response));
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptOutcome.Lost(PetardErrors.NoAnswer(operation, endpoint, budget, budgetName, !RetryPolicy.MayRepeat(operation, mayHaveTakenEffect: true), ex), mayHaveTakenEffect: true);
        }
        catch (HttpRequestException ex)
        {
            var sent = !RetryPolicy.NeverSent(ex);
            return AttemptOutcome.Lost(PetardErrors.CouldNotReach(operation, endpoint, !RetryPolicy.MayRepeat(operation, sent), ex), sent);
        }
        catch (IOException ex)
        {
            // The connection broke while the answer's body was read (HttpIOException): the request was sent.
            return AttemptOutcome.Lost(PetardErrors.ConnectionBroke(operation, endpoint, !RetryPolicy.MayRepeat(operation, mayHaveTakenEffect: true), ex), mayHaveTakenEffect: true);
        }
    }

    private (TimeSpan Budget, string Name) AttemptBudget(TimeSpan elapsed)
    {
        var left = retry.Options.MaxTotalTime - elapsed;
        return left < retry.Options.AttemptTimeout
            ? (left > TimeSpan.Zero ? left : TimeSpan.Zero, "what was left of PetardRetryOptions.MaxTotalTime")
            : (retry.Options.AttemptTimeout, "PetardRetryOptions.AttemptTimeout");
    }
}
