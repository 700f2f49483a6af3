using CampaignManager.Letters;
using CampaignManager.Signatures;
using CampaignManager.Tests.Letters;

namespace CampaignManager.Tests.Signatures;

/// <summary>Given events → when a public or staff sign-on → then events and an answer. No database, no mocks.</summary>
public class public_signing_decisions
{
    private static readonly DateTimeOffset T0 = new(2014, 9, 10, 9, 0, 0, TimeSpan.Zero);
    private static Guid LetterId => letter_decisions.Drafted.LetterId;
    private static readonly Guid Sid = Guid.NewGuid();
    private static readonly AddSignatory Hrw = new(SignatoryKind.Organization, "Human Rights Watch", Email: "office@hrw.example");

    private static Letter Open(bool approval = true) => Letter.Fold([letter_decisions.Drafted,
        new LetterOpenedForSignatures(LetterId, null, "m", T0), new PublicSignOnApprovalSet(LetterId, approval, "m", T0)])!;

    private static Signature OnFile(params object[] after) => Signature.Fold([
        new SignatureAdded(Sid, LetterId, SignatoryKind.Organization, "Human Rights Watch", null, null, false, "office@hrw.example", 1,
            "anonymous", T0, SignatureSource.Public, AwaitingApproval: true), ..after])!;

    private static SignLetter Public(AddSignatory s) => new(LetterId, s, "anonymous", SignatureSource.Public);

    public static TheoryData<string> States => ["pending", "active", "rejected"];

    [Theory]
    [MemberData(nameof(States))]
    public void a_public_repeat_records_nothing_and_answers_without_naming_the_signer_on_file(string state)
    {
        var existing = state switch
        {
            "active" => OnFile(new SignatureApproved(Sid, LetterId, "m", T0)),
            "rejected" => OnFile(new SignatureRejected(Sid, LetterId, "spam", "m", T0)),
            _ => OnFile()
        };

        var decision = Signing.Decide(Open(), existing, Public(Hrw with { Name = "Someone Else" }), Guid.NewGuid(), T0);

        decision.Event.ShouldBeNull();
        (decision.Outcome with { Mail = null }).ShouldBe(Signing.Received, "the visitor's answer; whom to email stays on the server");
        decision.Outcome.Signatory.ShouldBeNull();
    }

    [Fact]
    public void a_first_public_sign_on_is_answered_the_same_neutral_way()
    {
        var decision = Signing.Decide(Open(), null, Public(Hrw), Sid, T0);
        decision.Event.ShouldBeOfType<SignatureAdded>().AwaitingApproval.ShouldBeTrue();
        (decision.Outcome with { Mail = null }).ShouldBe(Signing.Received, "the visitor's answer; whom to email stays on the server");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void a_public_renewal_of_a_withdrawn_signature_waits_for_approval_whatever_the_letters_setting(bool approval)
    {
        var withdrawn = OnFile(new SignatureApproved(Sid, LetterId, "m", T0), new SignatureWithdrawn(Sid, LetterId, "board", "m", T0));

        var decision = Signing.Decide(Open(approval), withdrawn, Public(Hrw), Guid.NewGuid(), T0.AddHours(1));

        decision.Event.ShouldBe(new SignatureRenewed(Sid, LetterId, 1, "anonymous", T0.AddHours(1), AwaitingApproval: true));
        OnFile(new SignatureApproved(Sid, LetterId, "m", T0), new SignatureWithdrawn(Sid, LetterId, "board", "m", T0), decision.Event!)
            .Status.ShouldBe(SignatureStatus.AwaitingApproval);
        (decision.Outcome with { Mail = null }).ShouldBe(Signing.Received, "the visitor's answer; whom to email stays on the server");
    }

    [Fact]
    public void a_staff_renewal_of_a_withdrawn_signature_counts_at_once()
    {
        var withdrawn = OnFile(new SignatureApproved(Sid, LetterId, "m", T0), new SignatureWithdrawn(Sid, LetterId, "board", "m", T0));
        var decision = Signing.Decide(Open(), withdrawn, new SignLetter(LetterId, Hrw, "staff"), Guid.NewGuid(), T0);
        decision.Event.ShouldBe(new SignatureRenewed(Sid, LetterId, 1, "staff", T0));
        decision.Outcome.Signatory!.Status.ShouldBe(SignatureStatus.Active);
    }

    [Fact]
    public void staff_adding_a_signer_whose_public_sign_on_was_rejected_records_a_new_active_signature()
    {
        var rejected = OnFile(new SignatureRejected(Sid, LetterId, "impostor", "m", T0));
        var newId = Guid.NewGuid();

        var decision = Signing.Decide(Open(), rejected, new SignLetter(LetterId, Hrw with { Email = null }, "staff"), newId, T0);

        decision.Event.ShouldBe(new SignatureAdded(newId, LetterId, SignatoryKind.Organization, "Human Rights Watch", null, null, false,
            null, 1, "staff", T0));
        (decision.Outcome.Created, decision.Outcome.Signatory!.Status).ShouldBe((true, SignatureStatus.Active));
    }
}
