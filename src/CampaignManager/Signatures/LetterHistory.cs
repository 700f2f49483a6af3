using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// One thing that happened to a letter or a signature on it: what, who, when, and the event's own data. In Signatures,
/// as every view of the letter with its signatures is (see <see cref="LetterDetails"/>).
/// </summary>
public record LetterHistoryEntry(long Sequence, Guid StreamId, string Event, string Summary, string By, DateTimeOffset At, object Data);

public static class LetterHistoryEndpoint
{
    [WolverineGet("/api/letters/{id}/history", Name = "GetLetterHistory")]
    [EndpointSummary("Everything that happened to a letter: what, who, when")]
    [Tags("Letters")]
    [ProducesResponseType<IReadOnlyList<LetterHistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken token)
    {
        var timeline = await LetterTimeline.LoadAsync(session, id, token);
        if (timeline.Count == 0) return Results.Problem(Problems.NotFound("Letter", id));
        return Results.Ok(timeline.Select(Entry).ToList());
    }

    public static LetterHistoryEntry Entry(IEvent e)
    {
        var fact = (ILetterEvent)e.Data;
        return new LetterHistoryEntry(e.Sequence, e.StreamId, e.Data.GetType().Name, Summarize(e.Data), fact.By, fact.At, e.Data);
    }

    public static string Summarize(object e) => e switch
    {
        LetterDrafted d => $"Drafted \"{d.Title}\" (version 1)",
        LetterRevised r => $"Revised to version {r.TextVersion}: changed {string.Join(", ", r.Changed)}" +
                           (r.Note is null ? "" : $" ({r.Note})"),
        LetterOpenedForSignatures o => "Opened for signatures" + (o.Deadline is { } d ? $" until {d:u}" : "") +
                                       (o.Reminders is { } p ? $", reminding {Audience(p.Audience)} {string.Join(" and ", p.DaysBefore)} days before" : ""),
        SignaturesClosed { By: CloseAtDeadlineHandler.Actor } => "Closed for signatures: the deadline came",
        SignaturesClosed => "Closed for signatures",
        DeadlineReminderSent r => $"Reminded {Audience(r.Audience)} {r.DaysBefore} day{(r.DaysBefore == 1 ? "" : "s")} before the deadline " +
                                  $"({r.SentTo.Count} address{(r.SentTo.Count == 1 ? "" : "es")})",
        LetterFinalized f => $"Finalized at version {f.TextVersion}" + f.Unconfirmed switch
        {
            UnconfirmedSigners.Drop => $", dropping {f.UnconfirmedIds?.Count ?? 0} signer(s) who had not re-confirmed",
            UnconfirmedSigners.Keep => $", keeping {f.UnconfirmedIds?.Count ?? 0} signer(s) marked with the earlier version they signed",
            _ => ""
        },
        FinalizationPostponed p => $"Finalizing postponed: {p.Unconfirmed} signer(s) still to re-confirm version {p.TextVersion}",
        ReconfirmationReminderRequested r => $"Re-confirmation reminder sent for version {r.TextVersion}" +
                                             (r.Language is { } l ? $" of the {Languages.EnglishName(l)} text" : ""),
        ReconfirmationEmailed m => $"{(m.Reminder ? "Reminder" : "Re-confirmation request")} for version {m.TextVersion} emailed",
        ReconfirmationEmailFailed m => $"{(m.Reminder ? "Reminder" : "Re-confirmation request")} for version {m.TextVersion} not delivered: {m.Reason}",
        TranslationAdded t => $"Translated into {Languages.EnglishName(t.Language)} ({t.Language}) from version {t.SourceVersion}",
        TranslationRevised t => $"{Languages.EnglishName(t.Language)} translation revised to version {t.Version} from source version {t.SourceVersion}" +
                                (t.Changed.Count > 0 ? $": changed {string.Join(", ", t.Changed)}" : "") + (t.Note is null ? "" : $" ({t.Note})"),
        SignatoryOrderSet s => $"Signatory order set ({s.SignatureIds.Count} pinned)",
        SignatureAdded a => $"{a.Name} signed {(a.Language is { } tag ? $"the {Languages.EnglishName(tag)} text, " : "")}version {a.SignedVersion} as {(a.Kind == SignatoryKind.Organization ? "an organization" : "an individual")}" +
                            (a.Source == SignatureSource.Public ? " on the public page" : "") + (a.ConfirmEmailBy is not null ? ", awaiting email confirmation" : "") + (a.AwaitingApproval ? ", awaiting approval" : ""),
        SignatureWithdrawn w => "Signature withdrawn" + (w.Reason is null ? "" : $": {w.Reason}"),
        SignatureReconfirmed c => $"Signature re-confirmed on version {c.TextVersion}",
        SignatureRenewed n => $"Signed again on version {n.TextVersion}" + (n.ConfirmEmailBy is not null ? ", awaiting email confirmation" : "") +
                              (n.AwaitingApproval ? " on the public page, awaiting approval" : ""),
        SignerErased x => $"Personal data erased by {x.By} on {x.At:yyyy-MM-dd}: {x.Reason}",
        SignerEmailErased x => $"Email erased by {x.By} on {x.At:yyyy-MM-dd} ({x.Reason})",
        SignatureEmailConfirmed c => $"Email {c.Email} confirmed by the signer" + (c.AwaitingApproval ? ", now awaiting approval" : ", now counted"),
        SignatureConfirmationExpired x => $"Discarded: the email was not confirmed by {x.ConfirmBy:u}",
        SignerEmailed m => m.WithConfirmation ? "Confirmation and personal links emailed" : "Personal link emailed",
        SignerEmailFailed m => $"Email with the signer's links not delivered: {m.Reason}",
        VerificationPolicySet v => "Public sign-ons now count " + (v.ConfirmedEmail, v.StaffApproval) switch
        {
            (true, true) => "once the email is confirmed and staff approve",
            (true, false) => "once the email is confirmed",
            (false, true) => "once staff approve",
            _ => "at once"
        },
        SignatureApproved => "Self-submitted signature approved",
        SignatureRejected r => "Self-submitted signature rejected" + (r.Reason is null ? "" : $": {r.Reason}"),
        PublicSignOnApprovalSet p => p.Required ? "Public sign-ons now wait for approval" : "Public sign-ons count at once",
        PublicSignatoryDisplaySet { Mode: PublicSignatoryDisplay.CurrentVersionOnly } =>
            "The public page now counts and lists only signatures on the current version",
        PublicSignatoryDisplaySet => "The public page now shows every signature, marking those on an earlier version",
        SignatoriesEmbargoed => "Signatories kept private until published",
        SignatoriesPublished => "Signatories published",
        _ => e.GetType().Name
    };

    private static string Audience(ReminderAudience audience) => audience == ReminderAudience.Staff ? "staff" : "the coalition";
}
