using CampaignManager.Coalitions;
using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Coalitions;

/// <summary>The coalition graph folded in memory, and names resolved against it: no host, no database.</summary>
public class coalition_decisions
{
    private static readonly DateTimeOffset T0 = new(2020, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly CoalitionGraphProjection _projection = new();
    private readonly CoalitionGraph _graph = new();

    private Guid Sign(Guid letter, SignatoryKind kind, string name, string? affiliation = null)
    {
        var id = Guid.NewGuid();
        _projection.Apply(new SignatureAdded(id, letter, kind, name, null, affiliation, false, null, 1, "web", T0), _graph);
        return id;
    }

    [Fact]
    public void names_resolve_by_acronym_case_and_punctuation_and_unknown_names_stay_unregistered()
    {
        var hrnk = Guid.NewGuid();
        _projection.Apply(new OrganizationRegistered(hrnk, "Committee for Human Rights in North Korea", ["HRNK"], "maria", T0), _graph);
        var all = new Involvements(_graph);

        all.Resolve("h.r.n.k.").Id.ShouldBe(hrnk);
        all.Resolve("committee for human rights in north korea").Id.ShouldBe(hrnk);
        all.Resolve("Freedom House").ShouldBe(new OrganizationRef(null, "freedom house", "Freedom House", false));
    }

    [Fact]
    public void a_merge_moves_the_duplicates_names_and_signatures_to_the_survivor()
    {
        var (survivor, duplicate, letter) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        _projection.Apply(new LetterDrafted(letter, "Keep accountability", "s", "b", "", [], "maria", T0), _graph);
        _projection.Apply(new OrganizationRegistered(survivor, "Human Rights Watch", [], "maria", T0), _graph);
        _projection.Apply(new OrganizationRegistered(duplicate, "HRW", [], "maria", T0), _graph);
        Sign(letter, SignatoryKind.Organization, "HRW");
        Sign(letter, SignatoryKind.Individual, "K. Roth", affiliation: "hrw");

        _projection.Apply(new OrganizationAbsorbed(survivor, duplicate, ["HRW"], "li", T0), _graph);
        _projection.Apply(new OrganizationMergedInto(duplicate, survivor, "li", T0), _graph);

        var all = new Involvements(_graph);
        all.Survivor(duplicate)!.Id.ShouldBe(survivor);
        all.All.Select(i => (i.Organization.Id, i.How))
            .ShouldBe([(survivor, InvolvementKind.SignedAsOrganization), (survivor, InvolvementKind.AffiliationOfSigner)], ignoreOrder: true);
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

        var pair = CoalitionMatrixEndpoint.Build(new Involvements(_graph)).ShouldHaveSingleItem();
        pair.Letters.Select(l => l.LetterId).ShouldBe([a, b], ignoreOrder: true);
    }
}
