using System.ComponentModel;
using System.Text.RegularExpressions;

namespace CampaignManager.Targets;

/// <summary>
/// Where a report points in the file, said both ways: a spreadsheet numbers rows, an editor lines, and the two part as
/// soon as a quoted value spans lines or an empty line is skipped. Both count the header as 1.
/// </summary>
internal static class ImportPlace
{
    public const string Row = "The row as a spreadsheet numbers it, counting the header as row 1: the first data row is row 2.";
    public const string Line = "The line of the file where the row starts, counting the header as line 1. Further down than the row " +
                               "when a quoted value above spans lines or an empty line was skipped.";
}

public record ImportError(
    [property: Description(ImportPlace.Row)] int Row,
    [property: Description(ImportPlace.Line)] int Line,
    [property: Description("The column at fault, or \"row\" when the row itself could not be read")] string Field,
    string Message);

/// <summary>A row that matched a known target (by email, else name and organization), or an earlier row of the file.</summary>
public record ImportDuplicate(
    [property: Description(ImportPlace.Row)] int Row,
    [property: Description(ImportPlace.Line)] int Line,
    Guid TargetId, string Target,
    [property: Description("The earlier row of this file it matched (a row number, as row); null when it matched a target already on file")] int? SameAsRow,
    [property: Description("The line that earlier row starts on (as line); null when it matched a target already on file")] int? SameAsLine);

/// <summary>Imported: new targets registered; reused: rows that matched a known target; added: new list members.</summary>
public record ImportReport(int Imported, int Reused, int Rejected, int Added, IReadOnlyList<ImportError> Errors,
    IReadOnlyList<ImportDuplicate>? Duplicates = null, IReadOnlyList<string>? IgnoredColumns = null);

/// <summary>What the import decided: the targets to register and the one membership fact for the list.</summary>
public record ImportDecision(ImportReport Report, IReadOnlyList<TargetRegistered> Registered, TargetsAddedToList? Added);

/// <summary>A known target as the import matches it.</summary>
public record KnownTarget(Guid Id, string Name, string? Organization, string? Email);

public static class ImportTargetsEndpoint
{

    /// <summary>
    /// The decision. A row re-uses a known target with the same email, else the same name and organization
    /// (case and spacing ignored), and then leaves that target's details alone: a spreadsheet is no authority
    /// over details staff may have corrected. Rows earlier in the same file count as known.
    /// </summary>
    public static ImportDecision Decide(TargetList list, IEnumerable<TargetCsvRow> rows, IEnumerable<KnownTarget> known,
        Func<Guid> newId, string by, DateTimeOffset at)
    {
        var byEmail = new Dictionary<string, Guid>();
        var byName = new Dictionary<string, Guid>();
        var names = new Dictionary<Guid, (string Name, TargetCsvRow? Row)>();
        foreach (var k in known) Remember(k.Id, k.Name, k.Organization, k.Email, null);

        var (errors, registered, members) = (new List<ImportError>(), new List<TargetRegistered>(), new List<Guid>());
        var (duplicates, rejected) = (new List<ImportDuplicate>(), 0);
        foreach (var row in rows)
        {
            var tags = row.Tags?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var problems = row.Problem is { } p
                ? new Dictionary<string, string[]> { ["row"] = [p] }
                : TargetContact.Check(new FieldErrors(), row.Name, row.Title, row.Organization, row.Email, row.Address,
                    row.Country, tags).ToDictionary();
            if (problems.Count > 0)
            {
                rejected++;
                errors.AddRange(problems.SelectMany(f => f.Value.Select(m => new ImportError(row.Row, row.Line, f.Key, m))));
                continue;
            }

            var c = TargetContact.Normalize(row.Name!, row.Title, row.Organization, row.Email, row.Address, row.Country, tags);
            if ((c.Email is not null && byEmail.TryGetValue(c.Email, out var id)) || byName.TryGetValue(NameKey(c.Name, c.Organization), out id))
            {
                var (matched, earlier) = names[id];
                duplicates.Add(new ImportDuplicate(row.Row, row.Line, id, matched, earlier?.Row, earlier?.Line));
            }
            else
            {
                id = newId();
                registered.Add(RegisterTargetEndpoint.Decide(id, c, by, at));
                Remember(id, c.Name, c.Organization, c.Email, row);
            }
            if (!list.Members.Contains(id) && !members.Contains(id)) members.Add(id);
        }

        var report = new ImportReport(registered.Count, duplicates.Count, rejected, members.Count, errors, duplicates);
        return new ImportDecision(report, registered, members.Count > 0 ? new TargetsAddedToList(list.Id, members, by, at) : null);

        void Remember(Guid id, string name, string? organization, string? email, TargetCsvRow? row)
        {
            names.TryAdd(id, (organization is null ? name : $"{name}, {organization}", row));
            if (email is not null) byEmail.TryAdd(email.ToLowerInvariant(), id);
            byName.TryAdd(NameKey(name, organization), id);
        }
    }

    private static string NameKey(string name, string? organization) =>
        Regex.Replace($"{name}\n{organization}".ToLowerInvariant(), @"[ \t]+", " ").Trim();

    /// <summary>
    /// One Marten session for the whole import: every good row's target and the list's new members commit in one
    /// transaction, or nothing does (a concurrent change to the list answers 409 and the file can be sent again).
    /// </summary>
    [WolverinePost("/api/target-lists/{id}/import", Name = "ImportTargets")]
    [RequestSizeLimit(CsvUpload.MaxBytes)]
    [CsvUpload<TargetCsv>]
    [Tags("Targets")]
    [EndpointSummary("Import targets from CSV into a list, with a per-row report")]
    [ProducesResponseType<ImportReport>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Post(Guid id, HttpRequest request, IDocumentSession session, TimeProvider clock,
        CancellationToken token)
    {
        var (text, unreadable) = await CsvUpload.ReadAsync(request, token);
        if (unreadable is not null) return Results.Problem(unreadable);
        var csv = TargetCsv.Parse(text!);
        if (csv.Error is not null) return Results.Problem(CsvUpload.BadFile(csv.Error));

        var stream = await session.Events.FetchForWriting<TargetList>(id, token);
        if (stream.Aggregate is null) return Results.Problem(Problems.NotFound("Target list", id));

        // The whole registry is small (hundreds, not millions) and name matching ignores case, so load the keys.
        var known = await session.Query<TargetDetails>()
            .Select(x => new KnownTarget(x.Id, x.Name, x.Organization, x.Email)).ToListAsync(token);
        var decision = Decide(stream.Aggregate, csv.Rows, known, Guid.CreateVersion7,
            request.HttpContext.User.ActorName(), clock.GetUtcNow());
        decision = decision with { Report = decision.Report with { IgnoredColumns = csv.IgnoredColumns } };

        foreach (var registered in decision.Registered) session.Events.StartStream<Target>(registered.TargetId, registered);
        if (decision.Added is not null) stream.AppendOne(decision.Added);
        await session.SaveChangesAsync(token);
        return Results.Ok(decision.Report);
    }


}
