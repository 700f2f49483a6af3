using CampaignManager.Signatures;
using CampaignManager.Tests.Appeals;
using CampaignManager.Tests.Campaigns;
using DocumentFormat.OpenXml.Packaging;

namespace CampaignManager.Tests.Signatures;

/// <summary>An organization's signature confirmed by someone at its own registered email domain, and what staff then see.</summary>
[Collection(AppealsCollection.Name)]
public class confirming_through_the_organizations_domain(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;

    private async Task<Guid> RegisteredAsync(string name, string domain)
    {
        var id = (await Host.PostAsync("/api/organizations", new { name, aliases = new[] { "HRW" } }, 201)).ReadAsJson<Created>()!.Id;
        await Host.Scenario(x => x.Post.Json(new { domain }).ToUrl($"/api/organizations/{id}/email-domain"));
        return id;
    }

    private async Task SignAsOrganizationAsync(string link, string name, string email) =>
        await Host.SignPubliclyAsync(link, name, email, kind: "organization");

    [Fact]
    public async Task a_link_to_an_address_at_the_organizations_domain_confirms_it_as_the_organizations_word()
    {
        var domain = $"hrw-{Guid.NewGuid():N}.example";
        await RegisteredAsync("Human Rights Watch", domain);
        var letter = await Host.OpenDraftAsync();
        await Host.SetPolicyAsync(letter, confirmedEmail: true, staffApproval: false);
        var link = (await Host.LetterAsync(letter)).PublicSignOnUrl!;
        var email = $"director@{domain}";

        // signed under its acronym: the signature is the organization's, under its registered name
        await SignAsOrganizationAsync(link, "HRW", email);
        await Host.SubmitToAsync(Smtp.ConfirmLinkTo(email)!, "Confirm");

        var signed = (await Host.LetterAsync(letter)).Signatories.ShouldHaveSingleItem();
        (signed.Name, signed.Assurance, signed.ConfirmedBy).ShouldBe(("Human Rights Watch", Assurance.OrganizationConfirmed, $"confirmed by {email}"));
        (await Host.GetAsText($"/letters/{letter}")).ShouldContain($"(organization; organization confirmed, confirmed by {email})");
    }

    [Fact]
    public async Task an_address_elsewhere_confirms_only_the_email_and_staff_can_mark_or_omit_what_nobody_confirmed()
    {
        var domain = $"hrw-{Guid.NewGuid():N}.example";
        await RegisteredAsync("Human Rights Watch", domain);
        var letter = await Host.OpenDraftAsync();
        await Host.SetPolicyAsync(letter, confirmedEmail: true, staffApproval: false);
        var link = (await Host.LetterAsync(letter)).PublicSignOnUrl!;
        var lookalike = $"someone@{domain}.evil.example";
        await SignAsOrganizationAsync(link, "Human Rights Watch", lookalike);
        await Host.SubmitToAsync(Smtp.ConfirmLinkTo(lookalike)!, "Confirm");
        // then the letter stops asking, and a public signature counts with nothing checked
        await Host.SetPolicyAsync(letter, confirmedEmail: false, staffApproval: false);
        await Host.SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "Unchecked Alliance"));
        await Host.SignAsync(letter, LetterApi.Organization("Amnesty International"));

        var block = (await Host.LetterAsync(letter)).Signatories;
        block.Select(s => (s.Name, s.Assurance)).ShouldBe([
            ("Amnesty International", Assurance.Staff), ("Human Rights Watch", Assurance.EmailConfirmed),
            ("Unchecked Alliance", Assurance.Unverified)]);
        block.Single(s => s.Name == "Human Rights Watch").ConfirmedBy.ShouldBe($"confirmed by {lookalike}");

        (await Host.GetAsText($"/letters/{letter}/print?unconfirmed=mark")).ShouldContain("<li>Unchecked Alliance (unconfirmed)</li>");
        var omitted = await DocxTextAsync($"/api/letters/{letter}/export.docx?unconfirmed=omit");
        omitted.ShouldNotContain("Unchecked Alliance");
        omitted.ShouldContain("Amnesty International");
        (await Host.GetAsText($"/letters/{letter}/print")).ShouldContain("<li>Unchecked Alliance</li>");
        await Host.Scenario(x => { x.Get.Url($"/api/letters/{letter}/export.docx?unconfirmed=maybe"); x.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task a_domain_that_is_not_one_is_a_field_error()
    {
        var id = (await Host.PostAsync("/api/organizations", new { name = "Freedom House" }, 201)).ReadAsJson<Created>()!.Id;
        var answer = await Host.Scenario(x => { x.Post.Json(new { domain = "staff@freedomhouse.org" }).ToUrl($"/api/organizations/{id}/email-domain"); x.StatusCodeShouldBe(400); });
        answer.ReadAsJson<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>()!.Errors.Keys.ShouldBe(["domain"]);
    }

    private async Task<string> DocxTextAsync(string url)
    {
        var result = await Host.Scenario(x => x.Get.Url(url));
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes.ToArray()), false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }

    private sealed record Created(Guid Id);
}
