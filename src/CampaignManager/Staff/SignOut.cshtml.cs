namespace CampaignManager.Staff;

/// <summary>A POST with the page's antiforgery token, so another site cannot sign staff out behind their back.</summary>
[Authorize(Policy = StaffAccess.SignedIn)]
public class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/signin");
    }
}
