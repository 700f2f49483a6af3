using CampaignManager.Staff;

namespace CampaignManager.Tests.Staff;

/// <summary>Given an account, when a command is decided, then these events: no database, no mocks.</summary>
public class staff_decisions
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid();

    private static StaffAccount Account(StaffRole role = StaffRole.Editor) =>
        StaffAccount.Create(new StaffAccountCreated(Id, "maria", role, "admin", At));

    [Fact]
    public void creating_an_account_trims_the_login_and_sets_the_password_only_when_given()
    {
        var withPassword = CreateStaffAccountEndpoint.Decide(Id, new(" maria ", StaffRole.Editor, "x"), "HASH", "admin", At);
        var withoutPassword = CreateStaffAccountEndpoint.Decide(Id, new("maria", StaffRole.Viewer, null), null, "admin", At);

        withPassword.ShouldBe([new StaffAccountCreated(Id, "maria", StaffRole.Editor, "admin", At), new StaffPasswordSet(Id, "HASH", "admin", At)]);
        withoutPassword.ShouldBe([new StaffAccountCreated(Id, "maria", StaffRole.Viewer, "admin", At)]);
    }

    [Fact]
    public void a_short_password_a_missing_role_and_a_control_character_in_the_login_are_refused()
    {
        var errors = CreateStaffAccountEndpoint.ValidateLogin(new FieldErrors(), "ma\u0000ria");
        CreateStaffAccountEndpoint.ValidatePassword(errors, "password", "short");

        errors.ToDictionary().Keys.ShouldBe(["login", "password"], ignoreOrder: true);
    }

    [Fact]
    public void changing_to_the_same_role_or_disabling_twice_changes_nothing()
    {
        var account = Account();
        ChangeStaffRoleEndpoint.Decide(account, StaffRole.Editor, "admin", At).ShouldBeNull();
        ChangeStaffRoleEndpoint.Decide(account, StaffRole.Viewer, "admin", At).ShouldBe(new StaffRoleChanged(Id, StaffRole.Viewer, "admin", At));

        account.Apply(new StaffAccountDisabled(Id, "admin", At));
        DisableStaffAccountEndpoint.Decide(account, "admin", At).ShouldBeNull();
    }

    [Fact]
    public void a_sign_in_link_expires_after_its_lifetime_and_using_it_clears_it()
    {
        var account = Account();
        var issued = IssueSignInLinkEndpoint.Decide(account, Secrets.Hash("code"), "admin", At);
        issued.ExpiresAt.ShouldBe(At + IssueSignInLinkEndpoint.Lifetime);

        account.Apply(issued);
        account.SignInCodeHash.ShouldBe(Secrets.Hash("code"));
        account.Apply(new OneTimeSignInUsed(Id, "maria", At));
        account.SignInCodeHash.ShouldBeNull();
    }

    [Fact]
    public void a_token_is_valid_until_it_expires_or_is_revoked_and_revoking_twice_changes_nothing()
    {
        var token = ApiToken.Create(new ApiTokenIssued(Id, Id, "CRM", Secrets.Hash("t"), At.AddDays(1), "admin", At));
        token.IsValidAt(At).ShouldBeTrue();
        token.IsValidAt(At.AddDays(1)).ShouldBeFalse();

        var revoked = RevokeApiTokenEndpoint.Decide(token, "admin", At).ShouldNotBeNull();
        token.Apply(revoked);
        token.IsValidAt(At).ShouldBeFalse();
        RevokeApiTokenEndpoint.Decide(token, "admin", At.AddHours(1)).ShouldBeNull();
    }

    [Fact]
    public void the_stored_form_of_a_secret_is_its_sha256_and_new_secrets_are_256_bits()
    {
        Secrets.Hash("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Secrets.NewToken().Length.ShouldBe(64);
        Secrets.NewToken().ShouldNotBe(Secrets.NewToken());
    }
}
