using System.Text.Json;
using CampaignManager.Hosting;
using CampaignManager.Signatures;
using Microsoft.AspNetCore.Hosting;
using Wolverine;
using Wolverine.Tracking;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Signatures;

/// <summary>The app with <c>SignOn:EmailRetentionMonths</c> set, over a database and clock of its own.</summary>
public class EmailRetentionFixture : AppFixture
{
    public const int Months = 24;

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("SignOn:EmailRetentionMonths", Months.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

[CollectionDefinition(Name)]
public class EmailRetentionCollection : ICollectionFixture<EmailRetentionFixture>
{
    public const string Name = "email retention";
}

/// <summary>The deadline sweep erases signers' emails, and only those, once their letter has been final for the months set.</summary>
[Collection(EmailRetentionCollection.Name)]
public class keeping_signers_emails_only_as_long_as_set(EmailRetentionFixture fixture) : IntegrationContext(fixture)
{
    private Task SweepAsync(int nodes = 1) => Host.ExecuteAndWaitAsync(async () =>
    {
        // every node sweeps on its own timer: several sweeps at once, each from its own scope
        var sweeps = Enumerable.Range(0, nodes).Select(async _ =>
        {
            await using var scope = Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SweepDeadlines());
        });
        await Task.WhenAll(sweeps);
    });

    [Fact]
    public async Task emails_on_a_letter_final_for_longer_than_the_setting_are_erased_once_and_names_stay()
    {
        var final = await Host.OpenDraftAsync();
        var person = await Host.SignAsync(final, Individual("Rhea Quillmont", "Senior Fellow", "Oxfam", email: "Rhea.Quillmont@univ.example"));
        var organization = await Host.SignAsync(final, Organization("Quill Advocacy Network", email: "contact@quill-advocacy.example"));
        await Host.LifecycleAsync(final, "close");
        await Host.LifecycleAsync(final, "finalize");
        var open = await Host.OpenDraftAsync();
        var stillOpen = await Host.SignAsync(open, Individual("Otto Quillby", null, null, email: "otto@quillby.example"));

        Fixture.Clock.Advance(TimeSpan.FromDays(30 * (EmailRetentionFixture.Months - 1)));
        await SweepAsync();
        (await Host.LetterAsync(final)).Signatories.ShouldAllBe(s => s.Email != null, "not yet 24 months final");

        Fixture.Clock.Advance(TimeSpan.FromDays(62));
        await SweepAsync(nodes: 3);
        await SweepAsync();

        var after = await Host.LetterAsync(final);
        after.Signatories.Select(s => (s.Name, s.Title, s.Email)).ShouldBe(
            [("Quill Advocacy Network", null, null), ("Rhea Quillmont", "Senior Fellow", null)]);
        after.Counts.Signatories.ShouldBe(2);
        await using var session = Store.QuerySession();
        foreach (var id in new[] { person.Id, organization.Id })
        {
            var events = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).ToList();
            events.OfType<SignerEmailErased>().ShouldHaveSingleItem("three nodes swept at once, and again later: erased once")
                .ShouldSatisfyAllConditions(e => e.By.ShouldBe("system"), e => e.Reason.ShouldBe("retention"));
            var json = JsonSerializer.Serialize(events);
            json.ShouldNotContain("quillmont@", Case.Insensitive);
            json.ShouldNotContain("contact@quill-advocacy", Case.Insensitive);
            (await session.Query<SignerKey>().Where(k => k.SignatureId == id).ToListAsync()).ShouldAllBe(k => !k.Id.Contains("|email|"));
        }
        (await Host.GetAsText($"/api/letters/{final}/signatories.csv")).ShouldNotContain("univ.example");
        var history = await Host.GetAsJson<List<LetterHistoryEntry>>($"/api/letters/{final}/history");
        history!.Count(h => h.Summary.StartsWith("Email erased by system on ")).ShouldBe(2);
        (await Host.LetterAsync(open)).Signatories.Single(s => s.Id == stillOpen.Id).Email.ShouldBe("otto@quillby.example", "an open letter keeps its emails");
    }
}
