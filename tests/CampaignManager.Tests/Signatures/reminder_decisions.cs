using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

/// <summary>Which texts' signers a re-confirmation reminder reaches: given letter events, when reminding, then events; no database.</summary>
public class reminder_decisions
{
    private static readonly Guid LetterId = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2018, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly object[] TranslatedThenBothRevised =
    [
        letter_decisions_access.Drafted(LetterId),
        new TranslationAdded(LetterId, "fr", 1, "Retrait", "Reconsidérer", "Corps v1", "", "amina", T0),
        new LetterOpenedForSignatures(LetterId, null, "maria", T0, "public-token"),
        new LetterRevised(LetterId, 2, "HRC withdrawal", "Reconsider", "Body v2", "Sincerely,", [], ["body"], null, "maria", T0),
        new TranslationRevised(LetterId, "fr", 2, 2, "Retrait", "Reconsidérer", "Corps v2", "", ["body"], null, "amina", T0)
    ];

    private static Letter Given(params object[] events) => Letter.Fold(events)!;

    private static ReconfirmationAudience Owing(int source, int french) => new([new(null, 2, source), new("fr", 2, french)]);

    [Fact]
    public void a_reminder_reaches_the_signers_of_each_text_that_changed_in_that_texts_language()
    {
        var letter = Given(TranslatedThenBothRevised);

        var (requested, emails) = SendReconfirmationReminderEndpoint.Decide(letter, Owing(1, 1), "https://x", "maria", T0);

        requested.ShouldBe([new ReconfirmationReminderRequested(LetterId, 2, "maria", T0), new ReconfirmationReminderRequested(LetterId, 2, "maria", T0, "fr")]);
        emails.Select(e => (e.Language, e.TextVersion, e.Reminder)).ShouldBe([(null, 2, true), ("fr", 2, true)]);
    }

    [Fact]
    public void a_translation_reminded_at_its_version_is_not_reminded_again_until_it_is_revised()
    {
        var reminded = Given([.. TranslatedThenBothRevised, new ReconfirmationReminderRequested(LetterId, 2, "maria", T0, "fr")]);

        SendReconfirmationReminderEndpoint.Due(reminded, Owing(0, 1)).ShouldBeEmpty();
        SendReconfirmationReminderEndpoint.Validate(reminded, Owing(0, 1)).Detail.ShouldNotBeNull().ShouldContain("already sent");

        var revisedAgain = Given([.. TranslatedThenBothRevised, new ReconfirmationReminderRequested(LetterId, 2, "maria", T0, "fr"),
            new TranslationRevised(LetterId, "fr", 3, 2, "Retrait", "Reconsidérer", "Corps v3", "", ["body"], null, "amina", T0)]);
        var (requested, _) = SendReconfirmationReminderEndpoint.Decide(revisedAgain, new([new(null, 2, 0), new("fr", 3, 1)]), "https://x", "maria", T0);
        requested.ShouldHaveSingleItem().ShouldBe(new ReconfirmationReminderRequested(LetterId, 3, "maria", T0, "fr"));
    }

    [Fact]
    public void nobody_owing_anything_is_a_409_that_names_the_text_they_signed()
    {
        var problem = SendReconfirmationReminderEndpoint.Validate(Given(TranslatedThenBothRevised), Owing(0, 0));
        problem.Status.ShouldBe(409);
        problem.Detail.ShouldBe("No signer with an email still owes a re-confirmation of the current version of the text they signed.");
    }
}
