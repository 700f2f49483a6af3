using CampaignManager.Letters;
using Microsoft.AspNetCore.RateLimiting;

namespace CampaignManager.Signatures;

/// <summary>
/// The page outside signers reach through a letter's unguessable link: the exact text version being signed, the
/// approved signatories as printed lines only (unless the letter is under embargo), and a form that works without
/// JavaScript. It signs through the same command as the staff API, marked as a public sign-on. Anonymous by design:
/// the link is the only credential, so everything it shows or answers must be fit for anyone holding it.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicSignOnLimits.Policy)]
[RequestSizeLimit(PublicSignOnLimits.MaxRequestBytes)]
[ReadFormWithinSizeLimit]
public partial class PublicSignOnModel(IQuerySession session, IDocumentStore store, TimeProvider clock, ILogger<SignLetter> logger) : PageModel
{
    public Letter? Letter { get; private set; }

    /// <summary>Printed lines of active signatures only: never an email, a withdrawal reason or a pending signer.</summary>
    public IReadOnlyList<PublicSignatory> Block { get; private set; } = [];

    /// <summary>The signatures counted under <see cref="Display"/>; <see cref="SignedEarlier"/> of them are on an earlier text.</summary>
    public int SignedCount { get; private set; }
    public int SignedEarlier { get; private set; }

    /// <summary>
    /// The letter's choice; a final letter shows its block as finalizing settled it (signers kept on an earlier text
    /// marked, as the printed letter marks them), whatever was chosen while it was open.
    /// </summary>
    public PublicSignatoryDisplay Display => Letter is { Status: not LetterStatus.Final } l ? l.PublicSignatoryDisplay : PublicSignatoryDisplay.MarkEarlierVersions;
    public bool CurrentVersionOnly => Display == PublicSignatoryDisplay.CurrentVersionOnly;

    /// <summary>The cursor of the next page of names, for a plain "more" link: the page needs no script to page on.</summary>
    public string? NextPage { get; private set; }
    public bool NamesPrivate => Letter?.SignatoriesPrivate == true;

