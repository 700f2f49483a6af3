using CampaignManager.Signatures;
using CsvHelper;

namespace CampaignManager.Tests.Signatures;

/// <summary>The public form's consent: shown word for word, required, and kept with the signature for staff and exports.</summary>
[Collection(SignaturesCollection.Name)]
public class recording_what_signers_agreed_to(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly SignOnSettings Defaults = new();
    private static readonly string EnglishConsent = Defaults.ConsentFor(System.Globalization.CultureInfo.GetCultureInfo("en")).Text;

    private async Task<(Guid Letter, string Link)> CountingAtOnceAsync()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SetPolicyAsync(id, confirmedEmail: false, staffApproval: false);
        return (id, (await Host.LetterAsync(id)).PublicSignOnUrl!);
    }

    [Fact]
    public async Task the_public_page_shows_the_consent_text_and_its_version_beside_the_box()
    {
        var (_, link) = await CountingAtOnceAsync();
        var page = await Host.GetAsText(link);
        page.ShouldContain($"<p id=\"consent-text\">{System.Net.WebUtility.HtmlEncode(EnglishConsent)}</p>");
        page.ShouldContain($"(version {Defaults.ConsentVersion})");
        page.ShouldContain("id=\"consent\" name=\"Form.Consent\"");
    }

    [Fact]
    public async Task a_sign_on_without_the_box_ticked_is_refused_beside_the_field_and_records_nothing()
    {
        var (id, link) = await CountingAtOnceAsync();

        var page = await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "Nora Noconsent"), ("Form.Consent", "false"));

        page.ShouldContain($"<span id=\"consent-error\" class=\"error\">{PublicSigning.ConsentNeeded}</span>");
        page.ShouldNotContain("Thank you for signing");
        (await Host.LetterAsync(id)).Counts.Signatories.ShouldBe(0);
    }

    [Fact]
    public async Task the_signature_keeps_the_text_version_and_moment_agreed_to_and_staff_and_the_csv_see_them()
    {
        var (id, link) = await CountingAtOnceAsync();
        var at = Fixture.Clock.GetUtcNow();

        await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "Connie Consent"));

        var signed = (await Host.LetterAsync(id)).Signatories.ShouldHaveSingleItem();
        signed.Consent.ShouldBe(new SignerConsent(EnglishConsent, Defaults.ConsentVersion, at));
        using var reader = CsvReader.FromText(await Host.GetAsText($"/api/letters/{id}/signatories.csv"), CsvReaderOptions.Default with { HasHeader = true });
        reader.ReadHeader();
        reader.Read().ShouldBeTrue();
        var row = SignatoriesCsv.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => reader.GetString(x.i));
        (row["name"], row["consent_version"], row["consent_text"]).ShouldBe(("Connie Consent", Defaults.ConsentVersion, EnglishConsent));
        DateTimeOffset.Parse(row["consent_at"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(at);
    }

    [Fact]
    public async Task a_signature_staff_entered_carries_no_consent_and_exports_empty_consent_columns()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));

        (await Host.LetterAsync(id)).Signatories.Single().Consent.ShouldBeNull();
        (await Host.GetAsText($"/api/letters/{id}/signatories.csv")).Split("\r\n")[1].ShouldEndWith(",,,,false");
    }
}
