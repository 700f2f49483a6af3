using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Partners;

/// <summary>A letter's partners for staff: what each brought, its link and form to hand over, and adding one.</summary>
public class PartnersPageModel(IQuerySession session, PublicSigning signing) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public SignOnPartnerTally Tally { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var token = HttpContext.RequestAborted;
        if (await session.LoadAsync<Letter>(id, token) is not { } letter) return NotFound();
        Letter = letter;
        Tally = await SignOnPartnerTallyEndpoint.QueryAsync(session, letter, SignOnPartnerTallyEndpoint.Origin(Request),
            signing.Settings.ConsentFor(PartnerSignOnEndpoint.FormCulture(letter)).Text, token);
        return Page();
    }
}
