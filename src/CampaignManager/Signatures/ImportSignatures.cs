using CampaignManager.Letters;

namespace CampaignManager.Signatures;

public record SignatureImportError(int Row, string Field, string Message);

/// <summary>
/// A row whose signer was already on the letter: the signature it matched (under its name as printed) and, when that
/// signer came from an earlier row of the same file, that row. Staff see which of their rows was folded into which.
/// </summary>
public record SignatureImportDuplicate(int Row, Guid SignatureId, string Signer, int? SameAsRow);

/// <summary>
/// Added: new signatures; duplicates: rows whose signer had already signed (or appeared earlier in the file);
/// ignored columns: the header's cells that are no column of ours, as the file wrote them (nothing of theirs was kept).
/// </summary>
public record SignatureImportReport(int Added, int Duplicates, int Rejected, IReadOnlyList<SignatureImportError> Errors,
    IReadOnlyList<SignatureImportDuplicate>? DuplicateRows = null, IReadOnlyList<string>? IgnoredColumns = null);

public static class ImportSignaturesEndpoint
{

    /// <summary>A row as the same command the staff form sends, or the row's own problems.</summary>
    public static (AddSignatory? Command, Dictionary<string, string[]> Problems) ToCommand(SignatureCsvRow row)
    {
        if (row.Problem is { } p) return (null, new() { ["row"] = [p] });
        var errors = new Dictionary<string, string[]>();
        SignatoryKind? kind = row.Kind?.Trim().ToLowerInvariant() switch
        {
            "organization" or "organisation" => SignatoryKind.Organization,
            "individual" => SignatoryKind.Individual,
            _ => null
        };
        if (kind is null && !string.IsNullOrWhiteSpace(row.Kind)) errors["kind"] = ["must be \"organization\" or \"individual\""];
        bool? identificationOnly = row.IdentificationOnly?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" or "no" or "0" => false,
            "true" or "yes" or "1" or "x" => true,
            _ => null
        };
        if (identificationOnly is null) errors["affiliationForIdentificationOnly"] = ["must be true or false"];
        DateOnly? signedOn = null;
        if (!string.IsNullOrWhiteSpace(row.SignedOn))
        {
            if (SignedOnDay(row.SignedOn.Trim()) is { } day && day >= SaneDates.Earliest && day <= SaneDates.Latest) signedOn = day;
            else errors["signedOn"] = ["must be a date written yyyy-MM-dd, or an ISO 8601 date and time"];
        }
        var command = new AddSignatory(kind, row.Name ?? "", row.Title, row.Affiliation, identificationOnly ?? false, row.Email,
            row.FamilyName, signedOn);
        if (AddSignatoryEndpoint.Validate(command) is HttpValidationProblemDetails invalid)
            foreach (var (field, messages) in invalid.Errors)
                errors.TryAdd(field, messages); // an unreadable kind or flag is already explained better above
        return errors.Count > 0 ? (null, errors) : (command, errors);
    }

    /// <summary>The day as the file wrote it: a time of day (as exports give "created_at") moves it to no other day.</summary>
    private static DateOnly? SignedOnDay(string value)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (value.Length < 10 || !DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", invariant, System.Globalization.DateTimeStyles.None, out var day))
            return null;
        return value.Length == 10 || DateTimeOffset.TryParse(value, invariant, System.Globalization.DateTimeStyles.AssumeUniversal, out _)
            ? day : null;
    }

    /// <summary>
    /// Every good row signs through the same <see cref="SignLetter"/> command as the form and the API, one at a time,
    /// so dedupe, events and the concurrency retry are theirs; a bad row is reported and the others are kept.
    /// An unreadable file, or a letter not open for signatures, writes nothing.
    /// </summary>
    [WolverinePost("/api/letters/{id}/signatures/import", Name = "ImportSignatures")]
    [RequestSizeLimit(CsvUpload.MaxBytes)]
    [CsvUpload<SignatureCsv>]
    [EndpointSummary("Import sign-ons from CSV: our template (kind,name,...) or an export of people (first_name,last_name,email,...)")]
    [Tags("Signatures")]
    [ProducesResponseType<SignatureImportReport>(200), ProducesResponseType<ProblemDetails>(400),
     ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<IResult> Post(Guid id, HttpRequest request, IQuerySession session, IDocumentStore store,
        TimeProvider clock, ILogger<SignLetter> logger, CancellationToken token)
    {
        var (text, unreadable) = await CsvUpload.ReadAsync(request, token);
        if (unreadable is not null) return Results.Problem(unreadable);
        var csv = SignatureCsv.Parse(text!);
        if (csv.Error is not null) return Results.Problem(CsvUpload.BadFile(csv.Error));

        var letter = await session.LoadAsync<Letter>(id, token);
        if (letter is null) return Results.Problem(Problems.NotFound("Letter", id));
        var state = LetterRules.MustBe(letter, "signed", LetterStatus.Open);
        if (!state.IsNone()) return Results.Problem(state);

        var by = request.HttpContext.User.ActorName();
        var (added, rejected, errors) = (0, 0, new List<SignatureImportError>());
        var (duplicates, addedBy) = (new List<SignatureImportDuplicate>(), new Dictionary<Guid, int>());
        foreach (var row in csv.Rows)
        {
            var (command, problems) = ToCommand(row);
            if (command is null)
            {
                rejected++;
                errors.AddRange(problems.SelectMany(f => f.Value.Select(m => new SignatureImportError(row.Row, f.Key, m))));
                continue;
            }
            var outcome = await SignOn.RunAsync(store, new SignLetter(id, command, by), clock, logger, token);
            if (outcome.Problem is { } problem)
            {
                rejected++;
                errors.Add(new SignatureImportError(row.Row, "row", problem.Detail ?? problem.Title ?? "could not be signed"));
            }
            else if (outcome.Created)
            {
                added++;
                addedBy[outcome.Signatory!.Id] = row.Row;
            }
            else duplicates.Add(new SignatureImportDuplicate(row.Row, outcome.Signatory!.Id, outcome.Signatory.PrintedLine,
                addedBy.TryGetValue(outcome.Signatory.Id, out var first) ? first : null));
        }
        return Results.Ok(new SignatureImportReport(added, duplicates.Count, rejected, errors, duplicates, csv.IgnoredColumns));
    }


}
