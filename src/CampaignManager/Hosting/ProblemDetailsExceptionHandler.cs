using Microsoft.AspNetCore.Diagnostics;

namespace CampaignManager.Hosting;

/// <summary>
/// The last line of defence. A race lost on optimistic concurrency or an unreadable body is the user's (or another
/// user's) doing: 409 or 4xx. Anything else is our bug: a generic 500 with the trace id, so staff can quote it and we
/// can find the log entry. No exception message ever reaches the caller: messages name tables, types and stream ids,
/// which tell an adversary how the app is built. PostgreSQL being briefly away (a restart, a failover) is neither:
/// 503 with Retry-After, because the same request will work again in a few seconds (see <see cref="DatabaseOutage"/>).
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken token)
    {
        var (status, title, detail) = Classify(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // an operational event, not a bug: a warning, and the client is told when to try again
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        else logger.LogInformation(exception, "Answered {Status} for {Path}", status, context.Request.Path);

        context.Response.StatusCode = status;
        // The exception is deliberately not passed on: a problem details writer could render it into the answer.
        // The trace id is added by the default problem details customization.
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail }
        });
    }

    internal static (int Status, string Title, string? Detail) Classify(Exception exception) => exception switch
    {
        JasperFx.ConcurrencyException or
            JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException or
            JasperFx.DocumentAlreadyExistsException
            => (StatusCodes.Status409Conflict, "Someone else changed this at the same time; reload and try again.", null),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge
            => (StatusCodes.Status413PayloadTooLarge, "The request is too large.", tooLarge.Message),
        BadHttpRequestException bad
            => (bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest, "The request could not be read.", null),
        JsonException
            => (StatusCodes.Status400BadRequest, "The request could not be read.", null),
        _ when DatabaseOutage.IsUnavailable(exception)
            => (StatusCodes.Status503ServiceUnavailable, "The database is briefly unavailable; try again in a few seconds.", null),
        AggregateException { InnerExceptions.Count: > 0 } all => Classify(all.InnerExceptions[0]),
        _ when exception.InnerException is { } inner && Classify(inner) is { Status: < 500 } known => known,
        _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
            "The error has been logged. Quote the traceId when you report it.")
    };
}
