using CampaignManager.Organizations;
using CampaignManager.Coalitions;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using JasperFx.Events;

namespace CampaignManager.Tests.Coalitions;

/// <summary>The coalition documents folded in memory, and names resolved against them: no host, no database.</summary>
public class coalition_decisions
{
    private static readonly DateTimeOffset T0 = new(2020, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly CoalitionSignatureProjection _signatures = new();
    private readonly CoalitionLetterProjection _letterProjection = new();
    private readonly Dictionary<Guid, Organization> _organizations = [];
    private readonly List<CoalitionSignature> _signed = [];
    private readonly Dictionary<Guid, CoalitionLetter> _letters = [];

    private Involvements Involvements() => new(_organizations.Values, _signed, _letters);

    private void Register(Guid id, string name, params string[] aliases) =>
        _organizations[id] = Organization.Create(new OrganizationRegistered(id, name, aliases, "maria", T0));

    private Guid Sign(Guid letter, SignatoryKind kind, string name, string? affiliation = null)
    {
        var id = Guid.NewGuid();
        _signed.Add(_signatures.Create(new Event<SignatureAdded>(new SignatureAdded(id, letter, kind, name, null, affiliation, false, null, 1, "web", T0))
            { Sequence = _signed.Count + 1 }));
        return id;
    }

    [Fact]
    public void names_resolve_by_acronym_case_and_punctuation_and_unknown_names_stay_unregistered()
    {
        var hrnk = Guid.NewGuid();
        Register(hrnk, "Committee for Human Rights in North Korea", "HRNK");
        var all = Involvements();

        all.Resolve("h.r.n.k.").Id.ShouldBe(hrnk);
        all.Resolve("committee for human rights in north korea").Id.ShouldBe(hrnk);
        all.Resolve("Freedom House").ShouldBe(new OrganizationRef(null, "freedom house", "Freedom House", false));
    }

    [Fact]
    public void a_merge_moves_the_duplicates_names_and_signatures_to_the_survivor()
    {
        var (survivor, duplicate, letter) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        _letterProjection.Apply(new LetterDrafted(letter, "Keep accountability", "s", "b", "", [], "maria", T0), _letters[letter] = new());
        Register(survivor, "Human Rights Watch");
        Register(duplicate, "HRW");
        Sign(letter, SignatoryKind.Organization, "HRW");
        Sign(letter, SignatoryKind.Individual, "K. Roth", affiliation: "hrw");

        _organizations[survivor].Apply(new OrganizationAbsorbed(survivor, duplicate, ["HRW"], "li", T0));
        _organizations[duplicate].Apply(new OrganizationMergedInto(duplicate, survivor, "li", T0));

        var all = Involvements();
        all.Survivor(duplicate)!.Id.ShouldBe(survivor);
        all.All.Select(i => (i.Organization.Id, i.How, i.LetterTitle))
            .ShouldBe([(survivor, InvolvementKind.SignedAsOrganization, "Keep accountability"),
                (survivor, InvolvementKind.AffiliationOfSigner, "Keep accountability")], ignoreOrder: true);
    }

    [Fact]
    public void an_added_alias_is_trimmed_and_the_organization_then_answers_to_it()
    {
        var hrw = Guid.NewGuid();
        Register(hrw, "Human Rights Watch");

        var added = AddOrganizationAliasEndpoint.Decide(_organizations[hrw], new AddOrganizationAlias("  H.R.W. "), "li", T0);
        _organizations[hrw].Apply(added);

        added.ShouldBe(new OrganizationAliasAdded(hrw, "H.R.W.", "li", T0));
        Involvements().Resolve("hrw").Id.ShouldBe(hrw);
    }

    [Fact]
    public void the_matrix_pairs_organizations_that_signed_the_same_letter_in_their_own_name()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        Sign(a, SignatoryKind.Organization, "Human Rights Watch");
        Sign(a, SignatoryKind.Organization, "Freedom House");
        Sign(a, SignatoryKind.Individual, "Someone", affiliation: "Human Rights First");
        Sign(b, SignatoryKind.Organization, "Freedom House");
        Sign(b, SignatoryKind.Organization, "human rights watch");

        var pair = CoalitionMatrixEndpoint.Build(Involvements()).ShouldHaveSingleItem();
        pair.Letters.Select(l => l.LetterId).ShouldBe([a, b], ignoreOrder: true);
    }

    [Fact]
    public void a_withdrawn_signature_involves_nobody_until_it_is_renewed()
    {
        var letter = Guid.NewGuid();
        var id = Sign(letter, SignatoryKind.Organization, "Freedom House");
        var signature = _signed.Single(s => s.Id == id);

        _signatures.Apply(new SignatureWithdrawn(id, letter, null, "web", T0), signature);
        Involvements().All.ShouldBeEmpty();
        _signatures.Apply(new SignatureRenewed(id, letter, 2, "web", T0), signature);
        Involvements().All.ShouldHaveSingleItem().Organization.Name.ShouldBe("Freedom House");
    }
}
