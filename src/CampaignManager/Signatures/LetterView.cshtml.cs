using CampaignManager.Staff;
using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// The staff view of one letter: text, lifecycle, versions and signatures. Read-only on the server; every button
/// is posted by staff.js to the same API command a script would call. The page and its partials live in Signatures
/// because they show the letter with its signatures (see <see cref="LetterDetails"/>); the letter's own partials
/// (text form, deadline, diff) stay in Letters.
/// </summary>
public class LetterViewModel(IQuerySession session) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public LetterDetails Details { get; private set; } = null!;

    public bool CanOpen => Letter.Status is LetterStatus.Draft or LetterStatus.Closed;
    public bool CanClose => Letter.Status == LetterStatus.Open;
    public bool CanFinalize => Letter.Status == LetterStatus.Closed;
    public bool CanEdit => Letter.Status != LetterStatus.Final;
    public bool CanSign => Letter.Status == LetterStatus.Open;
    public bool BlockCanChange => Letter.Status != LetterStatus.Final;
    public bool CanReconfirm => Letter.Status is LetterStatus.Open or LetterStatus.Closed;

    /// <summary>Erasing a signer's personal data is an admin's (see <see cref="EraseSignerEndpoint"/>); others are not offered it.</summary>
    public bool CanErase => User.IsInRole(StaffRole.Admin.ClaimValue());

    /// <summary>The current revision's re-confirmation round, when signers were asked to re-confirm it.</summary>
    public ReconfirmationRound? Reconfirmations { get; private set; }

    /// <summary>Where this page of the block starts (1-based); only for numbering the rows, the cursor does the paging.</summary>
    public int Start { get; private set; } = 1;

    /// <summary>The link to the next page of the block, or null on its last page.</summary>
    public string? MoreLink { get; private set; }

    /// <summary>Positions can be pinned from the first page, where the pinned run and the block's head are shown.</summary>
    public bool CanPin => BlockCanChange && Start == 1;

    public async Task<IActionResult> OnGetAsync(Guid id, string? after, int? start)
    {
        // a page of the block, as the API serves it: the staff page costs the same at 10 and at 100,000 signatures
        var valid = SignatoryPages.IsValid(after) ? after : null;
        var loaded = await LetterDetails.LoadWithLetterAsync(session, id, valid, SignatoryPages.DefaultLimit,
            HttpContext.RequestAborted);
        if (loaded is not { } found) return NotFound();
        (Letter, Details) = found;
        Start = valid is null ? 1 : Math.Max(2, start ?? 2);
        if (Letter is { TextVersion: > 1, Status: not LetterStatus.Draft })
            Reconfirmations = await ReconfirmationStatus.LoadAsync(session, Letter, HttpContext.RequestAborted);
        if (Details.NextSignatories is { } next)
            MoreLink = $"/letters/{id}?after={Uri.EscapeDataString(next)}&start={Start + Details.Signatories.Count}#block-heading";
        return Page();
    }

    public string? PublicSignOnLink => Details.PublicSignOnUrl is { } path ? $"{Request.Scheme}://{Request.Host}{path}" : null;
}
