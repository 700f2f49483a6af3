using CampaignManager.Letters;
using Wolverine.Http;

namespace CampaignManager.Tests.Letters;

/// <summary>Translations as text versions of their own, made from a source version; no database.</summary>
public class translation_decisions
{
    private static readonly DateTimeOffset T0 = new(2018, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly LetterDrafted Drafted = letter_decisions.Drafted;
    private static Letter Given(params object[] events) => Letter.Fold(events)!;
    private static bool Allowed(Microsoft.AspNetCore.Mvc.ProblemDetails p) => ReferenceEquals(p, WolverineContinue.NoProblems);

    private static readonly AddTranslation French = new("fr", "Retrait du CDH", "Reconsidérer le retrait", "Corps v1", "Veuillez agréer…");

    [Fact]
    public void a_letter_drafted_without_a_language_is_written_in_english()
    {
        Given(Drafted).SourceLanguage.ShouldBe("en");
        Given(Drafted with { Language = "es" }).SourceLanguage.ShouldBe("es");
    }

    [Fact]
    public void a_translation_is_version_one_of_its_own_made_from_the_current_source_version()
    {
        var letter = Given(Drafted);
        var e = AddTranslationEndpoint.Decide(letter, French with { Language = "FR" }, "amina", T0.AddHours(1));

        (e.Language, e.SourceVersion, e.By, e.At).ShouldBe(("fr", 1, "amina", T0.AddHours(1)));
        var translated = Given(Drafted, e);
        var fr = translated.TranslationInto("fr")!;
        (fr.Version, fr.Stale, fr.Current.Title).ShouldBe((1, false, "Retrait du CDH"));
        translated.AllLanguages.ShouldBe(["en", "fr"]);
        translated.VersionIn("fr").ShouldBe(1);
    }

    [Fact]
    public void revising_the_source_makes_translations_of_the_old_version_stale()
    {
        var added = AddTranslationEndpoint.Decide(Given(Drafted), French, "amina", T0);
        var revised = ReviseLetterEndpoint.Decide(Given(Drafted, added), new ReviseLetter(Body: "Body v2"), "maria", T0.AddHours(1));

        var letter = Given(Drafted, added, revised);
        letter.TranslationInto("fr")!.Stale.ShouldBeTrue();
        TranslationView.Of(letter).Single().ShouldSatisfyAllConditions(
            v => v.Stale.ShouldBeTrue(), v => v.SourceVersion.ShouldBe(1), v => v.Name.ShouldBe("French"));
    }

    [Fact]
    public void a_translation_revised_from_the_current_source_is_no_longer_stale()
    {
        var added = AddTranslationEndpoint.Decide(Given(Drafted), French, "amina", T0);
        var revised = ReviseLetterEndpoint.Decide(Given(Drafted, added), new ReviseLetter(Body: "Body v2"), "maria", T0.AddHours(1));
        var letter = Given(Drafted, added, revised);
        var caughtUp = ReviseTranslationEndpoint.Decide(letter, "fr", new ReviseTranslation(Body: "Corps v2"), "amina", T0.AddHours(2));

        (caughtUp.Version, caughtUp.SourceVersion).ShouldBe((2, 2));
        caughtUp.Changed.ShouldBe(["body"]);
        var after = Given(Drafted, added, revised, caughtUp);
        (after.TranslationInto("fr")!.Stale, after.VersionIn("fr"), after.VersionIn("en"), after.VersionIn(null)).ShouldBe((false, 2, 2, 2));
    }

    [Fact]
    public void a_translation_made_from_an_older_source_version_is_stale_from_the_start()
    {
        var revised = ReviseLetterEndpoint.Decide(Given(Drafted), new ReviseLetter(Body: "Body v2"), "maria", T0);
        var letter = Given(Drafted, revised);
        var e = AddTranslationEndpoint.Decide(letter, French with { SourceVersion = 1 }, "amina", T0.AddHours(1));
        Given(Drafted, revised, e).TranslationInto("fr")!.Stale.ShouldBeTrue();
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("not a tag")]
    [InlineData("")]
    public void a_language_icu_does_not_know_is_a_400_on_the_language_field(string tag)
    {
        var problem = AddTranslationEndpoint.Validate(French with { Language = tag }, Given(Drafted));
        problem.Status.ShouldBe(400);
        ((Microsoft.AspNetCore.Http.HttpValidationProblemDetails)problem).Errors.Keys.ShouldContain("language");
    }

    [Fact]
    public void the_source_language_cannot_be_added_as_a_translation_and_a_second_french_is_a_409()
    {
        AddTranslationEndpoint.Validate(French with { Language = "en" }, Given(Drafted)).Status.ShouldBe(400);
        var added = AddTranslationEndpoint.Decide(Given(Drafted), French, "amina", T0);
        AddTranslationEndpoint.Validate(French, Given(Drafted, added)).Status.ShouldBe(409);
        Allowed(AddTranslationEndpoint.Validate(French with { Language = "es-419" }, Given(Drafted, added))).ShouldBeTrue();
    }

    [Fact]
    public void a_source_version_that_does_not_exist_is_a_400()
    {
        var problem = AddTranslationEndpoint.Validate(French with { SourceVersion = 2 }, Given(Drafted));
        ((Microsoft.AspNetCore.Http.HttpValidationProblemDetails)problem).Errors.Keys.ShouldContain("sourceVersion");
    }

    [Fact]
    public void revising_a_missing_translation_is_a_404_and_an_unchanged_one_a_400()
    {
        ReviseTranslationEndpoint.Validate(new ReviseTranslation(Body: "x"), Given(Drafted), "fr").Status.ShouldBe(404);
        var added = AddTranslationEndpoint.Decide(Given(Drafted), French, "amina", T0);
        ReviseTranslationEndpoint.Validate(new ReviseTranslation(Body: "Corps v1"), Given(Drafted, added), "fr").Status.ShouldBe(400);
    }
}
