using Microsoft.AspNetCore.RateLimiting;

namespace CampaignManager.Signatures;

/// <summary>
/// A public signer's own page, reached through the personal link emailed on signing: their signature as recorded,
/// whether it counts and why not yet, and a button to withdraw it. Anonymous: the secret in the path is the credential.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicSignOnLimits.Policy)]
public class MySignatureModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
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
    public ProblemDetails? Refused { get; private set; }

    /// <summary>Why <see cref="Refused"/>, for the signer's language (the problem's detail is the API's English).</summary>
    public WithdrawRefusal? Refusal => Letter is { } l && Signature is { } s && Refused is not null ? WithdrawOwnSignatureHandler.WhyNot(l, s) : null;
    public SignatureWithdrawn? Withdrawn { get; private set; }

    public bool CanWithdraw => Letter is not null && Signature is not null && WithdrawOwnSignatureHandler.Validate(Letter, Signature).IsNone();

    /// <summary>The key of what the signature's state means for the signer (PublicSignOnText "Standing_…").</summary>
    public string StandingKey => "Standing_" + Signature?.Status;

    public async Task<IActionResult> OnGetAsync(string token, string secret)
    {
        if (await SignerLinks.FindAsync(session, token, secret, SignerLinkPurpose.Manage, HttpContext.RequestAborted) is not { } found)
            return Unknown();
        (_, Letter, Signature) = found;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string token, string secret)
    {
        var answer = await WithdrawOwnSignatureHandler.RunAsync(store, new WithdrawOwnSignature(token, secret), clock, HttpContext.RequestAborted);
        if (answer.Signature is null) return Unknown();
        (Letter, Signature, Withdrawn) = (answer.Letter, answer.Signature, answer.Withdrawn);
        Refused = answer.Withdrawn is null ? answer.Problem : null;
        return Page();
    }

    private PageResult Unknown()
    {
        HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
