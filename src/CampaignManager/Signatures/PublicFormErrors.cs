using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignManager.Signatures;

/// <summary>
/// The public form's field errors in the page's language. The rules (AddSignatoryEndpoint, FieldErrors, TextRules)
/// speak the API's English, which staff and integrators read; the page recognises each of their messages and says it
/// with PublicSignOnText's "Err_…" strings. A message it does not know stays as the rules wrote it.
/// </summary>
public static partial class PublicFormErrors
{
    private static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(PublicSignOnText));

    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["is required"] = "Err_Required",
        ["must contain visible characters"] = "Err_Visible",
        ["must be a single line without control characters"] = "Err_SingleLine",
        ["must not contain bidirectional override or isolate characters"] = "Err_Bidi",
        ["must not contain a NUL character"] = "Err_Nul",
        ["is not valid Unicode text"] = "Err_Unicode",
        ["is for individuals; an organization signs in its own name"] = "Err_AffiliationOrg",
        ["needs an affiliation"] = "Err_NeedsAffiliation",
        ["is for individuals; an organization files under its own name"] = "Err_FamilyNameOrg",
        ["must be one or more whole words of the name, e.g. \"Ojea Quintana\" in \"Tomás Ojea Quintana\""] = "Err_FamilyNameWords",
        ["is not a valid email address"] = "Err_Email",
        [PublicSigning.ConsentNeeded] = "Err_Consent",
        [Signing.EmailNeeded] = "Err_EmailNeeded",
    };

    /// <summary><paramref name="message"/> in the current UI culture (the page sets it to its own language).</summary>
    public static string Localize(string message)
    {
        if (Keys.TryGetValue(message, out var key)) return Text[key].Value;
        return MaxLength().Match(message) is { Success: true } m ? Text["Err_MaxLength", m.Groups[1].Value].Value : message;
    }

    [GeneratedRegex(@"^must be at most (\d+) characters$")]
    private static partial Regex MaxLength();
}