    /// <summary>The name the visitor typed, echoed back; never what is on file for their name or email.</summary>
    public string? ReceivedName { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = new();

    [BindProperty] public SignOnForm Form { get; set; } = new();

    /// <summary>Reached through a personal re-confirmation link: whose it was, and what they can answer.</summary>
    public ReturningSigner? Returning { get; private set; }

    /// <summary>What the returning signer just answered (<see cref="SignatureReconfirmed"/> or <see cref="SignatureWithdrawn"/>).</summary>
    public object? Answered { get; private set; }

    public class SignOnForm
    {
        public string Kind { get; set; } = "individual";
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? Affiliation { get; set; }
        public bool AffiliationForIdentificationOnly { get; set; }
        public string? Email { get; set; }
        public string? FamilyName { get; set; }
        /// <summary>The signer ticked the box agreeing to the consent text shown (Signatures/_Consent.cshtml).</summary>
        public bool Consent { get; set; }
        /// <summary>The signer's choices of Signatures/_PrivacyChoices.cshtml.</summary>
        public bool NameWithheld { get; set; }
        public bool NameAfterPublication { get; set; }

        /// <summary>The text the signer read, sent back by the form so the signature records it.</summary>
        public string? Language { get; set; }

        /// <summary>The honeypot: hidden from people, filled in by bots that fill every field.</summary>
        public string? Website { get; set; }

        /// <summary>The partner's code from a partner's sign-on link (<c>?via=</c>), carried to the signature.</summary>
        public string? Via { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string token, string? signer, string? after, string? lang, string? via)
    {
        Form.Via = via;
        await LoadAsync(token, SignatoryPages.IsValid(after) ? after : null);
        Choose(lang);
        await RecognizeAsync(signer);
        return LetterPage();
    }

    /// <summary>The signer re-confirms the current text through their link; recorded as the signer, not as staff.</summary>
    public Task<IActionResult> OnPostReconfirmAsync(string token, string? signer) =>
        AnswerAsync(token, signer, (letter, signature, by, at) => ReturningSigner.Answer(
            NotExpired(letter).Then(() => ReconfirmSignatureEndpoint.Validate(letter.Id, letter, signature)),
            () => ReconfirmSignatureEndpoint.Decide(letter, signature, by, at)));

    /// <summary>The signer withdraws through their link; the signature stays as history, as every withdrawal does.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(string token, string? signer)
    {
        var command = new WithdrawSignature("Withdrawn by the signer through their re-confirmation link");
        return AnswerAsync(token, signer, (letter, signature, by, at) => ReturningSigner.Answer(
            NotExpired(letter).Then(() => WithdrawSignatureEndpoint.Validate(letter.Id, command, letter, signature)),
            () => [WithdrawSignatureEndpoint.Decide(signature, command, by, at)]));
    }

    private static ProblemDetails NotExpired(Letter letter) =>
        letter.Status == LetterStatus.Open ? WolverineContinue.NoProblems : ReturningSigner.LinkExpired(letter);

    private async Task<IActionResult> AnswerAsync(string token, string? signer,
        Func<Letter, Signature, string, DateTimeOffset, (ProblemDetails Problem, IReadOnlyList<object> Events)> decide)
    {
        await LoadAsync(token);
        await RecognizeAsync(signer);
        if (Letter is null || Returning is not { Signature: { } mine }) return LetterPage();
        // held like a sign-on (see LetterGate): a close or finalize in flight is waited for and then seen here
        await using (var write = store.LightweightSession())
        {
            var letter = await LetterGate.HoldAsync(write, Letter.Id, HttpContext.RequestAborted);
            var stream = await write.Events.FetchForWriting<Signature>(mine.Id, HttpContext.RequestAborted);
            if (letter is null || stream.Aggregate is null) return LetterPage();
            // the actor from the stream as it is now, not as the page read it: an erasure committed meanwhile leaves no name to record
            var by = ReturningSigner.ActorOf(stream.Aggregate);
            var (problem, events) = decide(letter, stream.Aggregate, by, clock.GetUtcNow());
            if (!problem.IsNone())
            {
                Errors = new() { [""] = [problem.Detail ?? problem.Title ?? "Your answer could not be recorded."] };
                Returning = ReturningSigner.For(letter, stream.Aggregate);
                return LetterPage();
            }
            stream.AppendMany(events);
            await write.SaveChangesAsync(HttpContext.RequestAborted);
            Answered = events.Count > 0 ? events[0] : null;
        }
        await LoadAsync(token);
        await RecognizeAsync(signer);
        return Page();
    }

    private async Task RecognizeAsync(string? signer)
    {
        if (Letter is null || signer is null) return;
        var signature = await ReconfirmationLinks.FindAsync(session, Letter, signer, HttpContext.RequestAborted);
        Returning = signature is null ? ReturningSigner.Unknown : ReturningSigner.For(Letter, signature);
        // a returning signer reads the text they signed, in its language
        if (signature is not null) Translation = signature.Language;
    }

    public async Task<IActionResult> OnPostAsync(string token, string? via, [FromServices] PublicSigning signing, [FromServices] ISignOnPartners partners)
    {
        // the form posts back to the address it was read at, so a partner's ?via= arrives with it as well as in the form
        Form.Via ??= via;
        await LoadAsync(token);
        Choose(Form.Language);
        if (Letter is not { Status: LetterStatus.Open }) return LetterPage();

        var command = PublicSigning.Signatory(Form.Kind == "organization", Form.Name, Form.Title, Form.Affiliation,
            Form.AffiliationForIdentificationOnly, Form.Email, Form.FamilyName, Translation, Form.NameWithheld, Form.NameAfterPublication);
        if (PublicSigning.Validate(Letter, command, Form.Consent) is HttpValidationProblemDetails invalid)
        {
            Errors = new Dictionary<string, string[]>(invalid.Errors);
            return LetterPage();
        }

        // a bot gets the same thank-you a person gets, so it has no signal to learn from, and nothing is recorded
        if (string.IsNullOrEmpty(Form.Website))
        {
            // an unknown or retired partner code signs without attribution: the signer is not to blame for a stale link
            var partner = await partners.FindAsync(session, Letter.Id, Form.Via, HttpContext.RequestAborted);
            var outcome = await SignOn.RunAsync(store, signing.Command(Letter.Id, command, User.ActorName(), UiCulture) with { Partner = partner },
                clock, logger, HttpContext.RequestAborted);
            if (outcome.Problem is { } problem)
            {
                Errors = problem is HttpValidationProblemDetails fields ? new(fields.Errors)
                    : new() { [""] = [problem.Detail ?? problem.Title ?? "The signature could not be recorded."] };
                return LetterPage();
            }
            await signing.AfterAsync(outcome, Letter, Request);
        }
        ReceivedName = command.Name.Trim();
        return Page();
    }

    /// <summary>The errors on <paramref name="field"/>, in the page's language when they are the form's known ones.</summary>
    public string Error(string field) => Errors.TryGetValue(field, out var e) ? string.Join(" ", e.Select(PublicFormErrors.Localize)) : "";

    private IActionResult LetterPage()
    {
        // an unknown link is a 404 for crawlers and browsers alike, but still a readable page, never an error page
        if (Letter is null) HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task LoadAsync(string token, string? after = null)
    {
        Letter = string.IsNullOrWhiteSpace(token)
            ? null
            : await session.Query<Letter>().FirstOrDefaultAsync(x => x.PublicToken == token, HttpContext.RequestAborted);
        if (Letter is null) return;
        // the count and one page of names in one round trip: the page costs the same at 10 and at 100,000 signatures
        var batch = session.CreateBatchQuery();
        var counts = SignatoryCounts.CountIn(batch, session, Letter.Id);
        var page = NamesPrivate ? null : SignatoryPages.ReadIn(batch, session, Letter.Id, after, SignatoryPages.DefaultLimit,
            CurrentVersionOnly ? Letter : null);
        await batch.Execute(HttpContext.RequestAborted);
        var counted = await counts(Letter);
        (SignedCount, SignedEarlier) = CurrentVersionOnly
            ? (counted.Signatories - counted.NeedingReconfirmation, 0)
            : (counted.Signatories, counted.NeedingReconfirmation);
        if (page is null) return;
        var names = await page(Letter);
        Block = names.Signatories.Select(s => PublicSignatory.From(SignerPrivacy.ForPublic(s, Letter))).ToList();
        NextPage = names.Next;
    }
}

/// <summary>
/// A signature as an anonymous visitor may see it: exactly what the printed letter will carry, and
/// <see cref="EarlierVersion"/>, the version signed when it is not the text on the page.
/// </summary>
public record PublicSignatory(string PrintedLine, bool AffiliationForIdentificationOnly, int? EarlierVersion = null)
{
    public static PublicSignatory From(SignatoryView s) =>
        new(s.PrintedLine, s.AffiliationForIdentificationOnly, s.NeedsReconfirmation ? s.SignedVersion : null);
}
