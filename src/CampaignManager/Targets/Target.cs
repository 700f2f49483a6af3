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
    public string? Language { get; set; }
    public string? FormOfAddress { get; set; }

    public static Target Create(TargetRegistered e) => new()
    {
        Id = e.TargetId,
        Contact = new TargetContact(e.Name, e.Title, e.Organization, e.Email, e.Address, e.Country, e.Tags)
    };

    public void Apply(TargetDetailsCorrected e) =>
        Contact = new TargetContact(e.Name, e.Title, e.Organization, e.Email, e.Address, e.Country, e.Tags);

    public void Apply(TargetCorrespondenceSet e) => (Language, FormOfAddress) = (e.Language, e.FormOfAddress);

    /// <summary>The stream folded in memory through the same methods Marten applies; for "as of" reads and decision tests.</summary>
    public static Target? Fold(IEnumerable<object> events) => CampaignManager.Hosting.EventFold<Target>.Fold(events);
}
