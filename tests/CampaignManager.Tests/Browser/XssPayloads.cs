namespace CampaignManager.Tests.Browser;

/// <summary>
/// Twenty things a user can legitimately type (printable text, no control or bidi characters, each at most 50
/// characters so it fits even a tag or a country) that would run script or load from another host if a page put
/// them into its markup unencoded. Each one that could run calls alert with its own number, so a dialog names it;
/// each one that could load something points at evil.example, which the browser context refuses and records.
/// </summary>
public static class XssPayloads
{
    public const string EvilHost = "evil.example";

    public static readonly IReadOnlyList<string> All =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "<svg onload=alert(3)>",
        "\"><svg onload=alert(4)>",                          // breaks out of a double-quoted attribute
        "'><img src=x onerror=alert(5)>",                    // and out of a single-quoted one
        "<iframe srcdoc=\"<script>alert(6)</script>\">",
        "<a href=\"javascript:alert(7)\">j7</a>",
        "[m8](javascript:alert(8))",                         // Markdown link to script
        "[m9](data:text/html,<script>alert(9)</script>)",    // Markdown link to a data: document
        "![m10](https://evil.example/p10.png)",              // Markdown image: a tracking pixel
        "<img src=https://evil.example/p11.png>",
        "<link rel=stylesheet href=//evil.example/12.css>",
        "<p style=\"x:expression(alert(13))\">s13</p>",      // old IE style expression
        "{{constructor.constructor('alert(14)')()}}",        // template injection, for any client-side templating
        "<javascript:alert(15)>",                            // Markdown autolink
        "\\u003cscript\\u003ealert(16)\\u003c/script\\u003e", // escaped as in a JS string, typed literally
        "＜script＞alert(17)＜/script＞",                     // fullwidth angle brackets
        "<details open ontoggle=alert(18)>",                 // fires without any interaction
        "<div style=\"background:url(//evil.example/19)\">", // an HTML block in Markdown, loading from elsewhere
        "<input autofocus onfocus=alert(20)>",               // fires without any interaction too
    ];

    /// <summary>Every payload on its own paragraph: for Markdown bodies and long free-text fields.</summary>
    public static string Joined(string separator = "\n\n") => string.Join(separator, All);

    /// <summary>The payloads packed, in order and space-separated, into as few strings of at most <paramref name="max"/> characters as fit.</summary>
    public static IReadOnlyList<string> Chunks(int max)
    {
        var chunks = new List<string>();
        var current = "";
        foreach (var p in All)
        {
            if (current.Length > 0 && current.Length + 1 + p.Length > max)
            {
                chunks.Add(current);
                current = "";
            }
            current = current.Length == 0 ? p : current + " " + p;
        }
        chunks.Add(current);
        return chunks;
    }
}
