using CampaignManager.Appeals;
using CampaignManager.Targets;

namespace CampaignManager.Seeding;

/// <summary>
/// A seeded appeal goes through SendAppeal's own decision. Seeds record the manual channel only: loading a dataset
/// must never email anyone, and the documents hold no delivery records, so recipients stay queued until staff record one.
/// </summary>
internal class SeedAppealWriter(string file, string place, IDocumentSession session, SeedWriter clock)
{
    public async Task WriteAsync(SeedAppeal seed, IReadOnlyDictionary<string, SeededLetter> letters, CancellationToken token)
    {
        if (!letters.TryGetValue(seed.Letter, out var letter))
            throw new SeedFileException(file, $"{place}.letter", $"no letter with key '{seed.Letter}' in this file");
        if (seed.Channel != AppealChannel.Manual)
            throw new SeedFileException(file, $"{place}.channel", "seed appeals use the manual channel (loading must not send email)");

        var recipients = new List<TargetDetails>();
        var lists = new List<TargetList>();
        foreach (var (key, i) in (seed.Targets ?? []).Select((k, i) => (k, i)))
            recipients.Add(await clock.TargetAsync(key, $"{place}.targets[{i}]", token));
        foreach (var (key, i) in (seed.TargetLists ?? []).Select((k, i) => (k, i)))
        {
            var list = await clock.ListAsync(key, $"{place}.targetLists[{i}]", token);
            lists.Add(list);
            recipients.AddRange((await session.LoadManyAsync<TargetDetails>(token, list.Members)).ToList());
        }
        var command = new SendAppeal(recipients.Select(r => r.Id).ToList(), null, seed.Channel, seed.CoverMessage);
        SeedLoader.Require(file, place, SendAppealEndpoint.Validate(letter.Letter.Id, command,
            new SendAppealInputs(letter.Letter, letter.Block, recipients, lists), TimeProvider.System));

        var appealId = SeedIds.For(file, "appeal", seed.Letter);
        var decision = SendAppealEndpoint.Decide(appealId, letter.Letter, letter.Block, recipients, command, SeedLoader.By,
            clock.At(seed.SentOn));
        session.Events.StartStream<Appeal>(appealId, decision.Sent);
        foreach (var queued in decision.Queued)
            session.Events.StartStream<AppealRecipient>(AppealRecipient.StreamId(queued.AppealId, queued.TargetId), queued);
        clock.CountWritten();
    }
}
