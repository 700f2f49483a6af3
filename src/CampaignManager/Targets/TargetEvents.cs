namespace CampaignManager.Targets;

/// <summary>Every target event names its target, so read models that span streams can find it.</summary>
public interface ITargetEvent
{
    Guid TargetId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

public interface ITargetListEvent
{
    Guid ListId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

public record TargetRegistered(
    Guid TargetId, string Name, string? Title, string? Organization, string? Email, string? Address, string? Country,
    IReadOnlyList<string> Tags, string By, DateTimeOffset At) : ITargetEvent;

/// <summary>The full corrected contact details; <see cref="Changed"/> names the fields that differ from before.</summary>
public record TargetDetailsCorrected(
    Guid TargetId, string Name, string? Title, string? Organization, string? Email, string? Address, string? Country,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Changed, string By, DateTimeOffset At) : ITargetEvent;

public record TargetListCreated(Guid ListId, string Name, string? Description, string By, DateTimeOffset At) : ITargetListEvent;

/// <summary>Only targets that were not members yet; adding a member twice is not a fact worth recording.</summary>
public record TargetsAddedToList(Guid ListId, IReadOnlyList<Guid> TargetIds, string By, DateTimeOffset At) : ITargetListEvent;

public record TargetRemovedFromList(Guid ListId, Guid TargetId, string By, DateTimeOffset At) : ITargetListEvent;
