using CampaignManager.Letters;
using System.Diagnostics;

namespace CampaignManager.Signatures;

/// <summary>
/// A sign-on: an organization (name) or an individual (name, title, affiliation, and the family name when the block
/// should not file them under the last word of their name: "Ban" for "Ban Ki-moon"). Staff recording a signature
/// given earlier (on paper, by email) say on which day (<see cref="SignedOn"/>); the public page never does.
/// <see cref="Language"/>: which of the letter's texts the signer read and signs, its source language or one of its
/// translations (the source when not given).
/// A signer at risk may ask to be counted but printed as "Name withheld" (<see cref="NameWithheld"/>), or to have their
/// name shown publicly only once the letter is published (<see cref="NameAfterPublication"/>).
/// </summary>
public record AddSignatory(
    SignatoryKind? Kind, string Name, string? Title = null, string? Affiliation = null,
    bool AffiliationForIdentificationOnly = false, string? Email = null, string? FamilyName = null, DateOnly? SignedOn = null,
    string? Language = null, bool NameWithheld = false, bool NameAfterPublication = false);

public static class AddSignatoryEndpoint
{
    public static ProblemDetails Validate(AddSignatory command)
    {
        var errors = new FieldErrors()
            .When(command.Kind is null, "kind", "is required: \"organization\" or \"individual\"")
            .Required("name", command.Name, 300)
            .MaxLength("title", command.Title, 300)
            .MaxLength("affiliation", command.Affiliation, 300)
            .MaxLength("email", command.Email, 320)
            .MaxLength("familyName", command.FamilyName, 300)
            .Language("language", command.Language, required: false)
            .When(command.Kind == SignatoryKind.Organization && !string.IsNullOrWhiteSpace(command.Affiliation),
                "affiliation", "is for individuals; an organization signs in its own name")
            .When(command.AffiliationForIdentificationOnly && string.IsNullOrWhiteSpace(command.Affiliation),
                "affiliationForIdentificationOnly", "needs an affiliation")
            .When(command.Kind == SignatoryKind.Organization && !string.IsNullOrWhiteSpace(command.FamilyName),
                "familyName", "is for individuals; an organization files under its own name")
            .When(command.Kind != SignatoryKind.Organization && !SignerIdentity.IsPartOfName(command.FamilyName, command.Name),
                "familyName", "must be one or more whole words of the name, e.g. \"Ojea Quintana\" in \"Tomás Ojea Quintana\"");
        if (!string.IsNullOrWhiteSpace(command.Email) && !System.Net.Mail.MailAddress.TryCreate(command.Email.Trim(), out _))
            errors.Add("email", "is not a valid email address");
        return Problems.Validation(errors);
    }

    /// <summary>
    /// Not the <c>[WriteAggregate]</c> shape of the other commands, on purpose: a sign-on that loses a race on a signer
    /// key must be retried with a fresh session, which one Wolverine-managed session per request cannot do, so
    /// <see cref="SignOn"/> opens its own per attempt (<see cref="Validate"/> and <see cref="Signing"/>'s Decide stay pure,
    /// as everywhere). It runs the sign-on itself rather than through the message bus: an in-process hop cost an
    /// envelope, a handler pipeline and a second task per sign-on, and bought only the retry rules, which
    /// <see cref="SignOn"/> keeps.
    /// </summary>
    [WolverinePost("/api/letters/{id}/signatures", Name = "AddSignatory")]
    [EndpointSummary("Sign a letter as an organization or an individual (200 for a repeat)")]
    [Tags("Signatures")]
    [ProducesResponseType<SignatoryView>(StatusCodes.Status201Created)]
    [ProducesResponseType<SignatoryView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid id, AddSignatory command, HttpContext context, IDocumentStore store, TimeProvider clock,
        ILogger<SignLetter> logger)
    {
        var outcome = await SignOn.RunAsync(store, new SignLetter(id, command, context.User.ActorName()), clock, logger, context.RequestAborted);
        return outcome switch
        {
            { Problem: { } problem } => Results.Problem(problem),
            { Created: true } => Results.Created($"/api/letters/{id}/signatures/{outcome.Signatory!.Id}", outcome.Signatory),
            _ => Results.Ok(outcome.Signatory)
        };
    }
}

