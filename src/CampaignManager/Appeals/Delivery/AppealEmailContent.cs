namespace CampaignManager.Appeals.Delivery;

/// <summary>
/// Everything one appeal email to one target says. <see cref="MarkdownBody"/> is the letter's staff-written Markdown,
/// in <see cref="Language"/>; <see cref="FormOfAddress"/> opens it ("Excellency,").
/// </summary>
public record AppealEmailContent(
    Guid AppealId,
    Guid TargetId,
    string ToAddress,
    string ToName,
    string? ToTitle,
    string? ToOrganization,
    string Subject,
    string MarkdownBody,
    string Closing,
    IReadOnlyList<string> SignatoryLines,
    string? CoverMessage,
    DateTimeOffset Date,
    string? FormOfAddress = null,
    string? Language = null);
