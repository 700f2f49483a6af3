using CampaignManager.Appeals;

namespace CampaignManager.Tests.Appeals;

/// <summary>
/// A recipient retried before attempts counted across retries was stored with its last round's attempts only; the
/// start-up backfill gives it the earlier rounds back from its own stream.
/// </summary>
[Collection(AppealsCollection.Name)]
public class counting_attempts_stored_before_retries_were_counted(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_recipient_retried_before_the_upgrade_gets_its_earlier_attempts_back_at_start_up()
    {
        var (appeal, target) = (Guid.NewGuid(), Guid.NewGuid());
        var id = AppealRecipient.StreamId(appeal, target);
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream<AppealRecipient>(id,
                new AppealRecipientQueued(appeal, target, Guid.NewGuid(), "Title",
                    new AppealRecipientInfo(target, "China", null, null, "china@un.example"), AppealChannel.Email, null, "staff", At),
                new AppealDeliveryDeferred(appeal, target, "421 busy", 1, At.AddMinutes(1), "system", At),
                new AppealDeliveryFailed(appeal, target, "550 no such mailbox", true, 550, 2, "system", At.AddMinutes(1)),
                new AppealDeliveryRetried(appeal, target, "fixed@un.example", "staff", At.AddHours(1)),
                new AppealEmailSent(appeal, target, "fixed@un.example", "m@x", 1, "system", At.AddHours(1)));
            await session.SaveChangesAsync();
        }
        // as the document was stored before: the last round's attempts and nothing else
        var table = $"{Store.Options.DatabaseSchemaName}.mt_doc_appealrecipient";
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {table} set data = data - 'earlierAttempts' - 'retries' where id = ?", id);
            await session.SaveChangesAsync();
        }
        (await LoadAsync(id)).TotalAttempts.ShouldBe(1);

        await new RecipientAttemptsBackfill().Populate(Store, default);

        var recipient = await LoadAsync(id);
        (recipient.TotalAttempts, recipient.Attempts, recipient.Retries, recipient.Status).ShouldBe((3, 1, 1, RecipientStatus.Sent));
    }

    private async Task<AppealRecipient> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<AppealRecipient>(id))!;
    }
}
