using Microsoft.AspNetCore.RateLimiting;

namespace CampaignManager.Signatures;

/// <summary>
/// Where the confirmation link in a public signer's email lands. The GET shows the letter's title and one button, and
/// changes nothing (mail scanners open links); the button confirms. Anonymous: the secret in the path is the credential,
/// so the page names only the signer that secret belongs to.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicSignOnLimits.Policy)]
public class ConfirmSignatureModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    public Letters.Letter? Letter { get; private set; }
    public Signature? Signature { get; private set; }

    /// <summary>
    /// The page speaks the language the signer signed in (its strings when we have them, else English); a link that
    /// names no signature speaks the visitor's, as request localization chose it from the browser.
    /// </summary>
    public CultureInfo UiCulture => Letter is { } l && Signature is { } s
        ? Hosting.Localization.UiCultureFor(s.Language ?? l.SourceLanguage)
        : CultureInfo.CurrentUICulture;

    /// <summary>The letter's title as the signer read it: their text's current version.</summary>
    public string Title => Letter is { } l && Signature is { } s
        ? l.TextIn(s.Language, l.VersionIn(s.Language))?.Title ?? l.Current.Title
        : "";
    public SignerLink? Link { get; private set; }
    public ProblemDetails? Refused { get; private set; }

    /// <summary>Why <see cref="Refused"/>, for the signer's language (the problem's detail is the API's English).</summary>
    public ConfirmRefusal? Refusal => Letter is { } l && Signature is { } s && Link is { } link && Refused is not null
        ? ConfirmSignatureEmailHandler.WhyNot(l, s, link, Now) ?? ConfirmRefusal.Used
        : null;
    public SignatureEmailConfirmed? Confirmed { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, string secret)
    {
        Now = clock.GetUtcNow();
        if (await SignerLinks.FindAsync(session, token, secret, SignerLinkPurpose.Confirm, HttpContext.RequestAborted) is not { } found)
            return Unknown();
        (Link, Letter, Signature) = found;
        var problem = ConfirmSignatureEmailHandler.Validate(found.Letter, found.Signature, found.Link, Now);
        Refused = problem.IsNone() ? null : problem;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string token, string secret)
    {
        var answer = await ConfirmSignatureEmailHandler.RunAsync(store, new ConfirmSignatureEmail(token, secret), clock, HttpContext.RequestAborted);
        if (answer.Signature is null) return Unknown();
        await OnGetAsync(token, secret);
        (Confirmed, Refused) = (answer.Confirmed, answer.Confirmed is null ? answer.Problem : null);
        Signature = answer.Signature;
        return Page();
    }

    // a readable page, with the status a crawler understands
    private PageResult Unknown()
    {
        HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
