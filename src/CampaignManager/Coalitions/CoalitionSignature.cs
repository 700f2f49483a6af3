using CampaignManager.Signatures;
using Marten.Events.Aggregation;

namespace CampaignManager.Coalitions;

/// <summary>
/// One signature as the coalition views see it, folded from its own stream: a sign-on writes this one small document
/// and nothing shared. <see cref="NameKey"/> is the normalized name it involves (the organization's own name, or a
/// person's affiliation); which organization that name means is decided when a view is read (see
/// <see cref="Involvements"/>), so an alias added or a merge made today re-attributes every earlier signature, and a
/// rebuild cannot resolve differently from the live run.
/// </summary>
public class CoalitionSignature
{
    public Guid Id { get; set; }
    /// <summary>The sequence of the signing event: ties in time keep the order the signatures were made in.</summary>
    public long Sequence { get; set; }
    public Guid LetterId { get; set; }
    public SignatoryKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Affiliation { get; set; }
    public bool ForIdentificationOnly { get; set; }
    /// <summary>Withdrawn signatures stay, so renewing one needs nothing else.</summary>
    public bool Active { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    /// <summary>Null for an individual without an affiliation: such a signature involves no organization.</summary>
    public string? NameKey { get; set; }

    public static string? KeyOf(SignatoryKind kind, string name, string? affiliation) =>
        kind == SignatoryKind.Organization ? TextRules.NameKey(name)
        : string.IsNullOrWhiteSpace(affiliation) ? null : TextRules.NameKey(affiliation);
}

public class CoalitionSignatureProjection : SingleStreamProjection<CoalitionSignature, Guid>
{
    // Approval and rejection never counted here: the views show what was signed, as before the split.
    public CoalitionSignature Create(IEvent<SignatureAdded> added)
    {
        var e = added.Data;
        return new CoalitionSignature
        {
            Id = e.SignatureId, Sequence = added.Sequence, LetterId = e.LetterId, Kind = e.Kind, Name = e.Name, Title = e.Title,
            Affiliation = e.Affiliation, ForIdentificationOnly = e.AffiliationForIdentificationOnly, Active = true, SignedAt = e.At,
            NameKey = CoalitionSignature.KeyOf(e.Kind, e.Name, e.Affiliation)
        };
    }

    public void Apply(SignatureWithdrawn _, CoalitionSignature s) => s.Active = false;

    public void Apply(SignatureRenewed _, CoalitionSignature s) => s.Active = true;

    /// <summary>As the masked SignatureAdded reads (Signatures/SignerErasure), so a rebuild gives the same document.</summary>
    public void Apply(SignerErased _, CoalitionSignature s)
    {
        if (s.Kind == SignatoryKind.Individual) s.Name = SignerErasure.ErasedName;
        s.Title = null;
    }

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<CoalitionSignatureProjection>(ProjectionLifecycle.Async);
        // a profile reads its organization's names, a campaign its letters: each an index range, never every signature.
        // No more indexes than that: every one is paid per signature again on each rebuild.
        opts.Schema.For<CoalitionSignature>().Duplicate(x => x.NameKey!).Duplicate(x => x.LetterId);
    }
}
