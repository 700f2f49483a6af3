using CampaignManager.Coalitions;
using CampaignManager.Hosting;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using CampaignManager.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CampaignManager.Tests.Signatures;

/// <summary>Given a signature's events, when an admin erases the signer (or retention erases the email), then these events.</summary>
public class erasure_decisions
{
    private static readonly Guid LetterId = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Letter OpenLetter() => Letter.Fold([
        letter_decisions_access.Drafted(LetterId), new LetterOpenedForSignatures(LetterId, null, "maria", T0, "public-token")])!;

    private static readonly SignatureAdded Added = new(Guid.NewGuid(), LetterId, SignatoryKind.Individual, "Ines Okonkwo-Brandt",
        "Senior Researcher", "Amnesty International", false, "ines@example.org", 1, "anonymous", T0, SignatureSource.Public,
        FamilyName: "Okonkwo-Brandt");

    private static List<object> Given(params object[] more) => [Added, .. more];

    private static SignerErased Erased => new(Added.SignatureId, LetterId, "Request by post, ref. E-1", "ada.admin", T0.AddDays(1));

    private static ProblemDetails Validate(IEnumerable<object> events, string? reason = "Request by post, ref. E-1", Guid? letter = null) =>
        EraseSignerEndpoint.Validate(letter ?? LetterId, new EraseSigner(reason), OpenLetter(), Signature.Fold(events)!);

    [Fact]
    public void an_admin_erasing_a_signer_records_who_when_and_why_and_nothing_of_the_data() =>
        EraseSignerEndpoint.Decide(Signature.Fold(Given())!, new EraseSigner("  Request by post, ref. E-1 "), "ada.admin", T0.AddDays(1))
            .ShouldBe(Erased);

    [Fact]
    public void erasing_a_signer_already_erased_is_a_conflict() =>
        Validate(Given(Erased)).Status.ShouldBe(409);

    [Fact]
    public void a_signature_reached_through_another_letter_is_not_found() =>
        Validate(Given(), letter: Guid.NewGuid()).Status.ShouldBe(404);

    [Fact]
    public void a_reason_is_required_and_may_not_repeat_the_data_it_erases()
    {
        Validate(Given(), reason: null).Status.ShouldBe(400);
        Validate(Given(), reason: "Ms okonkwo-brandt wrote to us").ShouldBeOfType<HttpValidationProblemDetails>().Errors.Keys.ShouldBe(["reason"]);
        Validate(Given(), reason: "sent from INES@example.org").Status.ShouldBe(400);
        Validate(Given()).ShouldBeSameAs(WolverineContinue.NoProblems);
        Validate(Given(), reason: "A senior researchers' network asked on her behalf").ShouldBeSameAs(WolverineContinue.NoProblems,
            "whole words only: 'Senior Researcher' is not in 'senior researchers''");
    }

    [Fact]
    public void only_an_admin_may_erase() =>
        typeof(EraseSignerEndpoint).GetMethod(nameof(EraseSignerEndpoint.Post))!.GetCustomAttributes(typeof(AuthorizeAttribute), false)
            .Cast<AuthorizeAttribute>().Single().Policy.ShouldBe(StaffAccess.Admin);

    [Fact]
    public void an_erased_individual_keeps_counting_filed_and_printed_as_a_withheld_name()
    {
        var s = Signature.Fold(Given(new SignatureWithdrawn(Added.SignatureId, LetterId, "Ines Okonkwo-Brandt moved", "maria", T0), Erased))!;

        (s.Name, s.FamilyName, s.Title, s.Email, s.NameWithheld, s.Affiliation, s.ErasedBy)
            .ShouldBe((SignerErasure.ErasedName, null, null, null, true, "Amnesty International", "ada.admin"));
        s.WithdrawalReason.ShouldBe("[erased] moved");
        s.SortKey.ShouldBe(SignatoryOrder.KeyFor(SignatoryKind.Individual, "anyone at all", null, nameWithheld: true));
    }

    [Fact]
    public void an_organization_keeps_its_name_and_loses_its_contact_email()
    {
        var org = Added with { Kind = SignatoryKind.Organization, Name = "Human Rights Watch", Title = null, FamilyName = null, Affiliation = null };
        var s = Signature.Fold([org, Erased])!;
        (s.Name, s.Email, s.NameWithheld).ShouldBe(("Human Rights Watch", null, false));
    }

    [Fact]
    public void retention_erases_the_email_of_a_signer_who_still_has_one_and_nothing_else()
    {
        var now = T0.AddYears(2);
        EraseSignerEmailHandler.Decide(Signature.Fold(Given()), now)
            .ShouldBe(new SignerEmailErased(Added.SignatureId, LetterId, "retention", "system", now));
        var emailErased = Signature.Fold(Given(EraseSignerEmailHandler.Decide(Signature.Fold(Given()), now)!))!;
        (emailErased.Name, emailErased.Title, emailErased.Email).ShouldBe((Added.Name, Added.Title, null));
        EraseSignerEmailHandler.Decide(emailErased, now).ShouldBeNull("a second node's copy finds the email gone");
        EraseSignerEmailHandler.Decide(Signature.Fold(Given(Erased)), now).ShouldBeNull();
    }

    [Fact]
    public void a_signer_acting_through_a_link_is_recorded_without_their_email_once_it_is_erased()
    {
        var full = SignerErasure.Data.Of(Signature.Fold(Given())!, emailOnly: false);
        SignerErasure.ScrubActor("Ines Okonkwo-Brandt <ines@example.org> (confirmation link)", full).ShouldBe("the signer (confirmation link)");
        SignerErasure.ScrubActor("Ines Okonkwo-Brandt <ines@example.org> (personal link)", full with { EmailOnly = true })
            .ShouldBe("Ines Okonkwo-Brandt (personal link)");
        SignerErasure.ScrubActor("maria", full).ShouldBe("maria");
    }

    [Fact]
    public void a_withheld_name_files_where_every_withheld_name_does_whatever_the_name()
    {
        var zed = SignatoryOrder.KeyFor(SignatoryKind.Individual, "Zed Aaronson", null, nameWithheld: true);
        zed.ShouldBe(SignatoryOrder.KeyFor(SignatoryKind.Individual, "Aaron Zimmer", "Zimmer", nameWithheld: true));
        zed.ShouldNotBe(SignatoryOrder.KeyFor(SignatoryKind.Individual, "Zed Aaronson", null, nameWithheld: false));
        var sorted = SignatoryOrder.Sort(new[] { ("Aaron Aardvark", true), ("Zoe Zywiec", false), ("Mia Able", false) }
                .Select(s => (Id: Guid.NewGuid(), Name: s.Item1, Withheld: s.Item2)),
            s => s.Id, _ => SignatoryKind.Individual, s => s.Name, withheld: s => s.Withheld).Select(s => s.Name);
        sorted.ShouldBe(["Mia Able", "Aaron Aardvark", "Zoe Zywiec"], "filed as 'Name withheld', under W, not under A for Aardvark");
    }

    [Fact]
    public void the_coalition_view_of_an_erased_individual_keeps_the_affiliation_it_counts_for()
    {
        var projection = new CoalitionSignatureProjection();
        var view = new CoalitionSignature { Kind = SignatoryKind.Individual, Name = Added.Name, Title = Added.Title, Affiliation = Added.Affiliation };
        projection.Apply(Erased, view);
        (view.Name, view.Title, view.Affiliation).ShouldBe((SignerErasure.ErasedName, null, "Amnesty International"));
    }
}
