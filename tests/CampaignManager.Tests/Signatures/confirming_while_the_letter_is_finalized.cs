using CampaignManager.Letters;
using CampaignManager.Signatures;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignManager.Tests.Signatures;

/// <summary>
/// Many signers confirm their email at the moment staff finalize: each confirmation commits before the finalize or is
/// refused after it (Signatures/LetterGate), so the final block is exactly what was confirmed when it was locked.
/// How many land on each side varies from run to run (the finalize starts once five are in); the invariant does not.
/// </summary>
[Collection(SignaturesCollection.Name)]
public class confirming_while_the_letter_is_finalized(AppFixture fixture) : IntegrationContext(fixture)
{
    private const int Signers = 300;
    private const int Late = 10;

    /// <summary>Public sign-ons waiting for confirmation, each with a confirmation link whose secret the test holds.</summary>
    private async Task<(Guid Letter, string Token, List<string> Secrets)> WaitingSignersAsync()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SetPolicyAsync(id, confirmedEmail: true, staffApproval: false);
        var token = (await Host.LetterAsync(id)).PublicSignOnUrl!.Split('/').Last();
        // the email itself is not what races, so the links are issued here as the email handler issues them
        await Task.WhenAll(Enumerable.Range(1, Signers).Select(i => SignOn.RunAsync(Store,
            new SignLetter(id, new AddSignatory(SignatoryKind.Individual, $"Racer {i:00}", Email: $"racer{i}@example.org"), "anonymous",
                SignatureSource.Public), Fixture.Clock, NullLogger.Instance, CancellationToken.None)));
        await using var session = Store.LightweightSession();
        var waiting = await session.Query<Signature>().Where(s => s.LetterId == id).ToListAsync();
        waiting.ShouldAllBe(s => s.Status == SignatureStatus.AwaitingEmailConfirmation);
        var secrets = new List<string>();
        foreach (var s in waiting)
        {
            var secret = CampaignManager.Staff.Secrets.NewToken();
            session.Store(new SignerLink(CampaignManager.Staff.Secrets.Hash(secret), s.Id, id, SignerLinkPurpose.Confirm,
                Fixture.Clock.GetUtcNow(), s.ConfirmEmailBy));
            secrets.Add(secret);
        }
        await session.SaveChangesAsync();
        await Host.LifecycleAsync(id, "close"); // a closed letter's signers may still confirm, until it is final
        return (id, token, secrets);
    }

    private Task<ConfirmationAnswer> ConfirmAsync(string token, string secret) =>
        Task.Run(() => ConfirmSignatureEmailHandler.RunAsync(Store, new ConfirmSignatureEmail(token, secret), Fixture.Clock, CancellationToken.None));

    [Fact]
    public async Task after_finalize_no_confirmation_changes_the_block_and_every_one_before_it_is_in_it()
    {
        var (id, token, secrets) = await WaitingSignersAsync();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(secrets.SkipLast(Late));
        var answers = new System.Collections.Concurrent.ConcurrentBag<ConfirmationAnswer>();
        var done = 0;
        var fifth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // eight signers' browsers at a time, each confirming the next link as soon as its last one was answered
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var secret))
            {
                answers.Add(await ConfirmSignatureEmailHandler.RunAsync(Store, new ConfirmSignatureEmail(token, secret), Fixture.Clock, CancellationToken.None));
                if (Interlocked.Increment(ref done) == 5) fifth.TrySetResult();
            }
        })).ToList();
        // some are surely in before the finalize starts; the rest race it
        await fifth.Task;
        await Host.LifecycleAsync(id, "finalize");
        await Task.WhenAll(workers);
        var late = await Task.WhenAll(secrets.TakeLast(Late).Select(s => ConfirmAsync(token, s)));

        // each racing confirmation either counted or was refused because the letter had become final; nothing else
        var confirmed = answers.Where(a => a.Confirmed is not null).ToList();
        confirmed.Count.ShouldBeGreaterThanOrEqualTo(5);
        answers.Where(a => a.Confirmed is null).ShouldAllBe(a => a.Problem.Detail!.StartsWith("The letter is final"));
        late.ShouldAllBe(a => a.Confirmed == null && a.Problem.Detail!.StartsWith("The letter is final"));

        var letter = await Host.LetterAsync(id);
        letter.Status.ShouldBe(LetterStatus.Final);
        letter.Counts.Signatories.ShouldBe(confirmed.Count);
        letter.Counts.AwaitingEmailConfirmation.ShouldBe(Signers - confirmed.Count);
        (await Host.BlockAsync(id)).Select(s => s.Id).ShouldBe(confirmed.Select(a => a.Signature!.Id), ignoreOrder: true);

        // and in the order the events were stored: every confirmation before the finalize
        await using var session = Store.QuerySession();
        var finalized = (await session.Events.FetchStreamAsync(id)).Single(e => e.Data is LetterFinalized).Sequence;
        var signatureIds = (await session.Query<Signature>().Where(s => s.LetterId == id).Select(s => s.Id).ToListAsync()).ToArray();
        var stored = (await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(signatureIds)).ToListAsync())
            .Where(e => e.Data is SignatureEmailConfirmed).ToList();
        stored.Count.ShouldBe(confirmed.Count);
        stored.ShouldAllBe(e => e.Sequence < finalized);
    }
}
