using CampaignManager.Organizations;
using System.Text.Json.Serialization;
using CampaignManager.Campaigns;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using CampaignManager.Targets;

namespace CampaignManager.Seeding;

/// <summary>
/// One seed file: a campaign and what happened in it, written by staff in the same shapes as the API's commands
/// (a letter is a DraftLetter plus its signatories, an outcome is a RecordOutcome, ...), with short keys instead of ids.
/// </summary>
public record SeedFile(
    string? Source, LaunchCampaign? Campaign, List<RegisterOrganization>? Organizations, List<SeedTarget>? Targets,
    List<SeedTargetList>? TargetLists, List<SeedLetter>? Letters, List<SeedPosition>? Positions, List<RecordOutcome>? Outcomes,
    List<SeedAppeal>? Appeals, JsonElement? Sponsors)
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip };
        Infrastructure.ConfigureJson(options);
        return options;
    }
}

public record SeedTarget(string Key, string Name, string? Title = null, string? Organization = null, string? Email = null,
    string? Address = null, string? Country = null, IReadOnlyList<string?>? Tags = null)
{
    public RegisterTarget Command => new(Name, Title, Organization, Email, Address, Country, Tags);
}

public record SeedTargetList(string Key, string Name, string? Description = null, IReadOnlyList<string>? Members = null);

/// <summary>"asListed" pins the block in the document's order; "rule" lets the default ordering apply.</summary>
public record SeedLetter(
    string Key, DateOnly Date, string Title, string Subject, string Body, string? Closing, IReadOnlyList<Addressee>? Addressees,
    IReadOnlyList<AddSignatory>? Signatories, string? SignatoryOrder = "asListed", string? SignatoriesNote = null,
    LetterStatus Status = LetterStatus.Final)
{
    public DraftLetter Draft => new(Title, Subject, Body, Closing ?? "", Addressees);
}

/// <summary>A letter sent to targets and lists (keys from any seed file); seeds use the manual channel, so loading sends no mail.</summary>
public record SeedAppeal(string Letter, IReadOnlyList<string>? Targets, IReadOnlyList<string>? TargetLists,
    CampaignManager.Appeals.AppealChannel? Channel, DateOnly SentOn, string? CoverMessage = null);

public record SeedPosition(string Target, TargetPosition? Position, DateOnly? Date, string? Source = null);

/// <summary>A problem in a seed file: which file, where in it (a JSON path), and why. Nothing from that file is loaded.</summary>
public class SeedFileException(string file, string place, string reason)
    : Exception($"{file}: at {place}: {reason}")
{
    public string File { get; } = file;
    public string Place { get; } = place;
    public string Reason { get; } = reason;
}

/// <summary>Stable ids, so loading the same file twice finds what the first load wrote instead of writing it again.</summary>
public static class SeedIds
{
    public static Guid For(params string[] parts)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes("campaignmanager-seed|" + string.Join('|', parts).ToLowerInvariant()));
        return new Guid(hash);
    }
}
