using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CampaignManager.Letters;

/// <summary>
/// The letter body is staff-written Markdown, but it ends up in a target's inbox, so nothing in it may become live
/// markup: raw HTML is shown as text, links may only point to web or mail addresses, and images are dropped (their
/// alt text stays). An image from another host is a tracking pixel: it tells whoever runs that host who opened the
/// letter, when and from where, and a letter has no images of its own to show.
/// </summary>
internal static class LetterMarkdown
{
    // No UseAdvancedExtensions: it includes generic attributes ({onclick=...}), which would let the body add handlers.
    // Precise source locations let WithoutImages cut an image out of the source text exactly.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string markdown) => Markdown.ToHtml(Parse(markdown), Pipeline);

    /// <summary>
    /// The body's syntax tree as every rendering may show it: images replaced by their alt text, and links that are
    /// not to a web or mail address pointing nowhere ("#"). The HTML and the Word document render from it.
    /// </summary>
    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var image in Images(document)) image.ReplaceBy(new LiteralInline(AltText(image)));
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafe(link.Url)) link.Url = "#";
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!link.IsEmail && !IsSafe(link.Url)) link.Url = "#";
        return document;
    }

    /// <summary>The Markdown source with every image replaced by its alt text: for plain-text email.</summary>
    public static string WithoutImages(string markdown)
    {
        var images = Images(Markdown.Parse(markdown, Pipeline));
        if (images.Count == 0) return markdown;
        var text = new StringBuilder(markdown);
        foreach (var image in images.OrderByDescending(i => i.Span.Start))
            text.Remove(image.Span.Start, image.Span.Length).Insert(image.Span.Start, AltText(image));
        return text.ToString();
    }

    // outermost images only: an image inside another image's alt text goes with it
    private static List<LinkInline> Images(MarkdownDocument document) => document.Descendants<LinkInline>()
        .Where(l => l.IsImage && !InsideImage(l)).ToList();

    private static bool InsideImage(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline { IsImage: true }) return true;
        return false;
    }

    private static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    // Relative links mean nothing in an email, and javascript:, data: and friends must never be clickable.
    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
