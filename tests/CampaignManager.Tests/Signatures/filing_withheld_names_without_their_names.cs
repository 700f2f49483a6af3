using System.Buffers.Text;
using System.Text;
using CampaignManager.Signatures;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Signatures;

/// <summary>A withheld name's place in the block, its sort key and the paging cursor made from it tell nothing of the name.</summary>
[Collection(SignaturesCollection.Name)]
public class filing_withheld_names_without_their_names(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_withheld_name_files_as_name_withheld_and_the_cursor_after_it_carries_no_key_of_the_name()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, Individual("Mia Able", null, null));
        var withheld = await Host.SignAsync(id, new { kind = "individual", name = "Aaron Aardvark", nameWithheld = true });
        await Host.SignAsync(id, Individual("Zoe Zywiec", null, null));

        (await Host.BlockAsync(id)).Select(s => s.Name).ShouldBe(["Mia Able", "Aaron Aardvark", "Zoe Zywiec"],
            "filed under W for 'Name withheld', not first under A for Aardvark");

        var first = (await Host.GetAsJson<SignatoryPage>($"/api/letters/{id}/signatories?limit=2"))!;
        first.Signatories.Last().Id.ShouldBe(withheld!.Id);
        var cursor = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(first.Next!));
        var realKey = SignatoryOrder.SortKey(SignatoryKind.Individual, "Aaron Aardvark");
        cursor.ShouldContain(SignatoryOrder.KeyFor(SignatoryKind.Individual, "anyone", null, nameWithheld: true));
        cursor.ShouldNotContain(realKey[1..^SignatoryOrder.Format.Length]);
        await using var session = Store.QuerySession();
        (await session.LoadAsync<Signature>(withheld.Id))!.SortKey
            .ShouldBe(SignatoryOrder.KeyFor(SignatoryKind.Individual, "Zed Someone-Else", null, nameWithheld: true));
    }
}
