using CampaignManager.Partners;

namespace CampaignManager.Tests.Partners;

public class partner_decisions
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://www.fidh.org", "https://www.fidh.org")]
    [InlineData("https://WWW.FIDH.ORG/", "https://www.fidh.org")]
    [InlineData("https://campaign.example:8443", "https://campaign.example:8443")]
    [InlineData("http://localhost:5173", "http://localhost:5173")]
    [InlineData("http://www.fidh.org", null)]
    [InlineData("https://www.fidh.org/fr", null)]
    [InlineData("https://www.fidh.org?x=1", null)]
    [InlineData("www.fidh.org", null)]
    [InlineData("https://user@www.fidh.org", null)]
    public void a_site_is_an_https_origin_as_a_browser_sends_it(string given, string? origin) =>
        PartnerOrigins.Normalize(given).ShouldBe(origin);

    [Fact]
    public void a_partner_allows_only_its_own_sites_and_changing_them_records_the_new_list()
    {
        var partner = SignOnPartner.Create(AddSignOnPartnerEndpoint.Decide(Guid.NewGuid(), Guid.NewGuid(),
            new AddSignOnPartner(" FIDH ", ["https://www.fidh.org/", "https://www.fidh.org"]), "c0ffee", "staff", At));

        (partner.Name, partner.AllowedOrigins.Count).ShouldBe(("FIDH", 1));
        partner.Allows("https://www.fidh.org").ShouldBeTrue();
        partner.Allows("https://fidh.org").ShouldBeFalse();
        partner.Allows(null).ShouldBeFalse();

        SetSignOnPartnerOriginsEndpoint.Decide(partner, new(["https://www.fidh.org"]), "staff", At).ShouldBeEmpty("nothing changed");
        var changed = SetSignOnPartnerOriginsEndpoint.Decide(partner, new(["https://www.fidh.org", "https://sign.fidh.org"]), "staff", At)
            .ShouldHaveSingleItem().ShouldBeOfType<SignOnPartnerOriginsChanged>();
        changed.AllowedOrigins.ShouldBe(["https://www.fidh.org", "https://sign.fidh.org"]);
    }

    [Fact]
    public void the_tally_counts_each_status_and_every_confirmed_email()
    {
        var sum = SignOnPartnerTallyEndpoint.Sum([("Active", 3, 3), ("Withdrawn", 1, 1), ("AwaitingEmailConfirmation", 2, 0), ("Expired", 4, 0)]);
        sum.ShouldBe(new PartnerSignatures(Counted: 3, AwaitingEmailConfirmation: 2, AwaitingApproval: 0, EmailConfirmed: 4, Withdrawn: 1));
    }
}
