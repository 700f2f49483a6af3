namespace CampaignManager.Appeals;

/// <summary>
/// The state rules the recipient commands share, so each command file states only its own. A recipient's stream id is
/// derived from two route values (<see cref="AppealRecipient.StreamId"/>), so each command names a <c>RecipientId</c>
/// method for <c>[WriteAggregate(FromMethod = ...)]</c>. <c>Required = false</c> lets an unknown recipient reach
/// <see cref="MustBe"/>, whose 404 names the appeal and target rather than the derived stream id.
/// </summary>
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

    /// <summary>A confirmation that names an emailed reply must name one of this recipient's.</summary>
    public static FieldErrors Reply(this FieldErrors errors, Guid? replyId, AppealRecipient? recipient) =>
        errors.When(replyId is { } id && recipient is not null && recipient.Replies.All(r => r.InboundMailId != id), "replyId",
            "is not a reply this recipient sent");

    private static string Name(RecipientStatus s) => s.ToString().ToLowerInvariant();
}
