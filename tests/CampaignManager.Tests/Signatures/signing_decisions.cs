using CampaignManager.Organizations;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using CampaignManager.Tests.Letters;

namespace CampaignManager.Tests.Signatures;

/// <summary>Given events → when a sign-on, withdrawal or re-confirmation → then events. No database, no mocks.</summary>
public class signing_decisions
{
    private static readonly DateTimeOffset T0 = new(2014, 9, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly LetterDrafted Drafted = letter_decisions.Drafted;
    private static Guid LetterId => Drafted.LetterId;
    private static LetterOpenedForSignatures Opened => new(LetterId, T0.AddDays(30), "m", T0);

    private static SignLetter Sign(AddSignatory s) => new(LetterId, s, "anonymous");
    private static readonly AddSignatory Cohen = new(SignatoryKind.Individual, " Roberta Cohen ", "Co-Chair", "HRNK", true, "RC@example.org");

    [Fact]
    public void a_sign_on_binds_the_signature_to_the_current_text_version()
    {
        var letter = Letter.Fold([Drafted, new LetterRevised(LetterId, 2, "t", "s", "b", "c", [], ["body"], null, "m", T0), Opened])!;
        var id = Guid.NewGuid();

        var decision = Signing.Decide(letter, null, Sign(Cohen), id, T0.AddDays(1));

        var added = decision.Event.ShouldBeOfType<SignatureAdded>();
        added.ShouldBe(new SignatureAdded(id, LetterId, SignatoryKind.Individual, "Roberta Cohen", "Co-Chair", "HRNK", true,
            "rc@example.org", 2, "anonymous", T0.AddDays(1)));
        decision.Outcome.Created.ShouldBeTrue();
    }

    [Theory]
    [InlineData(false, 404)]
    [InlineData(true, 409)]
    public void signing_a_missing_or_unopened_letter_is_refused(bool exists, int status)
    {
        var letter = exists ? Letter.Fold([Drafted]) : null;
        var decision = Signing.Decide(letter, null, Sign(Cohen), Guid.NewGuid(), T0);
        decision.Event.ShouldBeNull();
        decision.Outcome.Problem!.Status.ShouldBe(status);
    }

    [Fact]
    public void signing_a_closed_letter_or_after_the_deadline_is_rejected()
    {
        var closed = Letter.Fold([Drafted, Opened, new SignaturesClosed(LetterId, "m", T0)]);
        Signing.Decide(closed, null, Sign(Cohen), Guid.NewGuid(), T0).Outcome.Problem!.Status.ShouldBe(409);

        var open = Letter.Fold([Drafted, Opened]);
        Signing.Decide(open, null, Sign(Cohen), Guid.NewGuid(), T0.AddDays(31)).Outcome.Problem!.Status.ShouldBe(409);
    }

    [Fact]
    public void a_repeat_by_an_active_signer_records_nothing_and_answers_with_the_existing_signature()
    {
        var open = Letter.Fold([Drafted, Opened]);
        var existing = Signature.Fold([new SignatureAdded(Guid.NewGuid(), LetterId, SignatoryKind.Individual, "Roberta Cohen", null, null, false, null, 1, "a", T0)])!;

        var decision = Signing.Decide(open, existing, Sign(Cohen), Guid.NewGuid(), T0);
        decision.Event.ShouldBeNull();
        (decision.Outcome.Created, decision.Outcome.Signatory!.Id).ShouldBe((false, existing.Id));
    }

    [Fact]
    public void a_withdrawn_signer_who_signs_again_is_renewed_on_the_current_version()
    {
        var open = Letter.Fold([Drafted, Opened])!;
        var sid = Guid.NewGuid();
        var existing = Signature.Fold([
            new SignatureAdded(sid, LetterId, SignatoryKind.Organization, "Freedom House", null, null, false, null, 1, "a", T0),
            new SignatureWithdrawn(sid, LetterId, "board", "a", T0)])!;

        var decision = Signing.Decide(open, existing, Sign(new AddSignatory(SignatoryKind.Organization, "Freedom House")), Guid.NewGuid(), T0);
        decision.Event.ShouldBe(new SignatureRenewed(sid, LetterId, 1, "anonymous", T0));
    }

    [Fact]
    public void withdrawing_keeps_the_signature_and_records_the_reason()
    {
        var sig = Signature.Fold([new SignatureAdded(Guid.NewGuid(), LetterId, SignatoryKind.Organization, "HRW", null, null, false, null, 1, "a", T0)])!;
        var e = WithdrawSignatureEndpoint.Decide(sig, new WithdrawSignature(" changed our mind "), "hrw", T0);
        e.Reason.ShouldBe("changed our mind");
        Signature.Fold([new SignatureAdded(sig.Id, LetterId, SignatoryKind.Organization, "HRW", null, null, false, null, 1, "a", T0), e])!
            .Status.ShouldBe(SignatureStatus.Withdrawn);

        var final = Letter.Fold([Drafted, Opened, new SignaturesClosed(LetterId, "m", T0), new LetterFinalized(LetterId, 1, "m", T0)]);
        WithdrawSignatureEndpoint.Validate(LetterId, new WithdrawSignature(), final, sig).Status.ShouldBe(409);
    }

    [Fact]
    public void reconfirming_binds_to_the_current_version_and_is_a_no_op_when_already_current()
    {
        var revised = Letter.Fold([Drafted, Opened, new LetterRevised(LetterId, 2, "t", "s", "b", "c", [], ["body"], null, "m", T0)])!;
        var sig = Signature.Fold([new SignatureAdded(Guid.NewGuid(), LetterId, SignatoryKind.Organization, "HRW", null, null, false, null, 1, "a", T0)])!;

        ReconfirmSignatureEndpoint.Decide(revised, sig, "hrw", T0).Single()
            .ShouldBe(new SignatureReconfirmed(sig.Id, LetterId, 2, "hrw", T0));
        sig.Apply(new SignatureReconfirmed(sig.Id, LetterId, 2, "hrw", T0));
        ReconfirmSignatureEndpoint.Decide(revised, sig, "hrw", T0).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Human Rights Watch", "human  rights watch.")]
    [InlineData("Comité Pro-Démocratie", "comite pro democratie")]
    public void signer_identity_ignores_case_accents_punctuation_and_spacing(string a, string b) =>
        TextRules.NameKey(a).ShouldBe(TextRules.NameKey(b));

    [Fact]
    public void the_block_orders_organizations_ignoring_the_then_individuals_by_family_name()
    {
        var people = new (Guid Id, SignatoryKind Kind, string Name)[]
        {
            (Guid.NewGuid(), SignatoryKind.Individual, "John Smith, Jr."),
            (Guid.NewGuid(), SignatoryKind.Organization, "The Jacob Blaustein Institute"),
            (Guid.NewGuid(), SignatoryKind.Individual, "Roberta Cohen"),
            (Guid.NewGuid(), SignatoryKind.Organization, "Amnesty International"),
        };
        SignatoryOrder.Sort(people, p => p.Id, p => p.Kind, p => p.Name).Select(p => p.Name)
            .ShouldBe(["Amnesty International", "The Jacob Blaustein Institute", "Roberta Cohen", "John Smith, Jr."]);

        SignatoryOrder.Sort(people, p => p.Id, p => p.Kind, p => p.Name, [people[0].Id]).First().Name.ShouldBe("John Smith, Jr.");
    }
}
