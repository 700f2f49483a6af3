using CampaignManager.Tests.Appeals;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using Npgsql;

namespace CampaignManager.Tests.Hardening;

/// <summary>
/// A close races signers that have already read the letter as open and are about to commit (and a finalize races
/// withdrawals). Whatever interleaving PostgreSQL picks, the close must be a clean line: what was signed when it
/// answered is the final block, every acknowledged signature is in it, and every later sign-on is refused.
/// </summary>
[Collection(HardeningCollection.Name)]
public class signing_while_the_letter_closes(HardeningFixture fixture) : IntegrationContext(fixture)
{
    private const int InFlight = 20;
    private const int Late = 20;

    private SignOnHold Hold => ((HardeningFixture)Fixture).Hold;

    [Fact]
    public async Task no_signature_commits_after_the_close_and_every_acknowledged_one_is_in_the_block()
    {
        var id = await Host.OpenDraftAsync();
        Hold.Arm(InFlight);
        var signing = Enumerable.Range(1, InFlight).Select(i => Sign(id, i)).ToList();
        await Hold.AllHeld;

        var close = Host.LifecycleAsync(id, "close");
        // A correct close waits in PostgreSQL for the in-flight sign-ons' row locks; a broken one slips ahead of them
        // and answers. Either is seen, without guessing how long to wait.
        await CompletedOrWaitingOnARowLockAsync(close);
        var signedWhenClosed = close.IsCompleted ? await SignatureIdsAsync(id) : null;
        signing.AddRange(Enumerable.Range(InFlight + 1, Late).Select(i => Sign(id, i)));
        Hold.Release();
        await close;
        signedWhenClosed ??= await SignatureIdsAsync(id);
        var results = await Task.WhenAll(signing);

        var codes = results.Select(r => r.Context.Response.StatusCode).ToList();
        var tally = string.Join(", ", codes.CountBy(c => c).Select(p => $"{p.Key}: {p.Value}"));
        codes.ShouldAllBe(c => c == 201 || c == 409, tally);
        var acknowledged = results.Where(r => r.Context.Response.StatusCode == 201).Select(r => r.ReadAsJson<SignatoryView>()!.Id).ToHashSet();
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(InFlight, tally);

        (await SignatureIdsAsync(id)).ShouldBe(signedWhenClosed, ignoreOrder: true, "a signature committed after the close answered");
        acknowledged.ShouldBe(signedWhenClosed, ignoreOrder: true);
        var letter = await Host.LetterAsync(id);
        letter.Status.ShouldBe(LetterStatus.Closed);
        letter.Signatories.Select(s => s.Id).ShouldBe(acknowledged, ignoreOrder: true);

        await using var session = Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().ToListAsync();
        var closedAt = events.Single(e => e.Data is SignaturesClosed).Sequence;
        events.Where(e => e.Data is SignatureAdded).ShouldAllBe(e => e.Sequence < closedAt, $"the close is event {closedAt}");
    }

    [Fact]
    public async Task no_withdrawal_commits_after_the_letter_is_finalized()
    {
        var id = await Host.OpenDraftAsync();
        var signatures = new List<Guid>();
        for (var i = 1; i <= InFlight + Late; i++) signatures.Add((await Sign(id, i)).ReadAsJson<SignatoryView>()!.Id);
        await Host.LifecycleAsync(id, "close");

        Hold.Arm(InFlight);
        var withdrawing = signatures.Take(InFlight).Select(s => Withdraw(id, s)).ToList();
        await Hold.AllHeld;
        var finalize = Host.LifecycleAsync(id, "finalize");
        await CompletedOrWaitingOnARowLockAsync(finalize);
        var activeWhenFinal = finalize.IsCompleted ? await ActiveAsync(id) : null;
        withdrawing.AddRange(signatures.Skip(InFlight).Select(s => Withdraw(id, s)));
        Hold.Release();
        await finalize;
        activeWhenFinal ??= await ActiveAsync(id);
        var results = await Task.WhenAll(withdrawing);

        var codes = results.Select(r => r.Context.Response.StatusCode).ToList();
        var tally = string.Join(", ", codes.CountBy(c => c).Select(p => $"{p.Key}: {p.Value}"));
        codes.ShouldAllBe(c => c == 200 || c == 409, tally);
        (await ActiveAsync(id)).ShouldBe(activeWhenFinal, ignoreOrder: true, "a withdrawal committed after the letter was finalized");
        (await Host.LetterAsync(id)).Signatories.Select(s => s.Id).ShouldBe(activeWhenFinal, ignoreOrder: true);
    }

    private Task<IScenarioResult> Sign(Guid letterId, int i) => Host.Scenario(x =>
    {
        x.Post.Json(LetterApi.Organization($"Racing Organization {i:000}")).ToUrl($"/api/letters/{letterId}/signatures");
        x.IgnoreStatusCode();
    });

    private Task<IScenarioResult> Withdraw(Guid letterId, Guid signatureId) => Host.Scenario(x =>
    {
        x.Post.Json(new { reason = "changed our mind" }).ToUrl($"/api/letters/{letterId}/signatures/{signatureId}/withdraw");
        x.IgnoreStatusCode();
    });

    private async Task<List<Guid>> ActiveAsync(Guid letterId)
    {
        await using var session = Store.QuerySession();
        return (await session.Query<Signature>().Where(s => s.LetterId == letterId && s.Status == SignatureStatus.Active)
            .Select(s => s.Id).ToListAsync()).ToList();
    }

    private Task CompletedOrWaitingOnARowLockAsync(Task command) =>
        Eventually.UntilAsync(async () => command.IsCompleted || await SomeoneWaitsOnARowLockAsync(), done => done,
            TimeSpan.FromSeconds(30), "the command to answer, or to wait for the held transactions' locks");

    /// <summary>A backend of this test's database blocked on another transaction (not on Wolverine's advisory locks).</summary>
    private async Task<bool> SomeoneWaitsOnARowLockAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = connection.CreateCommand();
        waiting.CommandText = "select count(*) from pg_stat_activity where datname = current_database() " +
                              "and wait_event_type = 'Lock' and wait_event <> 'advisory'";
        return (long)(await waiting.ExecuteScalarAsync())! > 0;
    }

    private async Task<List<Guid>> SignatureIdsAsync(Guid letterId)
    {
        await using var session = Store.QuerySession();
        return (await session.Query<Signature>().Where(s => s.LetterId == letterId).Select(s => s.Id).ToListAsync()).ToList();
    }
}
