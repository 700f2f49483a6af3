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

/// <summary>
/// <see cref="Language"/>: the source text's language, a BCP 47 tag; null (letters drafted before #21) is English.
/// <see cref="Collation"/>: the language whose ICU collation files the signatory block (the source language, from
/// this version on); null for letters drafted earlier, whose blocks keep ICU's root collation, so their stored sort
/// keys and a rebuild from their events still agree.
/// </summary>
public record LetterDrafted(
    Guid LetterId, string Title, string Subject, string Body, string Closing,
    IReadOnlyList<Addressee> Addressees, string By, DateTimeOffset At, string? Language = null, string? Collation = null) : ILetterEvent;

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

/// <summary>How the public page shows signatures given on an earlier text version (see <see cref="PublicSignatoryDisplay"/>).</summary>
public record PublicSignatoryDisplaySet(Guid LetterId, PublicSignatoryDisplay Mode, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>
/// What a public signature needs before it counts (see SetVerificationPolicy): a confirmed email, staff approval, both
/// or neither. Applies to sign-ons from this moment on.
/// </summary>
public record VerificationPolicySet(Guid LetterId, bool ConfirmedEmail, bool StaffApproval, string By, DateTimeOffset At) : ILetterEvent;

public record SignaturesClosed(Guid LetterId, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>What staff chose for signers who had not re-confirmed the final text when it was finalized.</summary>
public enum UnconfirmedSigners { Wait, Drop, Keep }

/// <summary>
/// The text and block are locked. When signers still owed a re-confirmation, <see cref="Unconfirmed"/> records what
/// staff chose for them (dropped from the block, or kept and marked with the version they signed) and
/// <see cref="UnconfirmedIds"/> who they were.
/// </summary>
public record LetterFinalized(Guid LetterId, int TextVersion, string By, DateTimeOffset At,
    UnconfirmedSigners? Unconfirmed = null, IReadOnlyList<Guid>? UnconfirmedIds = null) : ILetterEvent;

/// <summary>Staff chose to wait for signers to re-confirm instead of finalizing; nothing was locked.</summary>
public record FinalizationPostponed(Guid LetterId, int TextVersion, int Unconfirmed, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>
/// Staff sent the one reminder to signers who still owe a re-confirmation of <see cref="TextVersion"/> of the text in
/// <see cref="Language"/> (null: the source; a translation's tag: that translation's version).
/// </summary>
public record ReconfirmationReminderRequested(Guid LetterId, int TextVersion, string By, DateTimeOffset At, string? Language = null) : ILetterEvent;

/// <summary>Staff put these signatures first, in this order; the rest follow in the default order.</summary>
public record SignatoryOrderSet(Guid LetterId, IReadOnlyList<Guid> SignatureIds, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>The letter's signatory list stays private (staff only) until <see cref="SignatoriesPublished"/>.</summary>
public record SignatoriesEmbargoed(Guid LetterId, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>Staff lifted the embargo: from now on the public page shows who signed.</summary>
public record SignatoriesPublished(Guid LetterId, string By, DateTimeOffset At) : ILetterEvent;
