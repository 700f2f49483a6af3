using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Letters;

/// <summary>
/// "As of" reads take active single-event signatures from their documents and fold only the rest; the answer must be
/// the one folding every event gives, at every moment, including signatures that share a moment.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class reading_a_letter_as_of_a_moment(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task folding_only_the_changed_signatures_answers_what_folding_every_event_does_at_every_moment()
    {
        var id = await Host.OpenDraftAsync();
        var t0 = Fixture.Clock.GetUtcNow();
        DateTimeOffset At(int minutes) => t0.AddMinutes(minutes);
        Guid[] ids = [.. Enumerable.Range(0, 12).Select(_ => Guid.NewGuid())];
        await using (var session = Store.LightweightSession())
        {
            // four share a moment, two of them self-submitted and awaiting approval, so ties in the pending list show
            foreach (var (signature, i) in ids.Select((x, i) => (x, i)))
                session.Events.StartStream<Signature>(signature, new SignatureAdded(signature, id,
                    i % 3 == 0 ? SignatoryKind.Organization : SignatoryKind.Individual, $"Signer {11 - i} Person", null, null,
                    false, null, 1, "staff", At(i < 4 ? 1 : i), i is 1 or 2 or 9 ? SignatureSource.Public : SignatureSource.Staff,
                    AwaitingApproval: i is 1 or 2 or 9));
            session.Events.Append(ids[1], new SignatureApproved(ids[1], id, "staff", At(20)));
            session.Events.Append(ids[5], new SignatureWithdrawn(ids[5], id, "board", "staff", At(21)));
            session.Events.Append(ids[6], new SignatureWithdrawn(ids[6], id, null, "staff", At(21)));
            session.Events.Append(ids[6], new SignatureRenewed(ids[6], id, 1, "staff", At(25)));
            await session.SaveChangesAsync();
        }
        await using var query = Store.QuerySession();
        (await query.LoadAsync<Signature>(ids[0]))!.Version.ShouldBe(1, "a one-event signature is read from its document");

        var timeline = await LetterTimeline.LoadAsync(query, id, CancellationToken.None);
        foreach (var minutes in new[] { -1, 0, 1, 4, 9, 20, 21, 24, 25, 60 })
        {
            var moment = At(minutes);
            var (wholeLetter, wholeSignatures) = LetterTimeline.AsOf(timeline, id, moment);
            var (letter, signatures) = await LetterTimeline.AsOfAsync(query, id, moment, CancellationToken.None);
            if (wholeLetter is null)
            {
                letter.ShouldBeNull();
                continue;
            }
            JsonSerializer.Serialize(LetterDetails.Build(letter!, signatures, moment)).ShouldBe(
                JsonSerializer.Serialize(LetterDetails.Build(wholeLetter, wholeSignatures, moment)), $"as of {minutes} minutes");
        }
    }
}
