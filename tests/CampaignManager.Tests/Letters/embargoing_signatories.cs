using CampaignManager.Letters;
using CampaignManager.Tests.Signatures;

namespace CampaignManager.Tests.Letters;

/// <summary>A letter can keep who signed private until staff publish the list; until then only staff see the names.</summary>
[Collection(SignaturesCollection.Name)]
public class embargoing_signatories(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DateTimeOffset T0 = new(2014, 9, 10, 9, 0, 0, TimeSpan.Zero);
    private static Guid LetterId => letter_decisions.Drafted.LetterId;

    [Fact]
    public void embargo_then_publish_is_recorded_once_each_and_cannot_be_reversed()
    {
        var draft = Letter.Fold([letter_decisions.Drafted])!;
        PublishSignatoriesEndpoint.Validate(draft).Status.ShouldBe(409, "nothing to publish without an embargo");

        var embargoed = EmbargoSignatoriesEndpoint.Decide(draft, "m", T0).ShouldHaveSingleItem().ShouldBeOfType<SignatoriesEmbargoed>();
        var held = Letter.Fold([letter_decisions.Drafted, embargoed])!;
        (held.SignatoriesPrivate, EmbargoSignatoriesEndpoint.Decide(held, "m", T0).Count()).ShouldBe((true, 0));

        var published = PublishSignatoriesEndpoint.Decide(held, "comms", T0.AddDays(3));
        published.ShouldBe(new SignatoriesPublished(LetterId, "comms", T0.AddDays(3)));
        var open = Letter.Fold([letter_decisions.Drafted, embargoed, published])!;
        open.SignatoriesPrivate.ShouldBeFalse();
        PublishSignatoriesEndpoint.Validate(open).Status.ShouldBe(409);
        EmbargoSignatoriesEndpoint.Validate(open).Status.ShouldBe(409, "published names cannot be taken back");
    }

    [Fact]
    public async Task until_published_the_public_page_shows_a_count_and_no_names_while_staff_see_everyone()
    {
        var id = await Host.DraftAsync();
        await Host.LifecycleAsync(id, "embargo-signatories");
        await Host.LifecycleAsync(id, "open");
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));
        await Host.SignAsync(id, LetterApi.Individual("Roberta Cohen", "Co-Chair", "HRNK"));
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;

        var held = await Host.GetAsText(link);
        held.ShouldContain("Signed so far (2)");
        held.ShouldContain("will publish the names");
        held.ShouldNotContain("Human Rights Watch");
        held.ShouldNotContain("Roberta Cohen");
        var staff = await Host.LetterAsync(id);
        (staff.SignatoriesEmbargoed, staff.Signatories.Count).ShouldBe((true, 2));
        (await Host.GetAsText($"/letters/{id}")).ShouldContain("Publish signatories");

        await Host.LifecycleAsync(id, "publish-signatories");

        var published = await Host.GetAsText(link);
        published.ShouldContain("<li>Human Rights Watch</li>");
        published.ShouldContain("<li>Roberta Cohen, Co-Chair, HRNK</li>");
        (await Host.LetterAsync(id)).SignatoriesPublishedAt.ShouldBe(Fixture.Clock.GetUtcNow());
        (await Host.GetAsText($"/api/letters/{id}/history")).ShouldContain("Signatories published");
        await Host.LifecycleAsync(id, "publish-signatories", expected: 409);
        await Host.LifecycleAsync(id, "embargo-signatories", expected: 409);
    }
}
