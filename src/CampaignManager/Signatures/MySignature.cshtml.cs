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
    public ProblemDetails? Refused { get; private set; }
    public SignatureWithdrawn? Withdrawn { get; private set; }

    public bool CanWithdraw => Letter is not null && Signature is not null && WithdrawOwnSignatureHandler.Validate(Letter, Signature).IsNone();

    /// <summary>What the signature's state means for the signer, in their words.</summary>
    public string Standing => Signature?.Status switch
    {
        SignatureStatus.Active => "Your signature counts and appears on the letter.",
        SignatureStatus.AwaitingEmailConfirmation => "Your signature does not count yet: confirm it with the other link in the email we sent you.",
        SignatureStatus.AwaitingApproval => "Your signature does not count yet: the organizers review it first.",
        SignatureStatus.Withdrawn => "You withdrew your signature; it does not appear on the letter.",
        SignatureStatus.Expired => "Your signature was not confirmed in time, so it does not count. You can sign again.",
        SignatureStatus.Rejected => "The organizers did not accept this signature; it does not appear on the letter.",
        _ => ""
    };

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
