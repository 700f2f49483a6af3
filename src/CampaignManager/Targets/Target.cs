namespace CampaignManager.Targets;

/// <summary>
/// The target stream folded into what the commands decide on. Aggregated live (never stored): the streams are a
/// handful of events, and every read goes to <see cref="TargetDetails"/> instead.
/// </summary>
public class Target
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public TargetContact Contact { get; set; } = null!;

    public static Target Create(TargetRegistered e) => new()
    {
        Id = e.TargetId,
        Contact = new TargetContact(e.Name, e.Title, e.Organization, e.Email, e.Address, e.Country, e.Tags)
    };

    public void Apply(TargetDetailsCorrected e) =>
        Contact = new TargetContact(e.Name, e.Title, e.Organization, e.Email, e.Address, e.Country, e.Tags);

    /// <summary>Folds events in memory the same way Marten does; for unit tests.</summary>
    public static Target? Fold(IEnumerable<object> events)
    {
        Target? target = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case TargetRegistered r: target = Create(r); break;
                case TargetDetailsCorrected c: target?.Apply(c); break;
            }
            if (target is not null) target.Version++;
        }
        return target;
    }
}
