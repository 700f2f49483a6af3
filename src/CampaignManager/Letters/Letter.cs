using System.Text.Json.Serialization;

namespace CampaignManager.Letters;

public enum LetterStatus { Draft, Open, Closed, Final }

/// <summary>One version of the letter's text, kept so any two versions can be compared and signatures bound.</summary>
public record LetterText(
    int Version, string Title, string Subject, string Body, string Closing,
    IReadOnlyList<Addressee> Addressees, DateTimeOffset At, string By);

/// <summary>A reminder that went out before <see cref="Deadline"/>, to <see cref="Recipients"/> addresses.</summary>
public record SentReminder(DateTimeOffset Deadline, int DaysBefore, int Recipients, DateTimeOffset At);

/// <summary>
/// The letter stream folded into its current state. Rules live in the command files; this only applies facts.
/// Stored inline as a snapshot so lists and filters are plain document queries.
/// </summary>
public partial class Letter
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public LetterStatus Status { get; set; }
    public List<LetterText> Texts { get; set; } = [];
    public DateTimeOffset? SignatureDeadline { get; set; }
    public ReminderPlan? Reminders { get; set; }
    public List<SentReminder> RemindersSent { get; set; } = [];
    public List<Guid> ExplicitOrder { get; set; } = [];
    public string? PublicToken { get; set; }
    public bool PublicSignOnNeedsApproval { get; set; } = true;
    /// <summary>A letter stored before this setting existed reads as the default, which marks earlier versions.</summary>
    public PublicSignatoryDisplay PublicSignatoryDisplay { get; set; }
    /// <summary>Public sign-ons wait until the signer confirms their email through a personal link.</summary>
    public bool PublicSignOnNeedsEmailConfirmation { get; set; }
    public DateTimeOffset DraftedAt { get; set; }
    public string DraftedBy { get; set; } = "";
    public DateTimeOffset LastChangedAt { get; set; }
    public DateTimeOffset? FinalizedAt { get; set; }
    public bool SignatoriesEmbargoed { get; set; }
    public DateTimeOffset? SignatoriesPublishedAt { get; set; }

    /// <summary>The text version staff last sent the re-confirmation reminder for: one reminder per revision.</summary>
    public int? ReconfirmationReminderVersion { get; set; }

    /// <summary>The same per translation (its tag → its version reminded): each text has its own revisions.</summary>
    public Dictionary<string, int> TranslationReminderVersions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the reminder for the current version of the text in <paramref name="language"/> (null: the source) was sent.</summary>
    public bool RemindedAtCurrentVersion(string? language) => language is null
        ? ReconfirmationReminderVersion == TextVersion
        : TranslationReminderVersions.TryGetValue(language, out var v) && v == VersionIn(language);

    /// <summary>What finalizing did with signers who had not re-confirmed the final text, if there were any.</summary>
    public UnconfirmedSigners? FinalizedUnconfirmed { get; set; }

    /// <summary>Under embargo and not yet published: only staff may see who signed.</summary>
    [JsonIgnore] public bool SignatoriesPrivate => SignatoriesEmbargoed && SignatoriesPublishedAt is null;

    [JsonIgnore] public LetterText Current => Texts[^1];
    [JsonIgnore] public int TextVersion => Texts.Count;
    // kept as stored fields so the letter list can filter and search on them in PostgreSQL
    public string Title { get; set; } = "";
    public string Subject { get; set; } = "";

    public static Letter Create(LetterDrafted e) => new()
    {
        Id = e.LetterId,
        Status = LetterStatus.Draft,
        Texts = [new LetterText(1, e.Title, e.Subject, e.Body, e.Closing, e.Addressees, e.At, e.By)],
        Title = e.Title,
        Subject = e.Subject,
        SourceLanguage = e.Language ?? CampaignManager.Letters.Languages.Default,
        Collation = e.Collation,
        DraftedAt = e.At,
        DraftedBy = e.By,
        LastChangedAt = e.At
    };

    public void Apply(LetterRevised e)
    {
        Texts.Add(new LetterText(e.TextVersion, e.Title, e.Subject, e.Body, e.Closing, e.Addressees, e.At, e.By));
        Title = e.Title;
        Subject = e.Subject;
        LastChangedAt = e.At;
        MarkStaleTranslations();
    }

    public void Apply(LetterOpenedForSignatures e)
    {
        Status = LetterStatus.Open;
        SignatureDeadline = e.Deadline;
        Reminders = e.Reminders;
        PublicToken = e.PublicToken ?? PublicToken;
        LastChangedAt = e.At;
    }

    public void Apply(SignaturesClosed e)
    {
        Status = LetterStatus.Closed;
        LastChangedAt = e.At;
    }

    public void Apply(DeadlineReminderSent e) => RemindersSent.Add(new SentReminder(e.Deadline, e.DaysBefore, e.SentTo.Count, e.At));

    public void Apply(LetterFinalized e)
    {
        Status = LetterStatus.Final;
        FinalizedAt = e.At;
        FinalizedUnconfirmed = e.Unconfirmed;
        LastChangedAt = e.At;
    }

    public void Apply(PublicSignOnApprovalSet e)
    {
        PublicSignOnNeedsApproval = e.Required;
        LastChangedAt = e.At;
    }

    public void Apply(PublicSignatoryDisplaySet e)
    {
        PublicSignatoryDisplay = e.Mode;
        LastChangedAt = e.At;
    }

    public void Apply(VerificationPolicySet e)
    {
        PublicSignOnNeedsEmailConfirmation = e.ConfirmedEmail;
        PublicSignOnNeedsApproval = e.StaffApproval;
        LastChangedAt = e.At;
    }

    public void Apply(SignatoriesEmbargoed e)
    {
        SignatoriesEmbargoed = true;
        LastChangedAt = e.At;
    }

    public void Apply(SignatoriesPublished e)
    {
        SignatoriesPublishedAt = e.At;
        LastChangedAt = e.At;
    }

    public void Apply(FinalizationPostponed e) => LastChangedAt = e.At;

    public void Apply(ReconfirmationReminderRequested e)
    {
        if (e.Language is null) ReconfirmationReminderVersion = e.TextVersion;
        else TranslationReminderVersions[e.Language] = e.TextVersion;
    }

    public void Apply(SignatoryOrderSet e)
    {
        ExplicitOrder = [.. e.SignatureIds];
        LastChangedAt = e.At;
    }

    /// <summary>The stream folded in memory through the same methods Marten applies; for "as of" reads and decision tests.</summary>
    public static Letter? Fold(IEnumerable<object> events) => CampaignManager.Hosting.EventFold<Letter>.Fold(events);
}
