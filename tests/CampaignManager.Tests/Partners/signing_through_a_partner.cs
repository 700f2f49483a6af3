using System.Text.Json;
using CampaignManager.Partners;
using CampaignManager.Tests.Appeals;
using CampaignManager.Tests.Signatures;
using CampaignManager.Tests.Staff;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Partners;

/// <summary>Issue #22: each coalition partner gets its own sign-on link and form, and staff see what each brought.</summary>
[Collection(AppealsCollection.Name)]
public class signing_through_a_partner(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private const string Fidh = "https://www.fidh.org";
    private const string Hrw = "https://www.hrw.org";

    private async Task<NewSignOnPartnerResponse> AddPartnerAsync(Guid letter, string name, params string[] origins) =>
        (await Scenario(x =>
        {
            x.Post.Json(new { name, allowedOrigins = origins }).ToUrl($"/api/letters/{letter}/partners");
            x.StatusCodeShouldBe(201);
        })).ReadAsJson<NewSignOnPartnerResponse>()!;

    private async Task<SignOnPartnerTally> TallyAsync(Guid letter) =>
        (await Host.GetAsJson<SignOnPartnerTally>($"/api/letters/{letter}/partners"))!;

    private async Task<IScenarioResult> PostFromAsync(string formAction, string? origin, object form, int status)
    {
        IScenarioResult result = null!;
        await Host.TrackActivity().Timeout(AppealApi.FanOutPatience).IncludeExternalTransports().ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(async _ => result = await Scenario(x =>
            {
                x.AsAnonymous();
                if (origin is not null) x.WithRequestHeader("Origin", origin);
                x.Post.Json(form).ToUrl(new Uri(formAction).AbsolutePath);
                x.StatusCodeShouldBe(status);
            })));
        return result;
    }

    [Fact]
    public async Task each_partner_sees_the_signatures_confirmations_and_withdrawals_it_brought()
    {
        var letter = await Host.OpenDraftAsync();
        await Host.SetPolicyAsync(letter, confirmedEmail: true, staffApproval: false);
        var fidh = await AddPartnerAsync(letter, "FIDH", Fidh);
        await AddPartnerAsync(letter, "Human Rights Watch", Hrw);
        var partners = (await TallyAsync(letter)).Partners;
        var (fidhLink, hrwForm) = (new Uri(partners[0].Link!).PathAndQuery, partners[1].FormAction!);
        partners[1].EmbedHtml!.ShouldContain(hrwForm);

        // two through FIDH's link, one confirms and later withdraws; one through HRW's form on hrw.org; one directly
        var (confirms, waits) = (PublicSigner.NewEmail("amina"), PublicSigner.NewEmail("pierre"));
        await Host.SignPubliclyAsync(fidhLink, "Amina Diallo", confirms);
        await Host.SignPubliclyAsync(fidhLink, "Pierre Martin", waits);
        (await PostFromAsync(hrwForm, Hrw, new { kind = "individual", name = "Kenneth Mills", email = PublicSigner.NewEmail("ken"), consent = true }, 200))
            .ReadAsText().ShouldContain("confirmed their email");
        await Host.SignPubliclyAsync((await Host.LetterAsync(letter)).PublicSignOnUrl!, "Direct Signer", PublicSigner.NewEmail("direct"));
        await Host.SubmitToAsync(fixture.Smtp.ConfirmLinkTo(confirms)!, "Confirm");
        var amina = (await Host.LetterAsync(letter)).Signatories.ShouldHaveSingleItem();
        await Scenario(x => x.Post.Json(new { reason = "changed her mind" }).ToUrl($"/api/letters/{letter}/signatures/{amina.Id}/withdraw"));

        var tally = await TallyAsync(letter);
        tally.Partners.Single(p => p.Id == fidh.Id).Signatures.ShouldBe(new PartnerSignatures(
            Counted: 0, AwaitingEmailConfirmation: 1, AwaitingApproval: 0, EmailConfirmed: 1, Withdrawn: 1));
        tally.Partners.Single(p => p.Name == "Human Rights Watch").Signatures.AwaitingEmailConfirmation.ShouldBe(1);
        tally.Direct.AwaitingEmailConfirmation.ShouldBe(1);
        await using var session = Store.QuerySession();
        var events = await session.Events.QueryRawEventDataOnly<global::CampaignManager.Signatures.SignatureAdded>()
            .Where(e => e.LetterId == letter).ToListAsync();
        events.Single(e => e.Name == "Pierre Martin").PartnerId.ShouldBe(fidh.Id, "the signature records the partner that brought it");
        events.Single(e => e.Name == "Direct Signer").PartnerId.ShouldBeNull();

        // the staff page says the same
        var page = await Host.GetAsText($"/letters/{letter}/partners");
        page.ShouldContain($"<tr data-partner=\"{fidh.Id}\">");
        Regex.Replace(page, @"\s+", "").ShouldContain("<td>FIDH</td><td>0</td><td>1</td><td>0</td><td>1</td><td>1</td>");
    }

    [Fact]
    public async Task a_form_posted_from_a_site_not_registered_is_refused_by_cors_and_records_nothing()
    {
        var letter = await Host.OpenDraftAsync();
        await AddPartnerAsync(letter, "FIDH", Fidh);
        var action = new Uri((await TallyAsync(letter)).Partners.Single().FormAction!).AbsolutePath;
        var form = new { kind = "individual", name = "Somebody Elsewhere", consent = true };

        var allowed = await Scenario(x =>
        {
            x.AsAnonymous();
            x.WithRequestHeader("Origin", Fidh);
            x.WithRequestHeader("Access-Control-Request-Method", "POST");
            x.Get.Url(action);
            x.ConfigureHttpContext(c => c.Request.Method = "OPTIONS");
            x.StatusCodeShouldBe(204);
        });
        allowed.Context.Response.Headers.AccessControlAllowOrigin.ToString().ShouldBe(Fidh);
        foreach (var origin in new[] { "https://fidh.org.evil.example", "http://www.fidh.org" })
        {
            var preflight = await Scenario(x =>
            {
                x.AsAnonymous();
                x.WithRequestHeader("Origin", origin);
                x.Get.Url(action);
            x.ConfigureHttpContext(c => c.Request.Method = "OPTIONS");
                x.StatusCodeShouldBe(403);
            });
            preflight.Context.Response.Headers.ContainsKey("Access-Control-Allow-Origin").ShouldBeFalse();
            var post = await Scenario(x =>
            {
                x.AsAnonymous();
                x.WithRequestHeader("Origin", origin);
                x.Post.Json(form).ToUrl(action);
                x.StatusCodeShouldBe(403);
            });
            post.Context.Response.Headers.ContainsKey("Access-Control-Allow-Origin").ShouldBeFalse();
        }
        await Scenario(x =>
        {
            x.AsAnonymous();
            x.Post.Json(form).ToUrl(action);
            x.StatusCodeShouldBe(403);
        });

        var details = await Host.LetterAsync(letter);
        (details.Signatories.Count + details.AwaitingApproval.Count + details.Counts.AwaitingEmailConfirmation).ShouldBe(0);
    }

    [Fact]
    public async Task a_partner_needs_a_name_and_sites_given_as_https_origins_and_is_added_once()
    {
        var letter = await Host.OpenDraftAsync();
        var invalid = await Scenario(x =>
        {
            x.Post.Json(new { name = "", allowedOrigins = new[] { "https://www.fidh.org/fr/sign", "ftp://fidh.org" } }).ToUrl($"/api/letters/{letter}/partners");
            x.StatusCodeShouldBe(400);
        });
        var errors = JsonDocument.Parse(invalid.ReadAsText()).RootElement.GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.GetProperty("allowedOrigins").GetArrayLength().ShouldBe(2);
        await Scenario(x =>
        {
            x.Post.Json(new { name = "FIDH", allowedOrigins = new[] { Fidh } }).ToUrl($"/api/letters/{Guid.NewGuid()}/partners");
            x.StatusCodeShouldBe(404);
        });

        // two staff add the same partner at the same instant: one link, and a 409 for the other
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Scenario(x =>
        {
            x.Post.Json(new { name = "FIDH", allowedOrigins = new[] { Fidh } }).ToUrl($"/api/letters/{letter}/partners");
            x.IgnoreStatusCode();
        })));
        both.Select(r => r.Context.Response.StatusCode).Order().ShouldBe([201, 409]);
        (await TallyAsync(letter)).Partners.ShouldHaveSingleItem().AllowedOrigins.ShouldBe([Fidh]);
        await Scenario(x =>
        {
            x.Post.Json(new { name = " fidh ", allowedOrigins = new[] { Fidh } }).ToUrl($"/api/letters/{letter}/partners");
            x.StatusCodeShouldBe(409);
        });
    }
}
