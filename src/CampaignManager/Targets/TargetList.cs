namespace CampaignManager.Targets;

/// <summary>
/// A named list of targets that an appeal can be sent to, folded from its stream. Stored inline as a snapshot so
/// lists and the unique-name check are plain document queries. Rules live in the command files.
/// </summary>
public class TargetList
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<Guid> Members { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset LastChangedAt { get; set; }

    public static TargetList Create(TargetListCreated e) => new()
    {
        Id = e.ListId, Name = e.Name, Description = e.Description, CreatedAt = e.At, CreatedBy = e.By, LastChangedAt = e.At
    };

    public void Apply(TargetsAddedToList e)
    {
        Members.AddRange(e.TargetIds.Where(id => !Members.Contains(id)));
        LastChangedAt = e.At;
    }

    public void Apply(TargetRemovedFromList e)
    {
        Members.Remove(e.TargetId);
        LastChangedAt = e.At;
    }

    /// <summary>The stream folded in memory through the same methods Marten applies; for "as of" reads and decision tests.</summary>
    public static TargetList? Fold(IEnumerable<object> events) => CampaignManager.Hosting.EventFold<TargetList>.Fold(events);
}
