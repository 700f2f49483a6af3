using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CampaignManager.Appeals.Delivery;

/// <summary>
/// The letter body is staff-written Markdown, but it ends up in a target's inbox, so nothing in it may become live
/// markup: raw HTML is shown as text, and links may only point to web or mail addresses.
/// </summary>
internal static class LetterMarkdown
{
    // No UseAdvancedExtensions: it includes generic attributes ({onclick=...}), which would let the body add handlers.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafe(link.Url)) link.Url = "#";
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!link.IsEmail && !IsSafe(link.Url)) link.Url = "#";
        return Markdown.ToHtml(document, Pipeline);
    }

    // Relative links mean nothing in an email, and javascript:, data: and friends must never be clickable.
    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
