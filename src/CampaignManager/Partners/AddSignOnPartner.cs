using CampaignManager.Letters;

namespace CampaignManager.Partners;

/// <summary>E.g. name "FIDH", allowedOrigins ["https://www.fidh.org"]: the partner's own sign-on link and form.</summary>
public record AddSignOnPartner(string Name, IReadOnlyList<string>? AllowedOrigins);

public record NewSignOnPartnerResponse(Guid Id, string Code) : CreationResponse<Guid>($"/api/letters/partners/{Id}", Id);

public static class AddSignOnPartnerEndpoint
{
    public static string Scope(Guid letterId) => $"sign-on-partner|{letterId:N}";

    public static async Task<(Letter?, IReadOnlyList<SignOnPartner>)> LoadAsync(Guid id, IQuerySession session, CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(id, token);
        var partners = letter is null ? [] : await session.Query<SignOnPartner>().Where(x => x.LetterId == id).ToListAsync(token);
        return (letter, partners);
    }

    public static ProblemDetails Validate(AddSignOnPartner command, Letter? letter, IReadOnlyList<SignOnPartner> partners, Guid id)
    {
        if (letter is null) return Problems.NotFound("Letter", id);
        var errors = new FieldErrors().Required("name", command.Name, 200).Check(command.AllowedOrigins);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (letter.Status == LetterStatus.Final) return Problems.Conflict("The letter is final; it takes no more signatures.");
        var key = TextRules.NameKey(command.Name);
        return partners.FirstOrDefault(p => TextRules.NameKey(p.Name) == key) is { } same
            ? Problems.Conflict($"{same.Name} already has a sign-on link for this letter ({same.Id}).")
            : WolverineContinue.NoProblems;
    }

    /// <summary>The code is short enough to read out on a call and long enough that partners' codes never collide.</summary>
    public static SignOnPartnerAdded Decide(Guid partnerId, Guid letterId, AddSignOnPartner command, string code, string by, DateTimeOffset at) =>
        new(partnerId, letterId, command.Name.Trim(), code,
            command.AllowedOrigins!.Select(PartnerOrigins.Normalize).OfType<string>().Distinct().ToList(), by, at);

    public static string NewCode() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));

    [WolverinePost("/api/letters/{id}/partners", Name = "AddSignOnPartner")]
    [EndpointSummary("Give a coalition partner its own sign-on link and embeddable form for this letter")]
    [Tags("Partners")]
    public static (NewSignOnPartnerResponse, IStartStream) Post(Guid id, AddSignOnPartner command, IDocumentSession session,
        HttpContext context, TimeProvider clock)
    {
        var added = Decide(Guid.CreateVersion7(), id, command, NewCode(), context.User.ActorName(), clock.GetUtcNow());
        // two staff adding the same partner at the same instant: the second commit is refused by the key's primary key
        UniqueName.Claim(session, Scope(id), [TextRules.NameKey(added.Name)], added.PartnerId);
        return (new NewSignOnPartnerResponse(added.PartnerId, added.Code), MartenOps.StartStream<SignOnPartner>(added.PartnerId, added));
    }
}
