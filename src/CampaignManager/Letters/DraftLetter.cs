namespace CampaignManager.Letters;

/// <summary><see cref="Language"/>: the language the text is written in (default "en"); translations are made from it.</summary>
public record DraftLetter(string Title, string Subject, string Body, string Closing, IReadOnlyList<Addressee>? Addressees,
    string? Language = null)
{
    internal static FieldErrors ValidateText(FieldErrors errors, string? title, string? subject, string? body, string? closing,
        IReadOnlyList<Addressee>? addressees)
    {
        errors.Required("title", title, 300)
            .Required("subject", subject, 500)
            .Required("body", body, 100_000, multiLine: true);
        return ValidateClosingAndAddressees(errors, closing, addressees);
    }

    /// <summary>The optional parts of the text, which a revision may also send on their own.</summary>
    internal static FieldErrors ValidateClosingAndAddressees(FieldErrors errors, string? closing, IReadOnlyList<Addressee>? addressees)
    {
        errors.MaxLength("closing", closing, 500, multiLine: true);
        if (addressees is null) return errors;
        for (var i = 0; i < addressees.Count; i++)
        {
            var a = addressees[i];
            if (a is null) { errors.Add($"addressees[{i}]", "must not be null"); continue; }
            errors.Required($"addressees[{i}].name", a.Name, 300)
                .MaxLength($"addressees[{i}].title", a.Title, 300)
                .MaxLength($"addressees[{i}].organization", a.Organization, 300)
                .MaxLength($"addressees[{i}].address", a.Address, 1000, multiLine: true);
        }
        return errors;
    }
}

public record NewLetterResponse(Guid Id) : CreationResponse<Guid>($"/api/letters/{Id}", Id);

public static class DraftLetterEndpoint
{
    public static ProblemDetails Validate(DraftLetter command) =>
        Problems.Validation(DraftLetter.ValidateText(new FieldErrors(), command.Title, command.Subject, command.Body,
            command.Closing, command.Addressees).Language("language", command.Language, required: false));

    /// <summary>The decision: a new letter stream starts with the draft as text version 1.</summary>
    public static LetterDrafted Decide(Guid letterId, DraftLetter command, string by, DateTimeOffset at)
    {
        var language = Languages.Normalize(command.Language) ?? Languages.Default;
        return new(letterId, command.Title.Trim(), command.Subject.Trim(), command.Body, command.Closing?.Trim() ?? "",
            (command.Addressees ?? []).Select(Normalize).ToList(), by, at, language, Collation: language);
    }

    [WolverinePost("/api/letters", Name = "DraftLetter")]
    [EndpointSummary("Draft a new coalition letter (text version 1)")]
    [Tags("Letters")]
    public static (NewLetterResponse, IStartStream) Post(DraftLetter command, HttpContext context, TimeProvider clock)
    {
        var drafted = Decide(Guid.CreateVersion7(), command,
            context.User.ActorName(), clock.GetUtcNow());
        return (new NewLetterResponse(drafted.LetterId), MartenOps.StartStream<Letter>(drafted.LetterId, drafted));
    }

    internal static Addressee Normalize(Addressee a) =>
        new(a.Name.Trim(), TextRules.TrimToNull(a.Title), TextRules.TrimToNull(a.Organization), TextRules.TrimToNull(a.Address));
}
