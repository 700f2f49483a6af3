using CampaignManager.Organizations;
using CampaignManager.Campaigns;
using CampaignManager.Targets;

namespace CampaignManager.Seeding;

/// <summary>Writes one seed file's streams into a session, skipping every stream an earlier load already wrote.</summary>
internal class SeedWriter(string file, IDocumentSession session)
{
    private readonly Dictionary<string, TargetDetails> _targets = new(StringComparer.OrdinalIgnoreCase);
    private int _tick;

    public int Written { get; private set; }
    public int AlreadyThere { get; private set; }

    public async Task WriteAsync(SeedFile seed, CancellationToken token)
    {
        var organizations = seed.Organizations ?? [];
        for (var i = 0; i < organizations.Count; i++)
        {
            var org = organizations[i];
            var known = await KnownOrganizations.LoadAsync(session, token);
            if (await ExistsAsync(SeedIds.For("organization", org.Name), token)) continue;
            // an organization staff already registered under one of these names wins: the seed does not fight it
            if (known.CheckUnclaimed(new Hosting.FieldErrors(), "name", [org.Name, .. org.Aliases ?? []]).Count > 0) continue;
            SeedLoader.Require(file, $"$.organizations[{i}]", RegisterOrganizationEndpoint.Validate(org, known));
            var id = SeedIds.For("organization", org.Name);
            var registered = RegisterOrganizationEndpoint.Decide(id, org, SeedLoader.By, DateTimeOffset.UnixEpoch);
            session.Events.StartStream<Organization>(id, registered);
            Hosting.UniqueName.Claim(session, Hosting.UniqueName.Organization, RegisterOrganizationEndpoint.NamesOf(registered), id);
            Written++;
        }

        var targets = seed.Targets ?? [];
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            SeedLoader.Require(file, $"$.targets[{i}]", RegisterTargetEndpoint.Validate(t.Command));
            var id = SeedIds.For("target", t.Key);
            var registered = RegisterTargetEndpoint.Decide(id, t.Command.Contact(), SeedLoader.By, DateTimeOffset.UnixEpoch);
            _targets[t.Key] = new TargetDetails(id, registered.Name, registered.Title, registered.Organization, registered.Email,
                registered.Address, registered.Country, registered.Tags, registered.At, registered.By, registered.At);
            if (await ExistsAsync(id, token)) continue;
            session.Events.StartStream<Target>(id, registered);
            Written++;
        }

        foreach (var (list, i) in (seed.TargetLists ?? []).Select((l, i) => (l, i)))
        {
            var members = new List<Guid>();
            foreach (var (key, m) in (list.Members ?? []).Select((k, m) => (k, m)))
                members.Add((await TargetAsync(key, $"$.targetLists[{i}].members[{m}]", token)).Id);
            var listId = SeedIds.For("list", list.Key);
            if (await ExistsAsync(listId, token)) continue;
            var events = CreateTargetListEndpoint.Decide(listId, new CreateTargetList(list.Name, list.Description, members),
                SeedLoader.By, DateTimeOffset.UnixEpoch);
            session.Events.StartStream<TargetList>(listId, events.ToArray());
            Hosting.UniqueName.Claim(session, Hosting.UniqueName.TargetList, [CreateTargetListEndpoint.NameKey(list.Name)], listId);
            Written++;
        }

        if (seed.Campaign is null) return;
        SeedLoader.Require(file, "$.campaign", LaunchCampaignEndpoint.Validate(seed.Campaign));
        var campaignId = SeedIds.For(file, "campaign");
        if (await ExistsAsync(campaignId, token)) return;
        var firstDate = (seed.Letters ?? []).Select(l => (DateOnly?)l.Date).Concat((seed.Positions ?? []).Select(p => p.Date))
            .Concat((seed.Outcomes ?? []).Select(o => o.Date)).Where(d => d is not null).Min() ?? new DateOnly(2000, 1, 1);
        var launched = LaunchCampaignEndpoint.Decide(campaignId, seed.Campaign, SeedLoader.By, At(firstDate.AddDays(-1)));
        var campaign = Campaign.Create(launched);
        var campaignEvents = new List<object> { launched };

        var letters = new Dictionary<string, SeededLetter>(StringComparer.OrdinalIgnoreCase);
        foreach (var (letter, i) in (seed.Letters ?? []).Select((l, i) => (l, i)))
        {
            var seeded = letters[letter.Key] = new SeedLetterWriter(file, $"$.letters[{i}]", session, this).Write(letter);
            var attached = AttachLetterToCampaignEndpoint.Decide(campaign, seeded.Letter.Id, SeedLoader.By, At(letter.Date));
            campaign.Apply(attached);
            campaignEvents.Add(attached);
        }

        foreach (var (appeal, i) in (seed.Appeals ?? []).Select((a, i) => (a, i)))
            await new SeedAppealWriter(file, $"$.appeals[{i}]", session, this).WriteAsync(appeal, letters, token);

        foreach (var (p, i) in (seed.Positions ?? []).Select((p, i) => (p, i)))
        {
            var targetId = (await TargetAsync(p.Target, $"$.positions[{i}].target", token)).Id;
            if (p.Position is null || p.Date is null)
                throw new SeedFileException(file, $"$.positions[{i}]", "position and date are required");
            campaignEvents.Add(RecordTargetPositionEndpoint.Decide(campaign,
                new RecordTargetPosition(targetId, p.Position, p.Date, p.Source), SeedLoader.By, At(p.Date.Value)));
        }

        foreach (var (o, i) in (seed.Outcomes ?? []).Select((o, i) => (o, i)))
        {
            SeedLoader.Require(file, $"$.outcomes[{i}]", RecordOutcomeEndpoint.Validate(o, Voters.None));
            campaignEvents.AddRange(RecordOutcomeEndpoint.Decide(campaign, SeedIds.For(file, "outcome", i.ToString()), o, SeedLoader.By,
                At(o.Date!.Value)));
        }

        session.Events.StartStream<Campaign>(campaignId, campaignEvents.ToArray());
        Written++;
    }

    /// <summary>Seeded facts happen on the documents' dates, a second apart so their order is kept.</summary>
    internal DateTimeOffset At(DateOnly date) => new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).AddSeconds(_tick++);

    internal void CountWritten() => Written++;

    /// <summary>A target by its seed key: from this file, or one an earlier file (e.g. the member states) loaded.</summary>
    internal async Task<TargetDetails> TargetAsync(string key, string place, CancellationToken token) =>
        _targets.TryGetValue(key, out var here) ? here
            : await session.LoadAsync<TargetDetails>(SeedIds.For("target", key), token)
              ?? throw new SeedFileException(file, place, $"no target with key '{key}' in this file or an earlier one");

    internal async Task<TargetList> ListAsync(string key, string place, CancellationToken token) =>
        await session.LoadAsync<TargetList>(SeedIds.For("list", key), token)
        ?? throw new SeedFileException(file, place, $"no target list with key '{key}' in an earlier file");

    private async Task<bool> ExistsAsync(Guid streamId, CancellationToken token)
    {
        var exists = await session.Events.FetchStreamStateAsync(streamId, token) is not null;
        if (exists) AlreadyThere++;
        return exists;
    }
}
