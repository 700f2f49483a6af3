using CampaignManager.Letters;
using CampaignManager.Signatures;
using Wolverine.Http;

namespace CampaignManager.Tests.Letters;

/// <summary>Given events → when a command → then events (or a refusal). No database, no mocks.</summary>
public class letter_decisions
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2018, 6, 1, 9, 0, 0, TimeSpan.Zero);

    internal static readonly LetterDrafted Drafted = new(Id, "HRC withdrawal", "Reconsider the withdrawal", "Body v1", "Sincerely,",
        [new Addressee("Mike Pompeo", "Secretary of State", "U.S. Department of State")], "maria", T0);

    private static Letter Given(params object[] events) => Letter.Fold(events)!;
    private static bool Allowed(Microsoft.AspNetCore.Mvc.ProblemDetails p) => ReferenceEquals(p, WolverineContinue.NoProblems);

    [Fact]
    public void drafting_records_the_text_as_version_one_with_who_and_when()
    {
        var e = DraftLetterEndpoint.Decide(Id, new DraftLetter(" Title ", "Subject", "Body", "Closing",
            [new Addressee(" Mike Pompeo ", "", null, null)]), "maria", T0);

        e.Title.ShouldBe("Title");
        e.Addressees.Single().ShouldBe(new Addressee("Mike Pompeo"));
        (e.By, e.At).ShouldBe(("maria", T0));
        var letter = Given(e);
        (letter.Status, letter.TextVersion).ShouldBe((LetterStatus.Draft, 1));
    }

    [Fact]
    public void a_revision_gets_the_next_version_number_and_names_what_changed()
    {
        var letter = Given(Drafted);
        var e = ReviseLetterEndpoint.Decide(letter, new ReviseLetter(Body: "Body v2", Title: "HRC withdrawal"), "ali", T0.AddHours(1));

        e.TextVersion.ShouldBe(2);
        e.Changed.ShouldBe(["body"]);
        e.Title.ShouldBe("HRC withdrawal");
        Given(Drafted, e).Current.Body.ShouldBe("Body v2");
    }

    [Fact]
    public void a_revision_based_on_an_old_version_is_refused_with_409()
    {
        var revised = ReviseLetterEndpoint.Decide(Given(Drafted), new ReviseLetter(Body: "v2"), "ali", T0);
        var problem = ReviseLetterEndpoint.Validate(new ReviseLetter(Body: "v3", BasedOnVersion: 1), Given(Drafted, revised));
        problem.Status.ShouldBe(409);
    }

    [Fact]
    public void a_final_letter_refuses_revision_reopening_and_order_changes()
    {
        var final = Given(Drafted, new LetterOpenedForSignatures(Id, null, "m", T0), new SignaturesClosed(Id, "m", T0),
            new LetterFinalized(Id, 1, "m", T0));

        ReviseLetterEndpoint.Validate(new ReviseLetter(Body: "x"), final).Status.ShouldBe(409);
        OpenForSignaturesEndpoint.Validate(new OpenForSignatures(), final, TimeProvider.System).Status.ShouldBe(409);
        SetSignatoryOrderEndpoint.Validate(new SetSignatoryOrder([]), final, new([])).Status.ShouldBe(409);
    }

    [Fact]
    public void the_lifecycle_only_moves_draft_to_open_to_closed_to_final_and_closed_back_to_open()
    {
        var draft = Given(Drafted);
        Allowed(OpenForSignaturesEndpoint.Validate(new OpenForSignatures(), draft, TimeProvider.System)).ShouldBeTrue();
        CloseSignaturesEndpoint.Validate(draft).Status.ShouldBe(409);
        FinalizeLetterEndpoint.Validate(new FinalizeLetter(), draft, []).Status.ShouldBe(409);

        var open = Given(Drafted, OpenForSignaturesEndpoint.Decide(draft, new OpenForSignatures(), "token-1", "m", T0));
        open.Status.ShouldBe(LetterStatus.Open);
        open.PublicToken.ShouldBe("token-1");
        // re-opening later keeps the link people already have
        OpenForSignaturesEndpoint.Decide(open, new OpenForSignatures(), "token-2", "m", T0).PublicToken.ShouldBe("token-1");
        FinalizeLetterEndpoint.Validate(new FinalizeLetter(), open, []).Status.ShouldBe(409);
        Allowed(CloseSignaturesEndpoint.Validate(open)).ShouldBeTrue();

        var closed = Given(Drafted, new LetterOpenedForSignatures(Id, null, "m", T0), CloseSignaturesEndpoint.Decide(open, "m", T0));
        Allowed(OpenForSignaturesEndpoint.Validate(new OpenForSignatures(), closed, TimeProvider.System)).ShouldBeTrue();
        var finalized = FinalizeLetterEndpoint.Decide(closed, new FinalizeLetter(), [], "m", T0);
        finalized.LetterEvents.ShouldHaveSingleItem().ShouldBeOfType<LetterFinalized>().TextVersion.ShouldBe(1);
    }

    [Fact]
    public void an_identical_revision_is_a_validation_error_not_a_new_version()
    {
        var problem = ReviseLetterEndpoint.Validate(new ReviseLetter(Body: "Body v1"), Given(Drafted));
        problem.Status.ShouldBe(400);
    }
    [Fact]
    public void choosing_how_the_public_page_shows_earlier_versions_records_who_and_when_and_an_unchanged_choice_records_nothing()
    {
        var letter = Given(Drafted);
        letter.PublicSignatoryDisplay.ShouldBe(PublicSignatoryDisplay.MarkEarlierVersions);

        var set = SetPublicSignatoryDisplayEndpoint.Decide(letter, new SetPublicSignatoryDisplay(PublicSignatoryDisplay.CurrentVersionOnly), "ali", T0).ToList();
        set.ShouldBe([new PublicSignatoryDisplaySet(Id, PublicSignatoryDisplay.CurrentVersionOnly, "ali", T0)]);
        var chosen = Given([Drafted, .. set]);
        chosen.PublicSignatoryDisplay.ShouldBe(PublicSignatoryDisplay.CurrentVersionOnly);
        SetPublicSignatoryDisplayEndpoint.Decide(chosen, new SetPublicSignatoryDisplay(PublicSignatoryDisplay.CurrentVersionOnly), "ali", T0).ShouldBeEmpty();
        Allowed(SetPublicSignatoryDisplayEndpoint.Validate(new SetPublicSignatoryDisplay(null), letter)).ShouldBeFalse();
    }
}
