using Microsoft.AspNetCore.RateLimiting;

namespace CampaignManager.Staff;

/// <summary>
/// A one-time sign-in link (<see cref="IssueSignInLinkEndpoint"/>): it signs its holder in and is spent in the same
/// step, appended at the account's expected version, so two uses racing each other cannot both get in.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInLimits.Policy)]
public class SignInOnceModel(IDocumentSession session, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code)
    {
        var hash = Secrets.Hash(code);
        var found = await session.Query<StaffAccount>().FirstOrDefaultAsync(a => a.SignInCodeHash == hash, HttpContext.RequestAborted);
        if (found is null || found.Disabled || found.SignInCodeExpiresAt <= clock.GetUtcNow()) return Page();

        var stream = await session.Events.FetchForWriting<StaffAccount>(found.Id, HttpContext.RequestAborted);
        if (stream.Aggregate?.SignInCodeHash != hash) return Page();
        stream.AppendOne(new OneTimeSignInUsed(found.Id, found.Login, clock.GetUtcNow()));
        await session.SaveChangesAsync(HttpContext.RequestAborted);

        await SignInModel.SignInAsync(HttpContext, found);
        return LocalRedirect(SetPasswordModel.Path);
    }
}
