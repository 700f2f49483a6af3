namespace CampaignManager.Letters;

public record LetterSummary(Guid Id, string Title, string Subject, LetterStatus Status, int TextVersion,
    int Signatories, DateTimeOffset DraftedAt, DateTimeOffset LastChangedAt)
{
    /// <summary>The query behind the list, shared by the JSON endpoint and the staff page.</summary>
    public static async Task<PageOf<LetterSummary>> QueryAsync(IQuerySession session, ILetterSigners signers, LetterStatus? wanted,
        string? q, int p, int size, CancellationToken token)
    {
        IQueryable<Letter> query = session.Query<Letter>();
        if (wanted is { } w) query = query.Where(x => x.Status == w);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(x => x.Title.Contains(term, StringComparison.OrdinalIgnoreCase) ||
                                     x.Subject.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        var total = await query.CountAsync(token);
        var letters = await query.OrderByDescending(x => x.LastChangedAt).Skip((p - 1) * size).Take(size).ToListAsync(token);
        var signed = await signers.SignatoriesAsync(session, letters.Select(x => x.Id).ToArray(), token);

        var items = letters.Select(l => new LetterSummary(l.Id, l.Title, l.Subject, l.Status, l.TextVersion,
            signed.GetValueOrDefault(l.Id), l.DraftedAt, l.LastChangedAt)).ToList();
        return new PageOf<LetterSummary>(items, total, p, size);
    }
}

public static class LetterListEndpoint
{
    /// <summary>Letters, most recently changed first; filter by <c>status</c>, search title and subject with <c>q</c>.</summary>
    [WolverineGet("/api/letters", Name = "ListLetters")]
    [EndpointSummary("Letters, filtered by status and searched by title or subject")]
    [Tags("Letters")]
    [ProducesResponseType<PageOf<LetterSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(string? status, string? q, int? page, int? pageSize, IQuerySession session,
        ILetterSigners signers, CancellationToken token)
    {
        var errors = new FieldErrors()
            .When(status is not null && !Enum.TryParse<LetterStatus>(status, ignoreCase: true, out _), "status",
                "must be one of draft, open, closed, final")
            .PageAndSize(page, pageSize);
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));

        return Results.Ok(await LetterSummary.QueryAsync(session, signers, status is null ? null : Enum.Parse<LetterStatus>(status, ignoreCase: true), q,
            page ?? 1, pageSize ?? 20, token));
    }
}
