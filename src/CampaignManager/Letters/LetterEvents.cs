namespace CampaignManager.Letters;

/// <summary>Who a letter is addressed to, as printed in its addressee block.</summary>
public record Addressee(string Name, string? Title = null, string? Organization = null, string? Address = null);

/// <summary>Every event says who did it and when, so history needs no other source.</summary>
public interface ILetterEvent
{
    Guid LetterId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

public record LetterDrafted(
    Guid LetterId, string Title, string Subject, string Body, string Closing,
    IReadOnlyList<Addressee> Addressees, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>A new text version; <see cref="Changed"/> names the parts that differ from the previous version.</summary>
public record LetterRevised(
    Guid LetterId, int TextVersion, string Title, string Subject, string Body, string Closing,
    IReadOnlyList<Addressee> Addressees, IReadOnlyList<string> Changed, string? Note,
    string By, DateTimeOffset At) : ILetterEvent;

/// <summary>
/// <see cref="PublicToken"/> is the unguessable part of the public sign-on link; re-opening keeps it. <see cref="Reminders"/>:
/// who is reminded how many days before <see cref="Deadline"/>, if anyone.
/// </summary>
public record LetterOpenedForSignatures(Guid LetterId, DateTimeOffset? Deadline, string By, DateTimeOffset At,
    string? PublicToken = null, ReminderPlan? Reminders = null) : ILetterEvent;

/// <summary>Whether signatures from the public page wait for staff approval before they count.</summary>
public record PublicSignOnApprovalSet(Guid LetterId, bool Required, string By, DateTimeOffset At) : ILetterEvent;

public record SignaturesClosed(Guid LetterId, string By, DateTimeOffset At) : ILetterEvent;

public record LetterFinalized(Guid LetterId, int TextVersion, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>Staff put these signatures first, in this order; the rest follow in the default order.</summary>
public record SignatoryOrderSet(Guid LetterId, IReadOnlyList<Guid> SignatureIds, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>The letter's signatory list stays private (staff only) until <see cref="SignatoriesPublished"/>.</summary>
public record SignatoriesEmbargoed(Guid LetterId, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>Staff lifted the embargo: from now on the public page shows who signed.</summary>
public record SignatoriesPublished(Guid LetterId, string By, DateTimeOffset At) : ILetterEvent;
