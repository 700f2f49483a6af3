using CampaignManager.Outcomes;

namespace CampaignManager.Campaigns;

/// <summary><see cref="OutcomeId"/>: the outcome whose member's vote this is, when it is one.</summary>
public record PositionEntry(Guid TargetId, TargetPosition Position, DateOnly Date, string? Source, string By, DateTimeOffset At,
    Guid? OutcomeId = null);

/// <summary><see cref="Retraction"/> is set only on the entries in <see cref="Campaign.RetractedOutcomes"/>.</summary>
public record OutcomeEntry(Guid OutcomeId, OutcomeFacts Facts, DateTimeOffset RecordedAt, string RecordedBy,
    IReadOnlyList<OutcomeRevision> History, OutcomeRetraction? Retraction = null);

/// <summary>Why an outcome was taken back, by whom and when.</summary>
public record OutcomeRetraction(string Reason, string By, DateTimeOffset At);

/// <summary>One version of an outcome's facts; the first is what was recorded, later ones are corrections.</summary>
public record OutcomeRevision(OutcomeFacts Facts, string? Note, string By, DateTimeOffset At);

/// <summary>A target's explanation of vote: what it said, and where it was published.</summary>
public record VoteExplanation(Guid TargetId, string Link, string Summary, string By, DateTimeOffset At);

public record AttachedLetter(Guid LetterId, string By, DateTimeOffset At);

/// <summary>
/// The campaign stream folded: what commands decide on and what the campaign view shows. Stored inline so the
/// list and 409s never lag; "as of" reads fold the same class in memory.
/// </summary>
public class Campaign
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Goal { get; set; } = "";
    public string Venue { get; set; } = "";
    public DateOnly? DecisionDate { get; set; }
    public DateTimeOffset LaunchedAt { get; set; }
    public string LaunchedBy { get; set; } = "";
    public DateTimeOffset LastChangedAt { get; set; }
    public List<AttachedLetter> Letters { get; set; } = [];
    /// <summary>
    /// Every position recorded, oldest first, but the votes of retracted outcomes: the whip count is its latest per target.
    /// </summary>
    public List<PositionEntry> Positions { get; set; } = [];
    /// <summary>The outcomes that stand, in the order they were recorded; the last speaks for the campaign.</summary>
    public List<OutcomeEntry> Outcomes { get; set; } = [];
    /// <summary>Outcomes recorded by mistake and taken back, with their history and why.</summary>
    public List<OutcomeEntry> RetractedOutcomes { get; set; } = [];
    public List<VoteExplanation> Explanations { get; set; } = [];
    public CampaignStatus Status { get; set; } = CampaignStatus.Pending;
    public string? StatusReason { get; set; }

    public static Campaign Create(CampaignLaunched e) => new()
    {
        Id = e.CampaignId, Name = e.Name, Goal = e.Goal, Venue = e.Venue, DecisionDate = e.DecisionDate,
        LaunchedAt = e.At, LaunchedBy = e.By, LastChangedAt = e.At
    };

    public void Apply(LetterAttachedToCampaign e)
    {
        Letters.Add(new AttachedLetter(e.LetterId, e.By, e.At));
        LastChangedAt = e.At;
    }

    public void Apply(TargetPositionRecorded e)
    {
        Positions.Add(new PositionEntry(e.TargetId, e.Position, e.Date, e.Source, e.By, e.At, e.OutcomeId));
        LastChangedAt = e.At;
    }

    public void Apply(VoteExplained e)
    {
        Explanations.Add(new VoteExplanation(e.TargetId, e.Link, e.Summary, e.By, e.At));
        LastChangedAt = e.At;
    }

    public void Apply(OutcomeRecorded e)
    {
        Outcomes.Add(new OutcomeEntry(e.OutcomeId, e.Facts, e.At, e.By, [new OutcomeRevision(e.Facts, null, e.By, e.At)]));
        SetStatus(e.Facts, e.At);
    }

    public void Apply(OutcomeCorrected e)
    {
        var i = Outcomes.FindIndex(o => o.OutcomeId == e.OutcomeId);
        if (i < 0) return;
        Outcomes[i] = Outcomes[i] with
        {
            Facts = e.Facts, History = [.. Outcomes[i].History, new OutcomeRevision(e.Facts, e.Note, e.By, e.At)]
        };
        // only the latest outcome speaks for the campaign; correcting an older one leaves the status alone
        if (i == Outcomes.Count - 1) SetStatus(e.Facts, e.At);
        else LastChangedAt = e.At;
    }

    public void Apply(OutcomeRetracted e)
    {
        var i = Outcomes.FindIndex(o => o.OutcomeId == e.OutcomeId);
        if (i < 0) return;
        RetractedOutcomes.Add(Outcomes[i] with { Retraction = new OutcomeRetraction(e.Reason, e.By, e.At) });
        Outcomes.RemoveAt(i);
        // a vote names its outcome; one stored before votes did is named by the retraction
        Positions.RemoveAll(p => p.OutcomeId == e.OutcomeId ||
                                 p.OutcomeId is null && e.Withdrawn.Any(w => w.MemberId == p.TargetId && w.Date == p.Date && w.RecordedAt == p.At));
        // the outcome before it speaks again; with none left the campaign is pending, as before any outcome
        if (Outcomes.Count > 0) SetStatus(Outcomes[^1].Facts, e.At);
        else (Status, StatusReason, LastChangedAt) = (CampaignStatus.Pending, null, e.At);
    }

    private void SetStatus(OutcomeFacts facts, DateTimeOffset at)
    {
        Status = facts.Status;
        StatusReason = facts.Reason;
        LastChangedAt = at;
    }

    /// <summary>The stream folded in memory through the same methods Marten applies; for "as of" reads and decision tests.</summary>
    public static Campaign? Fold(IEnumerable<object> events) => CampaignManager.Hosting.EventFold<Campaign>.Fold(events);
}
