using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

/// <summary>How names file in the block: accents set aside, family names as given. Pure: no database.</summary>
public class ordering_the_block
{
    private static IEnumerable<string> Sorted(params (SignatoryKind Kind, string Name, string? Family)[] signers) =>
        SignatoryOrder.Sort(signers.Select(s => (Id: Guid.NewGuid(), s.Kind, s.Name, s.Family)), s => s.Id, s => s.Kind, s => s.Name,
            familyName: s => s.Family).Select(s => s.Name);

    [Fact]
    public void accented_organizations_file_among_their_base_letters_not_after_z() =>
        Sorted((SignatoryKind.Organization, "Zeta Watch", null), (SignatoryKind.Organization, "Ñandutí", null),
                (SignatoryKind.Organization, "Ärzte ohne Grenzen", null), (SignatoryKind.Organization, "Amnesty International", null),
                (SignatoryKind.Organization, "Nonviolent Peaceforce", null), (SignatoryKind.Organization, "Bread for the World", null),
                (SignatoryKind.Organization, "Ökumenisches Netz", null))
            .ShouldBe(["Amnesty International", "Ärzte ohne Grenzen", "Bread for the World", "Ñandutí", "Nonviolent Peaceforce",
                "Ökumenisches Netz", "Zeta Watch"]);

    [Fact]
    public void letters_without_a_decomposition_file_where_their_readers_look_for_them() =>
        Sorted((SignatoryKind.Organization, "Zeta Watch", null), (SignatoryKind.Organization, "Łódź Women's Rights", null),
                (SignatoryKind.Organization, "Lumos", null), (SignatoryKind.Organization, "Øyvind Fund", null),
                (SignatoryKind.Organization, "Oxfam", null), (SignatoryKind.Organization, "Æquitas", null),
                (SignatoryKind.Organization, "Afrobarometer", null), (SignatoryKind.Organization, "Straße der Menschenrechte", null),
                (SignatoryKind.Organization, "Strasse Alliance", null))
            .ShouldBe(["Æquitas", "Afrobarometer", "Łódź Women's Rights", "Lumos", "Oxfam", "Øyvind Fund", "Strasse Alliance",
                "Straße der Menschenrechte", "Zeta Watch"]);

    [Fact]
    public void individuals_with_accented_family_names_file_among_their_base_letters() =>
        Sorted((SignatoryKind.Individual, "Ana Zúñiga", null), (SignatoryKind.Individual, "Ömer Çelik", null),
                (SignatoryKind.Individual, "Élise Durand", null), (SignatoryKind.Individual, "Zoe Adams", null))
            .ShouldBe(["Zoe Adams", "Ömer Çelik", "Élise Durand", "Ana Zúñiga"]);

    [Fact]
    public void a_given_family_name_files_the_individual_under_it_and_without_one_the_last_word_does()
    {
        Sorted((SignatoryKind.Individual, "Tomás Ojea Quintana", "Ojea Quintana"), (SignatoryKind.Individual, "Gabriel García Márquez", "García Márquez"),
                (SignatoryKind.Individual, "Ban Ki-moon", "Ban"), (SignatoryKind.Individual, "Roberta Cohen", null),
                (SignatoryKind.Individual, "Marzuki Darusman", null), (SignatoryKind.Individual, "Michael Kirby", null))
            .ShouldBe(["Ban Ki-moon", "Roberta Cohen", "Marzuki Darusman", "Gabriel García Márquez", "Michael Kirby", "Tomás Ojea Quintana"]);

        Sorted((SignatoryKind.Individual, "Tomás Ojea Quintana", null), (SignatoryKind.Individual, "Marzuki Darusman", null),
                (SignatoryKind.Individual, "Roberta Cohen", null))
            .ShouldBe(["Roberta Cohen", "Marzuki Darusman", "Tomás Ojea Quintana"], "without a family name the last word, Quintana, files it");
    }

    [Fact]
    public void keys_carry_the_current_format_and_stay_under_the_index_entry_limit_at_the_longest_name()
    {
        var longest = string.Concat(Enumerable.Repeat("Æ", 300));
        var key = SignatoryOrder.SortKey(SignatoryKind.Individual, longest, longest);
        key.ShouldEndWith(SignatoryOrder.Format);
        key.Length.ShouldBeLessThanOrEqualTo(2413);
        SignatoryOrder.SortKey(SignatoryKind.Individual, "Ærø").ShouldNotBe(SignatoryOrder.SortKey(SignatoryKind.Individual, "Aero"),
            "the whole name, accents and all, still tells two names apart");
    }

    [Theory]
    [InlineData("Ojea Quintana", "Tomás Ojea Quintana", true)]
    [InlineData("Garcia Marquez", "Gabriel García Márquez", true)]
    [InlineData("Ban", "Ban Ki-moon", true)]
    [InlineData("", "Ban Ki-moon", true)]
    [InlineData("Quint", "Tomás Ojea Quintana", false)]
    [InlineData("Smith", "Ban Ki-moon", false)]
    public void a_family_name_must_be_whole_words_of_the_name(string family, string name, bool valid) =>
        SignerIdentity.IsPartOfName(family, name).ShouldBe(valid);

    [Fact]
    public void a_family_name_that_is_not_part_of_the_name_or_given_for_an_organization_is_a_field_error()
    {
        var notPart = AddSignatoryEndpoint.Validate(new AddSignatory(SignatoryKind.Individual, "Ban Ki-moon", FamilyName: "Smith"));
        notPart.ShouldBeOfType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>().Errors.Keys.ShouldBe(["familyName"]);
        var organization = AddSignatoryEndpoint.Validate(new AddSignatory(SignatoryKind.Organization, "Human Rights Watch", FamilyName: "Watch"));
        organization.ShouldBeOfType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>().Errors.Keys.ShouldBe(["familyName"]);
    }
}
