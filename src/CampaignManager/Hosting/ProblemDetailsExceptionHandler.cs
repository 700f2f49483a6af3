using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CampaignManager.Hosting;

/// <summary>
/// The last line of defence: a race lost on optimistic concurrency or a malformed body is the user's (or
/// another user's) doing, so it answers 409 or 400 as RFC 9457 problem details, never a 500.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken token)
    {
        var (status, title) = Classify(exception);
        if (status is null) return false;

        logger.LogInformation(exception, "Answered {Status} for {Path}", status, context.Request.Path);
        context.Response.StatusCode = status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = exception.Message }
        });
    }

    internal static (int? Status, string Title) Classify(Exception exception) => exception switch
    {
        JasperFx.ConcurrencyException or
            JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException or
            JasperFx.DocumentAlreadyExistsException
            => (StatusCodes.Status409Conflict, "Someone else changed this at the same time; reload and try again."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            => (StatusCodes.Status413PayloadTooLarge, "The request is too large."),
        BadHttpRequestException or JsonException
            => (StatusCodes.Status400BadRequest, "The request could not be read."),
        AggregateException { InnerExceptions.Count: > 0 } all => Classify(all.InnerExceptions[0]),
        _ when exception.InnerException is { } inner => Classify(inner),
        _ => (null, "")
    };
}