/// <summary><see cref="ConfirmationWindow"/>: how long a public signer has to confirm their email, when the letter asks for it.</summary>
public record SignLetter(Guid LetterId, AddSignatory Signatory, string By, SignatureSource Source = SignatureSource.Staff)
{
    public TimeSpan ConfirmationWindow { get; init; } = SignOnSettings.DefaultConfirmationExpiry;

    /// <summary>The wording and its version that the public signer agreed to; the moment is the sign-on's.</summary>
    public (string Text, string Version)? Consent { get; init; }

    /// <summary>The registered organization's own email domain, when the signatory is one that has it (set by the sign-on).</summary>
    public string? OrganizationDomain { get; init; }

    /// <summary>The coalition partner whose sign-on link or form the signer came through, if any.</summary>
    public Guid? Partner { get; init; }
}

/// <summary><see cref="Mail"/>: the public signer to email their personal links once this commits; never shown to the visitor.</summary>
public record SignOutcome(SignatoryView? Signatory, bool Created, ProblemDetails? Problem, SignerMail? Mail = null);

/// <summary>Whom to email after a public sign-on, and the sign-on (<see cref="Round"/>, its moment) the email answers.</summary>
public record SignerMail(Guid SignatureId, DateTimeOffset Round);

/// <summary>One sign-on, from the API, the public page or an import, each in a transaction of its own.</summary>
public static partial class SignOn
{
    // Retried in place, as Wolverine's handler policies did before the bus hop was dropped (Wolverine.Http has no error
    // policies for endpoints): when the same signer arrives twice at the same instant, the loser's unique-key violation
    // is retried and then finds the winner's signature; a database that is briefly away (restart, failover, a pooled
    // connection the restart cut) is retried for a few seconds before the caller sees 503. Each attempt gets a fresh
    // session and its own commit, and a re-run is harmless because the signer keys make a sign-on that did commit answer
    // as the signature already on file.
    private const int SignerKeyRetries = 3;
    private static readonly TimeSpan[] OutageCooldowns = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    public static async Task<SignOutcome> RunAsync(IDocumentStore store, SignLetter command, TimeProvider clock, ILogger logger,
        CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = store.LightweightSession();
                session.CorrelationId = Activity.Current?.RootId;
                return await OnceAsync(session, command, clock, token);
            }
            catch (Exception e) when (attempt <= SignerKeyRetries && IsSignerKeyCollision(e))
            {
                LogRetry(logger, e, command.LetterId, attempt, "another sign-on by the same signer committed first");
            }
            catch (Exception e) when (attempt <= OutageCooldowns.Length && DatabaseOutage.IsUnavailable(e))
            {
                LogRetry(logger, e, command.LetterId, attempt, "the database is briefly unavailable");
                await Task.Delay(OutageCooldowns[attempt - 1], clock, token);
            }
        }
    }

    // Marten reports both colliding keys at once as an AggregateException, so match on what is inside.
    private static bool IsSignerKeyCollision(Exception e) => e is JasperFx.DocumentAlreadyExistsException ||
        e is AggregateException a && a.InnerExceptions.All(IsSignerKeyCollision);

    private static string OrganizationName(string name) =>
        UniqueName.Key(UniqueName.Organization, TextRules.NameKey(name));

    [LoggerMessage(EventId = 4200, EventName = "SignOnRetried", Level = LogLevel.Warning,
        Message = "Sign-on on letter {LetterId} retried after attempt {Attempt}: {Reason}")]
    private static partial void LogRetry(ILogger logger, Exception exception, Guid letterId, int attempt, string reason);

    private static async Task<SignOutcome> OnceAsync(IDocumentSession session, SignLetter command, TimeProvider clock, CancellationToken token)
    {
        var s = command.Signatory;
        var keys = SignerIdentity.KeysFor(command.LetterId, s.Kind!.Value, s.Name, s.Affiliation, s.Email);
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        // An organization may sign under any name it is registered under ("HRW"): the keys of all its names on this
        // letter count as its own, found through the name claims (Hosting/UniqueName) in the same statement. The keys
        // are one array, built in an init plan before the lookup, so the lookup stays "id = any(array)", which the primary
        // key serves (written as "id = any(?) or id in (subquery)" the sign-on surge ran ~20% slower).
        var (candidates, args) = s.Kind == SignatoryKind.Organization
            ? ($"(?::text[] || array(select ? || substr(n.id, {UniqueName.Organization.Length + 2}) || '|' " +
               $"from {schema}.mt_doc_uniquename n where n.owner_id = (select owner_id from {schema}.mt_doc_uniquename where id = ?)))",
                new object[] { keys.ToArray(), SignerIdentity.OrganizationKeyPrefix(command.LetterId), OrganizationName(s.Name) })
            : ("?", [keys.ToArray()]); // one array parameter, not one parameter per key
        // the gate, the signer's keys and the signatures behind them in one round trip (see LetterGate.Hold)
        await session.BeginTransactionAsync(token);
        var batch = session.CreateBatchQuery();
        var held = LetterGate.Hold(batch, session, command.LetterId);
        var registered = s.Kind == SignatoryKind.Organization
            ? batch.Query<Organizations.Organization>(
                $"where id = (select owner_id from {schema}.mt_doc_uniquename where id = ?)", OrganizationName(s.Name))
            : null;
        var knownKeys = batch.Query<SignerKey>($"where id = any({candidates})", args);
        var signatures = batch.Query<Signature>(
            $"where id in (select (data ->> 'signatureId')::uuid from {schema}.mt_doc_signerkey where id = any({candidates}))", args);
        await batch.Execute(token);
        var letter = await held;
        var known = await knownKeys;
        // the keys were read a statement earlier: only signatures behind keys seen there count, as when read one by one
        var onFile = (await signatures).Where(x => known.Any(k => k.SignatureId == x.Id));
        // the name may match one signature and the email another: a live one decides, a rejected one only if alone
        var existing = onFile.OrderBy(x => x.Status == SignatureStatus.Rejected).FirstOrDefault();

        // a sign-on under an alias is the organization's, printed and keyed under its registered name
        var organization = registered is null ? null : (await registered).SingleOrDefault();
        command = command with { Signatory = SignerIdentity.Resolve(s, organization), OrganizationDomain = organization?.EmailDomain };
        s = command.Signatory;
        keys = SignerIdentity.KeysFor(command.LetterId, s.Kind!.Value, s.Name, s.Affiliation, s.Email);
        var decision = Signing.Decide(letter, existing, command, Guid.CreateVersion7(), clock.GetUtcNow());
        switch (decision.Event)
        {
            case SignatureAdded added:
                session.Events.StartStream<Signature>(added.SignatureId, added);
                foreach (var key in keys)
                {
                    // Keys of a rejected signature pass to the one staff added over it; new keys are inserted, so that
                    // PostgreSQL still refuses a second signer arriving at the same instant. (Two staff adding the same
                    // rejected signer in the same instant would both succeed: rare, visible, and one can be withdrawn.)
                    if (known.Any(k => k.Id == key)) session.Store(new SignerKey(key, added.SignatureId));
                    else session.Insert(new SignerKey(key, added.SignatureId));
                }
                break;
            case { } renewed:
                session.Events.Append(existing!.Id, renewed);
                break;
        }
        // commits the transaction the gate opened; with nothing to record, disposing the session ends it
        if (decision.Event is not null) await session.SaveChangesAsync(token);
        return decision.Outcome;
    }
}
