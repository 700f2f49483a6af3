using System.Buffers.Text;
using CampaignManager.Letters;
using Marten.Services.BatchQuerying;

namespace CampaignManager.Signatures;

/// <summary>One page of the signatory block and the opaque cursor of the next (null on the last page).</summary>
public record SignatoryPage(IReadOnlyList<SignatoryView> Signatories, string? Next);

/// <summary>
/// The ordered block read a page at a time, so a letter with 100,000 signatures costs what one with 10 does. Pinned
/// signatures come first in the staff's order (the pinned list is short and lives on the letter); the rest are walked
/// through the (letter_id, status, sort_key, id) index from the cursor and PostgreSQL stops after a page. The cursor
/// says which of the two runs it is in and where: "p" and a pinned position, or "k", a sort key and an id.
/// </summary>
public static class SignatoryPages
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    private sealed record Cursor(int? Pinned, string? SortKey, Guid? Id);

    public static async Task<SignatoryPage> ReadAsync(IQuerySession session, Letter letter, string? after, int limit,
        CancellationToken token)
    {
        var batch = session.CreateBatchQuery();
        var page = ReadIn(batch, session, letter.Id, after, limit);
        await batch.Execute(token);
        return await page(letter);
    }

    /// <summary>
    /// Queues one page on a batch that may not have loaded the letter yet: the pinned ids are read from the letter's
    /// row inside the same statements, so the letter, its counts and this page travel in one round trip. The result
    /// needs the letter itself only to order the pinned run and to write the cursor. With <paramref name="currentOf"/>
    /// only signatures on the current text in their own language are read (the public page that counts the current
    /// version alone, see <see cref="CurrentSigners"/>): the filter is on signed_version, which the block's index
    /// carries, compared per language only when the letter has translations.
    /// </summary>
    public static Func<Letter, Task<SignatoryPage>> ReadIn(IBatchedQuery batch, IQuerySession session, Guid letterId,
        string? after, int limit, Letter? currentOf = null)
    {
        var cursor = Decode(after) ?? new Cursor(-1, null, null);
        var letters = $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_letter";
        var (onVersion, version) = currentOf is null ? ("", []) : OnCurrentText(currentOf);
        // ordinality is 1-based; the cursor's position is the 0-based index of the last pinned signature shown
        var pinned = cursor.Pinned is { } position
            ? batch.Query<Signature>(
                "where status = ? " + onVersion + "and id = any(array(select x.value::uuid from " + letters + " l, " +
                "jsonb_array_elements_text(l.data -> 'explicitOrder') with ordinality x(value, n) where l.id = ? and x.n > ?))",
                [Active, .. version, letterId, position + 1])
            : Task.FromResult<IReadOnlyList<Signature>>([]);
        // the row comparison is what lets PostgreSQL start inside the index instead of skipping an offset
        var rest = batch.Query<Signature>(
            "where letter_id = ? and status = ? and (sort_key, id) > (?, ?) and not (id = any(array(select " +
            "(jsonb_array_elements_text(l.data -> 'explicitOrder'))::uuid from " + letters + " l where l.id = ?))) " +
            onVersion + "order by sort_key, id limit ?",
            [letterId, Active, cursor.SortKey ?? "", cursor.Id ?? Guid.Empty, letterId, .. version, limit + 1]);
        return async letter =>
        {
            var active = (await pinned).ToDictionary(s => s.Id);
            var page = letter.ExplicitOrder.Where(active.ContainsKey).Select(x => active[x]).ToList();
            if (page.Count <= limit) page.AddRange((await rest).Take(limit + 1 - page.Count));
            var shown = page.Take(limit).Select(s => SignatoryView.From(s, letter)).ToList();
            return new SignatoryPage(shown, page.Count > limit ? Encode(letter, page[limit - 1]) : null);
        };
    }

    private const string Active = nameof(SignatureStatus.Active);

    // CurrentSigners.SignedCurrentText in SQL: a translation's signers against its version, everyone else the source's
    private static (string Sql, object[] Parameters) OnCurrentText(Letter letter)
    {
        var translations = CurrentSigners.TranslationVersions(letter);
        if (translations.Count == 0) return ("and signed_version = ? ", [letter.TextVersion]);
        var cases = string.Concat(translations.Select(_ => "when ? then ? "));
        return ($"and signed_version = (case data ->> 'language' {cases}else ? end) ",
            [.. translations.SelectMany(t => new object[] { t.Language, t.Version }), letter.TextVersion]);
    }

    private static string Encode(Letter letter, Signature last)
    {
        var position = letter.ExplicitOrder.IndexOf(last.Id);
        var text = position >= 0 ? $"p|{position}" : $"k|{last.SortKey}|{last.Id:N}";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Null for no cursor or one this server did not hand out.</summary>
    private static Cursor? Decode(string? after)
    {
        if (string.IsNullOrEmpty(after) || !Base64Url.IsValid(after)) return null;
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(after)).Split('|');
        return parts switch
        {
            ["p", var p] when int.TryParse(p, out var position) && position >= 0 => new Cursor(position, null, null),
            ["k", var key, var id] when key.All(char.IsAsciiHexDigitLower) && Guid.TryParseExact(id, "N", out var g) =>
                new Cursor(null, key, g),
            _ => null
        };
    }

    public static bool IsValid(string? after) => string.IsNullOrEmpty(after) || Decode(after) is not null;

    [WolverineGet("/api/letters/{id}/signatories", Name = "GetSignatories")]
    [EndpointSummary("The ordered signatory block, a page at a time through an opaque cursor")]
    [Tags("Signatures")]
    [ProducesResponseType<SignatoryPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, string? after, int? limit, IQuerySession session, CancellationToken token)
    {
        var errors = new FieldErrors()
            .When(!IsValid(after), "after", "is not a cursor this server handed out")
            .When(limit is < 1 or > MaxLimit, "limit", $"must be between 1 and {MaxLimit}");
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));
        return await session.LoadAsync<Letter>(id, token) is { } letter
            ? Results.Ok(await ReadAsync(session, letter, after, limit ?? DefaultLimit, token))
            : Results.Problem(Problems.NotFound("Letter", id));
    }
}
