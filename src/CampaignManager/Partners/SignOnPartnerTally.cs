using System.Net;
using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Partners;

/// <summary>What came through one partner's link or form: counted, waiting (for the email or for staff), confirmed, withdrawn.</summary>
public record PartnerSignatures(int Counted, int AwaitingEmailConfirmation, int AwaitingApproval, int EmailConfirmed, int Withdrawn);

/// <summary>
/// A partner as staff see it: the link to send them, the form to paste into their site, and what each brought.
/// <see cref="Link"/> and <see cref="EmbedHtml"/> are null until the letter has its public page (it is opened).
/// </summary>
public record SignOnPartnerView(Guid Id, string Name, string Code, IReadOnlyList<string> AllowedOrigins, string? Link,
    string? FormAction, string? EmbedHtml, PartnerSignatures Signatures, DateTimeOffset AddedAt, string AddedBy);

/// <summary>Every partner of the letter, and what came in through no partner (<see cref="Direct"/>), for comparison.</summary>
public record SignOnPartnerTally(Guid LetterId, IReadOnlyList<SignOnPartnerView> Partners, PartnerSignatures Direct);

public static class SignOnPartnerTallyEndpoint
{
    private sealed record Row(string? PartnerId, string Status, int Count, int Confirmed);

    public static PartnerSignatures Sum(IEnumerable<(string Status, int Count, int Confirmed)> rows)
    {
        var list = rows.ToList();
        int Of(SignatureStatus s) => list.Where(r => r.Status == s.ToString()).Sum(r => r.Count);
        return new PartnerSignatures(Of(SignatureStatus.Active), Of(SignatureStatus.AwaitingEmailConfirmation), Of(SignatureStatus.AwaitingApproval),
            list.Sum(r => r.Confirmed), Of(SignatureStatus.Withdrawn));
    }

    /// <summary>
    /// A plain form and a few lines of script: the partner pastes it as it is; it posts JSON, so CORS checks the site.
    /// The consent it shows is the wording the signature records (SignOn:ConsentText), word for word.
    /// </summary>
    public static string Embed(string action, string letterTitle, string consent) =>
        $$"""
        <form class="campaignmanager-sign" data-action="{{WebUtility.HtmlEncode(action)}}">
          <p><strong>Sign: {{WebUtility.HtmlEncode(letterTitle)}}</strong></p>
          <label>Signing as <select name="kind"><option value="individual">an individual</option><option value="organization">an organization</option></select></label>
          <label>Name <input name="name" required maxlength="300"></label>
          <label>Title <input name="title" maxlength="300"></label>
          <label>Organization (for individuals) <input name="affiliation" maxlength="300"></label>
          <label>Email <input name="email" type="email" maxlength="254"></label>
          <label><input name="consent" type="checkbox" required> {{WebUtility.HtmlEncode(consent)}}</label>
          <button type="submit">Sign</button>
          <p class="campaignmanager-answer" role="status"></p>
        </form>
        <script>
        document.querySelectorAll("form.campaignmanager-sign").forEach(function (f) {
          f.addEventListener("submit", async function (e) {
            e.preventDefault();
            var d = Object.fromEntries(new FormData(f)); d.consent = f.consent.checked;
            var r = await fetch(f.dataset.action, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(d) });
            var j = await r.json().catch(function () { return {}; });
            f.querySelector(".campaignmanager-answer").textContent = r.ok ? j.message : (j.detail || j.title || "Not recorded");
          });
        });
        </script>
        """;

    /// <summary>The tally, read for the API and the staff page alike; <paramref name="origin"/> is the app's own address.</summary>
    public static async Task<SignOnPartnerTally> QueryAsync(IQuerySession session, Letter letter, string origin, string consent,
        CancellationToken token)
    {
        var id = letter.Id;
        var partners = await session.Query<SignOnPartner>().Where(x => x.LetterId == id).OrderBy(x => x.AddedAt).ThenBy(x => x.Id).ToListAsync(token);
        var rows = await session.QueryAsync<Row>(
            "select jsonb_build_object('partnerId', data ->> 'partnerId', 'status', status, 'count', count(*), " +
            "'confirmed', count(*) filter (where data ->> 'emailConfirmedAt' is not null)) " +
            $"from {session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_signature where letter_id = ? " +
            "group by data ->> 'partnerId', status", token, id);
        PartnerSignatures Of(string? partner) => Sum(rows.Where(r => r.PartnerId == partner).Select(r => (r.Status, r.Count, r.Confirmed)));
        return new SignOnPartnerTally(id, partners.Select(p =>
        {
            var action = letter.PublicToken is { } t ? origin + PartnerSignOnEndpoint.Path.Replace("{token}", t).Replace("{code}", p.Code) : null;
            return new SignOnPartnerView(p.Id, p.Name, p.Code, p.AllowedOrigins,
                letter.PublicToken is { } pt ? $"{origin}/sign/{pt}?via={p.Code}" : null, action,
                action is null ? null : Embed(action, letter.Title, consent), Of(p.Id.ToString()), p.AddedAt, p.AddedBy);
        }).ToList(), Of(null));
    }

    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    [WolverineGet("/api/letters/{id}/partners", Name = "ListSignOnPartners")]
    [EndpointSummary("The letter's coalition partners: their links, forms and the signatures each brought")]
    [Tags("Partners")]
    [ProducesResponseType<SignOnPartnerTally>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, HttpRequest request, IQuerySession session, PublicSigning signing, CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(id, token);
        if (letter is null) return Results.Problem(Problems.NotFound("Letter", id));
        return Results.Ok(await QueryAsync(session, letter, Origin(request), signing.Settings.ConsentFor(PartnerSignOnEndpoint.FormCulture(letter)).Text, token));
    }
}
