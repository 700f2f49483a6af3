using Microsoft.Extensions.Localization;
using System.Globalization;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using Microsoft.AspNetCore.RateLimiting;

namespace CampaignManager.Partners;

/// <summary>What a partner's embedded form posts: the public page's fields, as JSON.</summary>
public record PartnerSignOnForm(string? Kind, string? Name, string? Title = null, string? Affiliation = null,
    bool AffiliationForIdentificationOnly = false, string? Email = null, string? FamilyName = null, string? Language = null,
    bool Consent = false, bool NameWithheld = false, bool NameAfterPublication = false, string? Website = null);

/// <summary>The answer every accepted sign-on gets, as on the public page: it says nothing of who is on file.</summary>
public record PartnerSignOnReceived(string Message);

/// <summary>
/// The sign-on a partner's own site posts, from the form staff hand the partner. The browser checks with CORS that the
/// page posting is one of the partner's registered sites; the answer to any other origin carries no CORS header, so the
/// browser refuses it, and the server records nothing for it either: a stolen copy of the form on a site nobody
/// registered cannot add names. (A script outside a browser can claim any Origin: the public page's rules, the rate
/// limit, email confirmation and approval are what hold there, as for the public page itself.)
/// </summary>
[AllowAnonymous]
public static class PartnerSignOnEndpoint
{
    public const string Path = "/api/public/sign/{token}/partners/{code}";

    public static async Task<(Letter?, SignOnPartner?)> FindAsync(IQuerySession session, string token, string code, CancellationToken ct)
    {
        var letter = await session.Query<Letter>().FirstOrDefaultAsync(x => x.PublicToken == token, ct);
        var partner = letter is null ? null : await session.Query<SignOnPartner>().FirstOrDefaultAsync(x => x.LetterId == letter.Id && x.Code == code, ct);
        return (letter, partner);
    }

    private static void AllowOrigin(HttpResponse response, string origin)
    {
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.Vary = "Origin";
    }

    private static IResult Refused() => Results.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status403Forbidden, Title = "Not one of the partner's sites",
        Detail = "This sign-on form may only be posted from the sites registered for its partner."
    });

    [WolverineOptions(Path, Name = "PartnerSignOnPreflight")]
    [EndpointSummary("CORS preflight of a partner's embedded sign-on form")]
    [Tags("Partners")]
    public static async Task<IResult> Preflight(string token, string code, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var (_, partner) = await FindAsync(session, token, code, ct);
        var origin = context.Request.Headers.Origin.ToString();
        if (partner is null || !partner.Allows(origin)) return Refused();
        AllowOrigin(context.Response, origin);
        context.Response.Headers.AccessControlAllowMethods = "POST";
        context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        context.Response.Headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    [WolverinePost(Path, Name = "PartnerSignOn")]
    [EndpointSummary("A signature through a partner's embedded form, posted from one of the partner's sites")]
    [Tags("Partners")]
    [EnableRateLimiting(PublicSignOnLimits.Policy)]
    [RequestSizeLimit(PublicSignOnLimits.MaxRequestBytes)]
    [ProducesResponseType<PartnerSignOnReceived>(200), ProducesResponseType<HttpValidationProblemDetails>(400),
     ProducesResponseType<ProblemDetails>(403), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409)]
    public static async Task<IResult> Post(string token, string code, PartnerSignOnForm form, HttpContext context, IQuerySession session,
        IDocumentStore store, PublicSigning signing, IStringLocalizer<PublicSignOnText> text, TimeProvider clock, ILogger<SignLetter> logger,
        CancellationToken ct)
    {
        var (letter, partner) = await FindAsync(session, token, code, ct);
        if (letter is null || partner is null) return Results.Problem(Problems.NotFound("Sign-on form", $"{token}/{code}"));
        var origin = context.Request.Headers.Origin.ToString();
        if (!partner.Allows(origin)) return Refused();
        AllowOrigin(context.Response, origin);
        if (letter.Status != LetterStatus.Open)
            return Results.Problem(Problems.Conflict($"The letter is {letter.Status.ToString().ToLowerInvariant()}; it takes signatures only while open."));

        var command = PublicSigning.Signatory(form.Kind == "organization", form.Name, form.Title, form.Affiliation,
            form.AffiliationForIdentificationOnly, form.Email, form.FamilyName, form.Language, form.NameWithheld, form.NameAfterPublication);
        var errors = new FieldErrors().When(form.Kind is not ("organization" or "individual"), "kind", "must be \"organization\" or \"individual\"");
        if (PublicSigning.Validate(letter, command, form.Consent) is HttpValidationProblemDetails invalid)
            foreach (var (field, messages) in invalid.Errors) foreach (var m in messages) errors.Add(field, m);
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));

        // a bot that fills every field gets the same answer, and nothing is recorded, as on the public page
        if (string.IsNullOrEmpty(form.Website))
        {
            // the embedded form shows the consent in the letter's own language (SignOnPartnerTally.Embed): that is what is recorded
            var outcome = await SignOn.RunAsync(store, signing.Command(letter.Id, command, context.User.ActorName(), FormCulture(letter)) with { Partner = partner.Id },
                clock, logger, ct);
            if (outcome.Problem is { } problem) return Results.Problem(problem);
            await signing.AfterAsync(outcome, letter, context.Request);
        }
        return Results.Ok(new PartnerSignOnReceived(Hosting.Localization.In(FormCulture(letter), () => text[PublicSigning.WhatCountsKey(letter)].Value)));
    }

    /// <summary>The language the embedded form speaks: the letter's own.</summary>
    public static CultureInfo FormCulture(Letter letter) => CultureInfo.GetCultureInfo(letter.SourceLanguage);
}
