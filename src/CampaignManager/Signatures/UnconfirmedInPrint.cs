namespace CampaignManager.Signatures;

/// <summary>
/// What the print page and the DOCX do with public signatures nobody confirmed (<see cref="SignatoryView.Unconfirmed"/>),
/// as staff ask with <c>?unconfirmed=mark</c> or <c>omit</c>: print them as they are (the default), marked
/// "(unconfirmed)", or leave them out of the printed block. The counts and the stored block do not change.
/// </summary>
public static class UnconfirmedInPrint
{
    public const string Mark = "unconfirmed";

    public static bool IsValid(string? mode) => mode is null or "" or "print" or "mark" or "omit";

    public static LetterDetails Apply(LetterDetails details, string? mode) => mode switch
    {
        "mark" => details with { Signatories = details.Signatories.Select(s => s.Unconfirmed ? s with { Mark = Mark } : s).ToList() },
        "omit" => details with { Signatories = details.Signatories.Where(s => !s.Unconfirmed).ToList() },
        _ => details
    };

    public static ProblemDetails Invalid() =>
        Problems.Validation(new FieldErrors().Add("unconfirmed", "must be \"print\", \"mark\" or \"omit\""));
}
