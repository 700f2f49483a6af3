namespace CampaignManager.Letters;

/// <summary>The drafting form. It stores nothing itself: staff.js posts it to POST /api/letters (DraftLetter).</summary>
public class NewLetterModel : PageModel
{
    public void OnGet() { }
}
