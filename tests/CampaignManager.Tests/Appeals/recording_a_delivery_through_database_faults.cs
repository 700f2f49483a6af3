using CampaignManager.Appeals;
using Npgsql;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Appeals;

/// <summary>
/// A real PostgreSQL fault on the write that records an email as sent: a trigger on the event table raises for one
/// recipient's <c>appeal_email_sent</c> event, either a given number of times (a transient fault) or always.
/// </summary>
[Collection(AppealsCollection.Name)]
public class recording_a_delivery_through_database_faults(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private SmtpServerFixture Smtp => fixture.Smtp;

    [Fact]
    public async Task a_recipient_whose_sent_email_cannot_be_recorded_ends_failed_with_the_reason_and_a_retry_delivers_once_the_fault_clears()
    {
        var letter = await Host.FinalLetterAsync();
        var (china, chinaEmail) = await Host.TargetAsync("China");
        var (france, franceEmail) = await Host.TargetAsync("France");
        var deadLettersBefore = await DeadLettersAsync(nameof(RecordAppealDelivery));

        Guid appealId;
        await using (var fault = await FaultAsync(chinaEmail, times: int.MaxValue))
        {
            appealId = await SendAsync(letter, china, france);
            var appeal = await Eventually.UntilAsync(() => Host.AppealAsync(appealId), a => a.Counts.Queued == 0, Patience,
                "no recipient left queued");

            appeal.Counts.ShouldBe(new AppealCounts(0, 1, 1, 0, 0, 0));
            var failed = appeal.Recipients.Single(r => r.TargetId == china);
            failed.Status.ShouldBe(RecipientStatus.Failed);
            failed.Reason.ShouldNotBeNull().ShouldStartWith("The relay accepted the email (Message-ID appeal-");
            failed.Reason.ShouldContain("database error P0001");
            failed.Reason.ShouldContain("check before retrying");
            (await fault.AttemptsAsync()).ShouldBe(1 + DeliveryFaults.Cooldowns.Length, "the first try and every retry");
            (await DeadLettersAsync(nameof(RecordAppealDelivery))).ShouldBe(deadLettersBefore + 1);
        }

        // the relay did take the email: the record says so, and nothing was sent twice while recording was retried
        Smtp.MessagesTo(chinaEmail).Count.ShouldBe(1);
        Smtp.MessagesTo(franceEmail).Count.ShouldBe(1);

        await Host.TrackActivity().Timeout(Patience).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            await Host.RecipientAsync(appealId, china, "retry", new { }, 204)));
        var retried = (await Host.AppealAsync(appealId)).Recipients.Single(r => r.TargetId == china);
        (retried.Status, retried.Reason).ShouldBe((RecipientStatus.Sent, null));
        Smtp.MessagesTo(chinaEmail).Count.ShouldBe(2, "staff chose to send it again");
        Smtp.MessagesTo(franceEmail).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_recording_fault_that_clears_within_the_retries_ends_sent_with_exactly_one_email()
    {
        var letter = await Host.FinalLetterAsync();
        var (china, chinaEmail) = await Host.TargetAsync("China");
        var (france, franceEmail) = await Host.TargetAsync("France");

        Guid appealId;
        await using (var fault = await FaultAsync(chinaEmail, times: DeliveryFaults.Cooldowns.Length))
        {
            appealId = await SendAsync(letter, china, france);
            (await fault.AttemptsAsync()).ShouldBe(DeliveryFaults.Cooldowns.Length + 1, "every retry but the last failed");
        }

        var appeal = await Host.AppealAsync(appealId);
        appeal.Counts.ShouldBe(new AppealCounts(0, 2, 0, 0, 0, 0));
        var sent = appeal.Recipients.Single(r => r.TargetId == china);
        (sent.Status, sent.Attempts, sent.Reason).ShouldBe((RecipientStatus.Sent, 1, null));
        Smtp.MessagesTo(chinaEmail).Count.ShouldBe(1);
        Smtp.MessagesTo(franceEmail).Count.ShouldBe(1);
    }

    /// <summary>Sends by email and waits until every delivery, record and retry the request caused has finished.</summary>
    private async Task<Guid> SendAsync(Guid letter, params Guid[] targets)
    {
        IScenarioResult result = null!;
        await Host.TrackActivity().Timeout(Patience).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => result = await Host.Scenario(x =>
            {
                x.Post.Json(new { targetIds = targets, channel = "email" }).ToUrl($"/api/letters/{letter}/appeals");
                x.StatusCodeShouldBe(201);
            })));
        return result.ReadAsJson<Targets.IdBody>()!.Id;
    }

    /// <summary>
    /// Makes PostgreSQL refuse the first <paramref name="times"/> "sent" events for this address. A sequence counts
    /// them, because a sequence is not rolled back with the transaction the trigger fails. Disposing removes the fault.
    /// </summary>
    private async Task<Fault> FaultAsync(string email, int times)
    {
        var name = $"fault_{Guid.NewGuid():N}";
        await ExecuteAsync($"""
            create sequence campaigns.{name};
            create function campaigns.{name}() returns trigger language plpgsql as $$
            begin
              if new.type = 'appeal_email_sent' and new.data->>'toAddress' = '{email}' then
                if nextval('campaigns.{name}') <= {times} then
                  raise exception 'injected fault on recording a sent appeal email';
                end if;
              end if;
              return new;
            end $$;
            create trigger {name} before insert on campaigns.mt_events for each row execute function campaigns.{name}();
            """);
        return new Fault(this, name);
    }

    /// <summary>The injected fault; <see cref="AttemptsAsync"/> counts every try to record the event, failed or not.</summary>
    private sealed class Fault(recording_a_delivery_through_database_faults test, string name) : IAsyncDisposable
    {
        public async Task<long> AttemptsAsync()
        {
            await using var connection = new NpgsqlConnection(test.Fixture.ConnectionString);
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand($"select case when is_called then last_value else 0 end from campaigns.{name}", connection);
            return (long)(await read.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync() => await test.ExecuteAsync($"""
            drop trigger {name} on campaigns.mt_events;
            drop function campaigns.{name}();
            drop sequence campaigns.{name};
            """);
    }

    private async Task<long> DeadLettersAsync(string messageType)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var find = new NpgsqlCommand("select table_schema from information_schema.tables where table_name = 'wolverine_dead_letters'", connection);
        var schema = (string)(await find.ExecuteScalarAsync())!;
        await using var count = new NpgsqlCommand($"select count(*) from \"{schema}\".wolverine_dead_letters where message_type like @type", connection);
        count.Parameters.AddWithValue("type", $"%{messageType}%");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
