using CampaignManager.Organizations;
using CampaignManager.Coalitions;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

/// <summary>Which sign-ons become a registered organization's own. Pure: no database.</summary>
public class resolving_aliases
{
    private static readonly Organization Hrw = new() { Id = Guid.NewGuid(), Name = "Human Rights Watch", Aliases = ["HRW"] };

    private static AddSignatory Org(string name) => new(SignatoryKind.Organization, name);

    [Theory]
    [InlineData("HRW")]
    [InlineData("h.r.w.")]
    [InlineData("human rights  watch")]
    public void a_name_the_organization_answers_to_signs_under_its_registered_name(string typed) =>
        SignerIdentity.Resolve(Org(typed), Hrw).Name.ShouldBe("Human Rights Watch");

    [Fact]
    public void an_individual_named_like_an_alias_keeps_the_name_typed() =>
        SignerIdentity.Resolve(new AddSignatory(SignatoryKind.Individual, "HRW"), Hrw).Name.ShouldBe("HRW");

    [Fact]
    public void a_name_the_organization_does_not_answer_to_or_no_organization_keeps_the_name_typed()
    {
        SignerIdentity.Resolve(Org("Human Rights First"), Hrw).Name.ShouldBe("Human Rights First");
        SignerIdentity.Resolve(Org("HRW"), null).Name.ShouldBe("HRW");
    }

    [Fact]
    public void an_organization_merged_away_does_not_rename_anyone() =>
        SignerIdentity.Resolve(Org("HRW"), new Organization { Name = "Human Rights Watch", Aliases = ["HRW"], MergedInto = Guid.NewGuid() })
            .Name.ShouldBe("HRW");

    [Fact]
    public void the_alias_and_the_registered_name_give_the_same_signer_key_once_resolved()
    {
        var letter = Guid.NewGuid();
        var viaAlias = SignerIdentity.Resolve(Org("HRW"), Hrw);
        SignerIdentity.KeysFor(letter, SignatoryKind.Organization, viaAlias.Name, null, null)
            .ShouldBe(SignerIdentity.KeysFor(letter, SignatoryKind.Organization, "Human Rights Watch", null, null));
        SignerIdentity.KeysFor(letter, SignatoryKind.Organization, "HRW", null, null).Single()
            .ShouldStartWith(SignerIdentity.OrganizationKeyPrefix(letter));
    }
}
