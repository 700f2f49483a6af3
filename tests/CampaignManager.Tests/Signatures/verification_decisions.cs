using CampaignManager.Letters;
using CampaignManager.Signatures;
using CampaignManager.Tests.Letters;

namespace CampaignManager.Tests.Signatures;

/// <summary>Given events → when a sign-on, a confirmation or the expiry → then events. No database, no mocks.</summary>
public class verification_decisions
{
    private static readonly DateTimeOffset T0 = new(2014, 9, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static Guid LetterId => letter_decisions.Drafted.LetterId;
    private static readonly Guid Sid = Guid.NewGuid();
    private static readonly AddSignatory Jane = new(SignatoryKind.Individual, "Jane Doe", Email: "Jane@Example.org");

    private static Letter Open(bool email = true, bool approval = false, params object[] after) => Letter.Fold([letter_decisions.Drafted,
        new LetterOpenedForSignatures(LetterId, null, "m", T0), new VerificationPolicySet(LetterId, email, approval, "m", T0), .. after])!;

    private static SignLetter Public(AddSignatory s) => new(LetterId, s, "anonymous", SignatureSource.Public) { ConfirmationWindow = Week };

    private static Signature Signed(bool approval = false, params object[] after) => Signature.Fold([
        new SignatureAdded(Sid, LetterId, SignatoryKind.Individual, "Jane Doe", null, null, false, "jane@example.org", 1, "anonymous", T0,
            SignatureSource.Public, AwaitingApproval: approval, ConfirmEmailBy: T0 + Week), .. after])!;

    private static SignerLink Link(DateTimeOffset? usedAt = null) =>
        new("hash", Sid, LetterId, SignerLinkPurpose.Confirm, T0, T0 + Week, usedAt);

    [Fact]
    public void a_public_sign_on_on_a_letter_asking_for_a_confirmed_email_waits_until_the_window_closes_and_asks_for_the_email()
    {
        var decision = Signing.Decide(Open(), null, Public(Jane), Sid, T0);

        var added = decision.Event.ShouldBeOfType<SignatureAdded>();
        added.ConfirmEmailBy.ShouldBe(T0 + Week);
        Signature.Create(added).Status.ShouldBe(SignatureStatus.AwaitingEmailConfirmation);
        decision.Outcome.Mail.ShouldBe(new SignerMail(Sid, T0));
        decision.Outcome.Signatory.ShouldBeNull("the visitor is told nothing about what is on file");
    }

    [Fact]
    public void without_an_email_the_sign_on_is_a_field_error_and_records_nothing()
    {
        var decision = Signing.Decide(Open(), null, Public(Jane with { Email = " " }), Sid, T0);

        decision.Event.ShouldBeNull();
        decision.Outcome.Problem.ShouldBeOfType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>().Errors["email"].ShouldBe([Signing.EmailNeeded]);
    }

    [Fact]
    public void staff_adding_a_signer_on_such_a_letter_vouch_for_them_and_it_counts_at_once()
    {
        var decision = Signing.Decide(Open(approval: true), null, new SignLetter(LetterId, Jane, "staff"), Sid, T0);
        decision.Event.ShouldBeOfType<SignatureAdded>().ConfirmEmailBy.ShouldBeNull();
        decision.Outcome.Signatory!.Status.ShouldBe(SignatureStatus.Active);
    }

    [Theory]
    [InlineData(false, SignatureStatus.Active)]
    [InlineData(true, SignatureStatus.AwaitingApproval)]
    public void confirming_counts_the_signature_or_hands_it_to_staff_by_the_terms_it_was_signed_under(bool approval, SignatureStatus then)
    {
        var signature = Signed(approval);
        ConfirmSignatureEmailHandler.Validate(Open(approval: !approval), signature, Link(), T0.AddDays(1)).IsNone().ShouldBeTrue();

        var confirmed = ConfirmSignatureEmailHandler.Decide(signature, T0.AddDays(1));

        confirmed.ShouldBe(new SignatureEmailConfirmed(Sid, LetterId, "jane@example.org", approval, "Jane Doe <jane@example.org> (confirmation link)", T0.AddDays(1)));
        Signed(approval, confirmed).Status.ShouldBe(then);
    }

    [Fact]
    public void a_used_link_an_expired_link_and_a_final_letter_each_confirm_nothing()
    {
        var signature = Signed();
        ConfirmSignatureEmailHandler.Validate(Open(), signature, Link(usedAt: T0), T0.AddDays(1)).Detail.ShouldBe("This confirmation link was already used; it works once.");
        ConfirmSignatureEmailHandler.Validate(Open(), signature, Link(), T0 + Week).Detail!.ShouldStartWith("This confirmation link has expired");
        var final = Open(after: [new SignaturesClosed(LetterId, "m", T0), new LetterFinalized(LetterId, 1, "m", T0)]);
        ConfirmSignatureEmailHandler.Validate(final, signature, Link(), T0.AddDays(1)).Detail!.ShouldStartWith("The letter is final");
        var withdrawn = Signed(false, new SignatureWithdrawn(Sid, LetterId, null, "m", T0));
        ConfirmSignatureEmailHandler.Validate(Open(), withdrawn, Link(), T0.AddDays(1)).Status.ShouldBe(409);
    }

    [Fact]
    public void the_expiry_discards_an_unconfirmed_signature_once_due_and_leaves_a_confirmed_one_alone()
    {
        ExpireSignatureConfirmationHandler.Decide(Signed(), T0 + Week - TimeSpan.FromSeconds(1)).ShouldBeNull();
        var expired = ExpireSignatureConfirmationHandler.Decide(Signed(), T0 + Week).ShouldNotBeNull();
        expired.ShouldBe(new SignatureConfirmationExpired(Sid, LetterId, T0 + Week, ExpireSignatureConfirmationHandler.Actor, T0 + Week));
        Signed(false, expired).Status.ShouldBe(SignatureStatus.Expired);

        var confirmed = Signed(false, ConfirmSignatureEmailHandler.Decide(Signed(), T0));
        ExpireSignatureConfirmationHandler.Decide(confirmed, T0 + Week).ShouldBeNull();
    }

    [Fact]
    public void signing_again_after_the_signature_expired_asks_for_a_fresh_confirmation_of_the_address_on_file()
    {
        var expired = Signed(false, new SignatureConfirmationExpired(Sid, LetterId, T0 + Week, "x", T0 + Week));

        var decision = Signing.Decide(Open(), expired, Public(Jane with { Email = "someone@else.example" }), Guid.NewGuid(), T0 + Week * 2);

        decision.Event.ShouldBe(new SignatureRenewed(Sid, LetterId, 1, "anonymous", T0 + Week * 2, ConfirmEmailBy: T0 + Week * 3));
        decision.Outcome.Mail.ShouldBe(new SignerMail(Sid, T0 + Week * 2));
        expired.Email.ShouldBe("jane@example.org", "the new link goes to the address on file, not to the one typed now");
    }

    [Fact]
    public void setting_the_policy_records_only_a_change_and_keeps_a_part_left_out()
    {
        var letter = Open(email: true, approval: false);
        SetVerificationPolicyEndpoint.Decide(letter, new(ConfirmedEmail: true), "m", T0).ShouldBeEmpty();
        SetVerificationPolicyEndpoint.Decide(letter, new(StaffApproval: true), "m", T0)
            .ShouldBe([new VerificationPolicySet(LetterId, true, true, "m", T0)]);
    }

    [Theory]
    [InlineData("director@hrw.org", "hrw.org", "hrw.org")]
    [InlineData("Director@HRW.org", "hrw.org", "hrw.org")]
    [InlineData("someone@hrw.org.evil.example", "hrw.org", null)]
    [InlineData("someone@nothrw.org", "hrw.org", null)]
    [InlineData("director@hrw.org", null, null)]
    public void only_an_address_at_exactly_the_organizations_domain_is_the_organizations(string email, string? domain, string? then) =>
        Signing.AtDomain(email, domain).ShouldBe(then);

    [Fact]
    public void the_assurance_is_the_strongest_check_the_signature_passed()
    {
        var atDomain = Signature.Fold([new SignatureAdded(Sid, LetterId, SignatoryKind.Organization, "HRW", null, null, false, "d@hrw.org", 1,
            "anonymous", T0, SignatureSource.Public, ConfirmEmailBy: T0 + Week, OrganizationDomain: "hrw.org")])!;
        SignatoryView.AssuranceOf(atDomain).ShouldBe(Assurance.Unverified);
        SignatoryView.AssuranceOf(Signature.Fold([.. Stream(atDomain), ConfirmSignatureEmailHandler.Decide(atDomain, T0)])!)
            .ShouldBe(Assurance.OrganizationConfirmed);
        var approvedAfter = Signed(true);
        var confirmed = ConfirmSignatureEmailHandler.Decide(approvedAfter, T0);
        SignatoryView.AssuranceOf(Signed(true, confirmed)).ShouldBe(Assurance.EmailConfirmed);
        SignatoryView.AssuranceOf(Signed(true, confirmed, new SignatureApproved(Sid, LetterId, "m", T0))).ShouldBe(Assurance.EmailConfirmedAndApproved);
    }

    private static object[] Stream(Signature s) => [new SignatureAdded(s.Id, s.LetterId, s.Kind, s.Name, null, null, false, s.Email, 1,
        "anonymous", T0, SignatureSource.Public, ConfirmEmailBy: s.ConfirmEmailBy, OrganizationDomain: s.OrganizationDomain)];
}
