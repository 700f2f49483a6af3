using CampaignManager.Letters;

namespace CampaignManager.Tests.Letters;

/// <summary>Who "current version only" counts: each signer against the current text in their own language; no database.</summary>
public class current_signers_decisions
{
    private static readonly DateTimeOffset T0 = new(2018, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static Letter Given(params object[] events) => Letter.Fold(events)!;

    private static readonly AddTranslation French = new("fr", "Retrait du CDH", "Reconsidérer le retrait", "Corps v1", "Veuillez agréer…");

    // given: a letter with a French translation of version 1, then the source revised to version 2 (French now stale)
    private static (Letter Letter, object[] Events) RevisedSource()
    {
        var added = AddTranslationEndpoint.Decide(Given(letter_decisions.Drafted), French, "amina", T0);
        var revised = ReviseLetterEndpoint.Decide(Given(letter_decisions.Drafted, added), new ReviseLetter(Body: "Body v2"), "maria", T0.AddHours(1));
        object[] events = [letter_decisions.Drafted, added, revised];
        return (Given(events), events);
    }

    [Fact]
    public void a_signer_of_a_stale_translation_who_signed_its_latest_version_is_current_and_a_source_signer_of_version_one_is_not()
    {
        var (letter, _) = RevisedSource();

        letter.TranslationInto("fr")!.Stale.ShouldBeTrue();
        CurrentSigners.SignedCurrentText(letter, "fr", 1).ShouldBeTrue();
        CurrentSigners.SignedCurrentText(letter, null, 1).ShouldBeFalse();
        CurrentSigners.SignedCurrentText(letter, null, 2).ShouldBeTrue();
    }

    [Fact]
    public void when_the_translation_is_revised_its_earlier_signers_stop_being_current_and_the_sources_are_unaffected()
    {
        var (letter, events) = RevisedSource();
        var caughtUp = ReviseTranslationEndpoint.Decide(letter, "fr", new ReviseTranslation(Body: "Corps v2"), "amina", T0.AddHours(2));
        var after = Given([.. events, caughtUp]);

        CurrentSigners.SignedCurrentText(after, "fr", 1).ShouldBeFalse();
        CurrentSigners.SignedCurrentText(after, "fr", 2).ShouldBeTrue();
        CurrentSigners.SignedCurrentText(after, null, 2).ShouldBeTrue();
        CurrentSigners.TranslationVersions(after).ShouldBe([("fr", 2)]);
    }
}
