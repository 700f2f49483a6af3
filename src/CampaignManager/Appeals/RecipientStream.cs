using CampaignManager.Hosting;
using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CampaignManager.Appeals;

/// <summary>
/// A recipient's stream fetched for writing (its version is checked at commit, so two staff recording at once get a
/// 409 rather than both winning). A record, so Wolverine passes it from Load to Validate and Post as one value.
/// </summary>
public record RecipientStream(IEventStream<AppealRecipient> Stream)
{
    public AppealRecipient? Recipient => Stream.Aggregate;

    public static async Task<RecipientStream> LoadAsync(Guid appealId, Guid targetId, IDocumentSession session, CancellationToken token) =>
        new(await session.Events.FetchForWriting<AppealRecipient>(AppealRecipient.StreamId(appealId, targetId), token));
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
