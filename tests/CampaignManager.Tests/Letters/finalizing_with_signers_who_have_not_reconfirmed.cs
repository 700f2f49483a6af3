using CampaignManager.Letters;

namespace CampaignManager.Tests.Letters;

/// <summary>Finalizing while signers still owe a re-confirmation: staff choose, the choice is recorded and printed.</summary>
[Collection(IntegrationCollection.Name)]
public class finalizing_with_signers_who_have_not_reconfirmed(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>A closed letter at version 2: HRW re-confirmed it, Amnesty still stands on version 1.</summary>
    private async Task<(Guid Letter, Guid Hrw, Guid Amnesty)> ClosedWithOneUnconfirmedAsync()
    {
        var letter = await Host.OpenDraftAsync();
        var hrw = await Host.SignAsync(letter, LetterApi.Organization("Human Rights Watch"));
        var amnesty = await Host.SignAsync(letter, LetterApi.Organization("Amnesty International USA"));
        await Host.ReviseAsync(letter, new { body = "A stronger text" });
        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{letter}/signatures/{hrw.Id}/reconfirm"));
        await Host.LifecycleAsync(letter, "close");
        return (letter, hrw.Id, amnesty.Id);
    }

    private Task<IScenarioResult> FinalizeAsync(Guid letter, object body, int expected) => Host.Scenario(x =>
    {
        x.Post.Json(body).ToUrl($"/api/letters/{letter}/finalize");
        x.StatusCodeShouldBe(expected);
    });

    [Fact]
    public async Task without_a_choice_it_is_refused_with_409_naming_the_choices_and_nothing_is_recorded()
    {
        var (letter, _, _) = await ClosedWithOneUnconfirmedAsync();

        var refused = await FinalizeAsync(letter, new { }, 409);

        var problem = JsonDocument.Parse(await refused.ReadAsTextAsync()).RootElement;
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("1 signer(s) have not re-confirmed version 2");
        problem.GetProperty("unconfirmed").GetInt32().ShouldBe(1);
        problem.GetProperty("choices").EnumerateArray().Select(c => c.GetString()).ShouldBe(["wait", "drop", "keep"]);
        (await Host.LetterAsync(letter)).Status.ShouldBe(LetterStatus.Closed);
    }

    [Fact]
    public async Task waiting_records_the_choice_and_leaves_the_letter_closed()
    {
        var (letter, _, _) = await ClosedWithOneUnconfirmedAsync();

        (await FinalizeAsync(letter, new { unconfirmed = "wait" }, 200)).ReadAsJson<LetterState>()!.Status.ShouldBe(LetterStatus.Closed);

        await using var session = Store.QuerySession();
        (await session.Events.FetchStreamAsync(letter)).Last().Data.ShouldBeOfType<FinalizationPostponed>().Unconfirmed.ShouldBe(1);
    }

    [Fact]
    public async Task dropping_finalizes_without_them_in_the_block_and_records_who_was_dropped()
    {
        var (letter, hrw, amnesty) = await ClosedWithOneUnconfirmedAsync();

        await FinalizeAsync(letter, new { unconfirmed = "drop" }, 200);

        var details = await Host.LetterAsync(letter);
        details.Status.ShouldBe(LetterStatus.Final);
        details.Signatories.Select(s => s.Id).ShouldBe([hrw]);
        details.Withdrawn.ShouldHaveSingleItem().WithdrawalReason.ShouldBe(
            "Dropped when the letter was finalized: signed version 1, not re-confirmed on version 2");
        await using var session = Store.QuerySession();
        var finalized = (await session.Events.FetchStreamAsync(letter)).Last().Data.ShouldBeOfType<LetterFinalized>();
        finalized.Unconfirmed.ShouldBe(UnconfirmedSigners.Drop);
        finalized.UnconfirmedIds.ShouldBe([amnesty]);
        (await (await Host.Scenario(x => x.Get.Url($"/letters/{letter}/print"))).ReadAsTextAsync()).ShouldNotContain("Amnesty");
    }

    [Fact]
    public async Task keeping_finalizes_with_them_marked_as_having_signed_the_earlier_version()
    {
        var (letter, _, amnesty) = await ClosedWithOneUnconfirmedAsync();

        await FinalizeAsync(letter, new { unconfirmed = "keep" }, 200);

        var details = await Host.LetterAsync(letter);
        details.Signatories.Count.ShouldBe(2);
        details.Signatories.Single(s => s.Id == amnesty).BlockLine(details.Status).ShouldBe("Amnesty International USA (signed version 1)");
        var print = await (await Host.Scenario(x => x.Get.Url($"/letters/{letter}/print"))).ReadAsTextAsync();
        print.ShouldContain("<li>Amnesty International USA (signed version 1)</li>");
        print.ShouldContain("<li>Human Rights Watch</li>");
    }

    [Fact]
    public async Task with_everyone_on_the_final_text_a_choice_is_not_needed()
    {
        var letter = await Host.OpenDraftAsync();
        await Host.SignAsync(letter, LetterApi.Organization("Human Rights Watch"));
        await Host.LifecycleAsync(letter, "close");

        (await Host.LifecycleAsync(letter, "finalize")).ReadAsJson<LetterState>()!.Status.ShouldBe(LetterStatus.Final);
    }
}
