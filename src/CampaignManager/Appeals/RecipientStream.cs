using CampaignManager.Hosting;
using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CampaignManager.Appeals;

/// <summary>
/// Loads a recipient's stream for writing (its version is checked at commit, so two staff recording at once get a 409
/// rather than both winning). Wolverine's <c>[WriteAggregate]</c> takes a stream id from one route value or member, but
/// a recipient's id is derived from two (<see cref="AppealRecipient.StreamId"/>), so the recipient commands load here
/// and append the event <c>Decide</c> returns to the stream themselves. The tuple gives Wolverine two values: the
/// recipient for the pure <c>Validate</c>/<c>Decide</c>, the stream for the endpoint.
/// </summary>
public static class RecipientStream
{
    public static async Task<(IEventStream<AppealRecipient> Stream, AppealRecipient? Recipient)> LoadAsync(Guid appealId,
        Guid targetId, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<AppealRecipient>(AppealRecipient.StreamId(appealId, targetId), token);
        return (stream, stream.Aggregate);
    }
}

/// <summary>The state rules the recipient commands share, so each command file states only its own.</summary>
public static class RecipientRules
{
    public static ProblemDetails MustBe(AppealRecipient? loaded, Guid appealId, Guid targetId, string action,
        params RecipientStatus[] allowed)
    {
        if (loaded is not { } recipient) return Problems.NotFound("Recipient", $"{targetId} in appeal {appealId}");
        return allowed.Contains(recipient.Status)
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"A recipient that is {Name(recipient.Status)} cannot be {action}; this needs a recipient " +
                                $"that is {string.Join(" or ", allowed.Select(Name))}.");
    }

    private static string Name(RecipientStatus s) => s.ToString().ToLowerInvariant();
}
