using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace CampaignManager.Hosting.Email;

public sealed partial class EmailSender
{
    internal static ResiliencePipeline BuildPipeline(SmtpResilienceSettings r, TimeProvider timeProvider, ILogger logger)
    {
        var transient = new PredicateBuilder().Handle<Exception>(SmtpFailures.IsTransient);
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = r.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = r.RetryBaseDelay,
                MaxDelay = r.RetryMaxDelay,
                OnRetry = args =>
                {
                    LogRetrying(logger, args.Outcome.Exception, args.AttemptNumber + 1, args.RetryDelay, SmtpFailures.Describe(args.Outcome.Exception!));
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = r.CircuitBreakerFailureRatio,
                MinimumThroughput = r.CircuitBreakerMinimumThroughput,
                SamplingDuration = r.CircuitBreakerSamplingDuration,
                BreakDuration = r.CircuitBreakerBreakDuration,
                OnOpened = args =>
                {
                    LogCircuitOpened(logger, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(r.AttemptTimeout)
            .Build();
    }
}
