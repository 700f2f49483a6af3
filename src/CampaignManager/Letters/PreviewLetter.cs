namespace CampaignManager.Letters;

/// <summary>The body as it will render, for the editor's live preview; nothing is stored.</summary>
public record PreviewLetter(string? Markdown);

/// <summary>HTML produced by <see cref="LetterMarkdown"/>: raw HTML escaped, unsafe links neutralized.</summary>
public record LetterPreview(string Html);

public static class PreviewLetterEndpoint
{
    public static ProblemDetails Validate(PreviewLetter command) =>
        // an empty editor sends "", so a missing field is a client's mistake rather than an empty letter
        Problems.Validation(new FieldErrors().When(command.Markdown is null, "markdown", "is required (it may be empty)")
            .MaxLength("markdown", command.Markdown, 100_000, multiLine: true));

    /// <summary>The same rendering the letter page, the print view and appeal emails use, so the preview cannot lie.</summary>
    public static LetterPreview Decide(PreviewLetter command) => new(LetterMarkdown.ToHtml(command.Markdown ?? ""));

    [WolverinePost("/api/letters/preview", Name = "PreviewLetter")]
    [EndpointSummary("Render a letter body's Markdown as the letter will show it (sanitized HTML)")]
    [Tags("Letters")]
    public static LetterPreview Post(PreviewLetter command) => Decide(command);
}
