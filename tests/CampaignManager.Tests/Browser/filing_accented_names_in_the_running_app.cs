using CampaignManager.Signatures;
using CampaignManager.Targets;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// The order readers see, asked of the app as it ships (the built app run as its own process, with its own runtime
/// settings), not of the test host: accented names once sorted after Z only there (issue #18).
/// </summary>
[Collection(BrowserCollection.Name)]
public class filing_accented_names_in_the_running_app(BrowserFixture browser)
{
    private static readonly string[] Block = ["Amnesty International", "Ärzte ohne Grenzen", "Élan", "Ñandutí", "Ökumenisches Netz",
        "Zimbabwe Lawyers for Human Rights", "Ömer Çelik", "Ana Zúñiga"];

    private static void ShouldListInOrder(string text, string what)
    {
        var positions = Block.Select(name => text.IndexOf(name, StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0, $"every name appears in the {what}");
        positions.ShouldBe(positions.Order().ToList(), $"the {what} lists the names in the block's order");
    }

    [Fact]
    public async Task the_app_process_files_accented_names_among_their_base_letters_in_the_json_the_print_and_the_csv()
    {
        var api = browser.Api;
        var (id, _) = await api.OpenLetterAsync("Accented names in the block");
        foreach (var name in (string[])["Zimbabwe Lawyers for Human Rights", "Ärzte ohne Grenzen", "Amnesty International", "Ökumenisches Netz",
                     "Ñandutí", "Élan"])
            await api.SignAsync(id, new { kind = "organization", name });
        foreach (var name in (string[])["Ana Zúñiga", "Ömer Çelik"]) await api.SignAsync(id, new { kind = "individual", name });

        (await api.LetterAsync(id)).Signatories.Select(s => s.Name).ShouldBe(Block);
        ShouldListInOrder(WebUtility.HtmlDecode(await api.TextAsync($"/letters/{id}/print")), "printed letter");
        ShouldListInOrder(await api.TextAsync($"/api/letters/{id}/signatories.csv"), "CSV export");
    }

    [Fact]
    public async Task the_app_process_files_a_spanish_letters_block_by_spanish_collation()
    {
        var api = browser.Api;
        var id = await api.PostForIdAsync("/api/letters", new
        {
            title = "Carta abierta", subject = "Derechos humanos", body = "Estimado Secretario:", closing = "Atentamente,", language = "es"
        });
        await api.PostAsync<object>($"/api/letters/{id}/open", new { });
        foreach (var name in (string[])["Ñandutí", "Nonviolent Peaceforce", "Amnesty International"])
            await api.SignAsync(id, new { kind = "organization", name });

        // in Spanish ñ is a letter of its own, after n (the English block above files Ñandutí with n)
        (await api.LetterAsync(id)).Signatories.Select(s => s.Name).ShouldBe(["Amnesty International", "Nonviolent Peaceforce", "Ñandutí"]);
        var csv = await api.TextAsync($"/api/letters/{id}/signatories.csv");
        csv.IndexOf("Nonviolent Peaceforce", StringComparison.Ordinal).ShouldBeLessThan(csv.IndexOf("Ñandutí", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_app_process_knows_a_returning_signer_typed_without_accents()
    {
        var api = browser.Api;
        var (id, _) = await api.OpenLetterAsync("A returning signer");
        var first = await api.SignAsync(id, new { kind = "organization", name = "Médecins Sans Frontières" });
        var again = await api.PostAsync<SignatoryView>($"/api/letters/{id}/signatures",
            new { kind = "organization", name = "Medecins Sans Frontieres" }, HttpStatusCode.OK);
        again.Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task the_app_process_lists_targets_by_name_among_their_base_letters()
    {
        var api = browser.Api;
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in (string[])["Zollverein", "Ärztekammer", "Amt", "Œuvre", "Oberhaus"])
            await api.PostForIdAsync("/api/targets", new { name = $"{name} {tag}" });
        (await api.GetAsync<PageOf<TargetDetails>>($"/api/targets?q={tag}")).Items.Select(t => t.Name.Split(' ')[0])
            .ShouldBe(["Amt", "Ärztekammer", "Oberhaus", "Œuvre", "Zollverein"]);
    }
}
