using Microsoft.AspNetCore.Identity;

namespace CampaignManager.Staff;

/// <summary>Any signed-in staff member (viewers too) chooses their own password; a one-time link lands here.</summary>
[Authorize(Policy = StaffAccess.SignedIn)]
public class SetPasswordModel(IDocumentSession session, IPasswordHasher<StaffAccount> hasher, TimeProvider clock) : PageModel
{
    public const string Path = "/account/password";

    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = new();
    public bool Saved { get; private set; }
    public bool LocalAccount => AccountId is not null;

    private Guid? AccountId => Guid.TryParse(User.FindFirst(StaffPrincipal.AccountIdClaim)?.Value, out var id) ? id : null;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (AccountId is not { } id) return Forbid();
        Errors = CreateStaffAccountEndpoint.ValidatePassword(new FieldErrors(), "password", Password)
            .When(Password != Confirm, "confirm", "does not match the password").ToDictionary();
        if (Errors.Count > 0) return Page();

        var stream = await session.Events.FetchForWriting<StaffAccount>(id, HttpContext.RequestAborted);
        if (stream.Aggregate is not { Disabled: false } account) return Forbid();
        stream.AppendOne(SetStaffPasswordEndpoint.Decide(account, hasher.HashPassword(account, Password!), User.ActorName(), clock.GetUtcNow()));
        await session.SaveChangesAsync(HttpContext.RequestAborted);
        Saved = true;
        return Page();
    }
}
