using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary><see cref="Signatories"/> is what counts; <see cref="AwaitingEmailConfirmation"/> and <see cref="AwaitingApproval"/> never do.</summary>
public record SignatureCounts(int Signatories, int Organizations, int Individuals, int NeedingReconfirmation, int Withdrawn,
    int AwaitingApproval = 0, int AwaitingEmailConfirmation = 0);

/// <summary>
/// The letter as staff see it: current text, state, the ordered signatory block with re-confirmation flags (now: its
/// first page, with <see cref="NextSignatories"/> to page on), and the withdrawn signatures kept apart. Built from the
/// inline Letter and Signature documents, or folded from the timeline when read "as of" a past moment. It lives with
/// the signatures because it joins them into the letter: Signatures reads Letters, never the other way round.
/// </summary>
public record LetterDetails(
    Guid Id, string Title, string Subject, string Body, string Closing, IReadOnlyList<Addressee> Addressees,
    LetterStatus Status, int TextVersion, DateTimeOffset? SignatureDeadline, DateTimeOffset DraftedAt, string DraftedBy,
    DateTimeOffset LastChangedAt, DateTimeOffset? FinalizedAt, IReadOnlyList<SignatoryView> Signatories,
    IReadOnlyList<SignatoryView> Withdrawn, SignatureCounts Counts, DateTimeOffset? AsOf,
    IReadOnlyList<SignatoryView> AwaitingApproval, bool PublicSignOnNeedsApproval, string? PublicSignOnUrl,
    bool SignatoriesEmbargoed = false, DateTimeOffset? SignatoriesPublishedAt = null, string? NextSignatories = null,
    PublicSignatoryDisplay PublicSignatoryDisplay = PublicSignatoryDisplay.MarkEarlierVersions,
    string SourceLanguage = Languages.Default, IReadOnlyList<TranslationView>? Translations = null,
    bool PublicSignOnNeedsEmailConfirmation = false)
{
    /// <summary>The whole block from every signature: for "as of" reads and where every name is needed (export, print).</summary>
    public static LetterDetails Build(Letter letter, IEnumerable<Signature> signatures, DateTimeOffset? asOf = null)
    {
        var views = signatures.Select(s => SignatoryView.From(s, letter)).ToList();
        var active = SignatoryOrder.Sort(views.Where(v => v.Status == SignatureStatus.Active), v => v.Id, v => v.Kind,
            v => v.Name, letter.ExplicitOrder, v => v.FamilyName, v => v.NameWithheld, letter.Collation);
        var counts = new SignatureCounts(active.Count, active.Count(v => v.Kind == SignatoryKind.Organization),
            active.Count(v => v.Kind == SignatoryKind.Individual), active.Count(v => v.NeedsReconfirmation),
            views.Count(v => v.Status == SignatureStatus.Withdrawn), views.Count(v => v.Status == SignatureStatus.AwaitingApproval),
            views.Count(v => v.Status == SignatureStatus.AwaitingEmailConfirmation));
        return Build(letter, new SignatoryPage(active, null), views, counts, asOf);
    }

    private static LetterDetails Build(Letter letter, SignatoryPage block, IEnumerable<SignatoryView> others,
        SignatureCounts counts, DateTimeOffset? asOf)
    {
        var withdrawn = others.Where(v => v.Status == SignatureStatus.Withdrawn).OrderBy(v => v.WithdrawnAt).ToList();
        var pending = others.Where(v => v.Status == SignatureStatus.AwaitingApproval).OrderBy(v => v.SignedAt).ToList();
        var text = letter.Current;
        return new LetterDetails(letter.Id, text.Title, text.Subject, text.Body, text.Closing, text.Addressees,
            letter.Status, letter.TextVersion, letter.SignatureDeadline, letter.DraftedAt, letter.DraftedBy,
            letter.LastChangedAt, letter.FinalizedAt, block.Signatories, withdrawn, counts, asOf, pending,
            letter.PublicSignOnNeedsApproval,
            letter is { Status: LetterStatus.Open, PublicToken: { } token } ? PublicSignOnPath(token) : null,
            letter.SignatoriesEmbargoed, letter.SignatoriesPublishedAt, block.Next, letter.PublicSignatoryDisplay,
            letter.SourceLanguage, TranslationView.Of(letter), letter.PublicSignOnNeedsEmailConfirmation);
    }

    /// <summary>
    /// The letter as staff see it now: counts and the first page of the block (<see cref="NextSignatories"/> pages on
    /// through /signatories), so the answer costs the same at 10 and at 100,000 signatures. Withdrawn and pending
    /// signatures are still listed whole: staff act on each of them, and they stay few. One round trip: the letter,
    /// its counts, the page and the others are one batch, each statement an index range scan.
    /// </summary>
    public static async Task<LetterDetails?> LoadAsync(IQuerySession session, Guid id, CancellationToken token) =>
        (await LoadWithLetterAsync(session, id, null, SignatoryPages.DefaultLimit, token))?.Details;

    /// <summary>The same, from the page after <paramref name="after"/>, with the letter document it was built from.</summary>
    public static async Task<(Letter Letter, LetterDetails Details)?> LoadWithLetterAsync(IQuerySession session, Guid id,
        string? after, int limit, CancellationToken token)
    {
        var batch = session.CreateBatchQuery();
        var loaded = batch.Load<Letter>(id);
        var counts = SignatoryCounts.CountIn(batch, session, id);
        var page = SignatoryPages.ReadIn(batch, session, id, after, limit);
        // "= any" of the two statuses, not "<> Active": two ranges of the (letter_id, status, ...) index
        var others = batch.Query<Signature>("where letter_id = ? and status = any(?)", id,
            new[] { nameof(SignatureStatus.Withdrawn), nameof(SignatureStatus.AwaitingApproval) });
        await batch.Execute(token);
        if (await loaded is not { } letter) return null;
        return (letter, Build(letter, await page(letter),
            (await others).Select(s => SignatoryView.From(s, letter)), await counts(letter), null));
    }

    /// <summary>The letter now with its whole block, for what prints or exports every name; null when there is no such letter.</summary>
    public static async Task<LetterDetails?> LoadWholeAsync(IQuerySession session, Guid id, CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(id, token);
        if (letter is null) return null;
        var signatures = await session.Query<Signature>().Where(x => x.LetterId == id).ToListAsync(token);
        return Build(letter, signatures);
    }

    /// <summary>What every export of the whole letter answers: the file it renders to, or a 404 for an unknown letter.</summary>
    public static async Task<IResult> ExportAsync(IQuerySession session, Guid id, Func<LetterDetails, IResult> file, CancellationToken token) =>
        await LoadWholeAsync(session, id, token) is { } details ? file(details) : Results.Problem(Problems.NotFound("Letter", id));

    /// <summary>The public sign-on page for a letter; only the token identifies it.</summary>
    public static string PublicSignOnPath(string token) => $"/sign/{token}";
}

public static class LetterDetailsEndpoint
{
    /// <summary>The letter now, or as it stood at <paramref name="asOf"/> (ISO 8601 date or date-time).</summary>
    [WolverineGet("/api/letters/{id}", Name = "GetLetter")]
    [EndpointSummary("A letter with its counts and the first page of its ordered signatory block; the whole block as of a moment")]
    [Tags("Letters")]
    [ProducesResponseType<LetterDetails>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, CancellationToken token)
    {
        var read = AsOfQuery.Read(asOf);
        if (read.Problem is { } unreadable) return Results.Problem(unreadable);
        if (read.Moment is { } moment)
        {
            var (then, signaturesThen) = await LetterTimeline.AsOfAsync(session, id, moment, token);
            return then is null
                ? Results.Problem(Problems.NotFound("Letter", $"{id} as of {moment:O}"))
                : Results.Ok(LetterDetails.Build(then, signaturesThen, moment));
        }

        return await LetterDetails.LoadAsync(session, id, token) is { } details
            ? Results.Ok(details)
            : Results.Problem(Problems.NotFound("Letter", id));
    }
}
