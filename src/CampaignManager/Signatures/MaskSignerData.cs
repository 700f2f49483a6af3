namespace CampaignManager.Signatures;

/// <summary>
/// After an erasure committed (<see cref="SignerErased"/>, or <see cref="SignerEmailErased"/> when
/// <see cref="EmailOnly"/>): mask the data out of every earlier event of the signature's stream and remove what else
/// holds it. Durable and idempotent: a pass that failed half-way runs again and finds less to do.
/// </summary>
public record MaskSignerData(Guid SignatureId, bool EmailOnly);

public static class MaskSignerDataHandler
{
    public static async Task HandleAsync(MaskSignerData m, IDocumentStore store, IDocumentSession session,
        IEnumerable<ISignerDataElsewhere> elsewhere, TimeProvider clock, CancellationToken token)
    {
        var events = await session.Events.FetchStreamAsync(m.SignatureId, token: token);
        // the signer as the stream says before its erasures: what the masking rules and the scrub look for
        var before = Signature.Fold(events.Select(e => e.Data).Where(d => d is not (SignerErased or SignerEmailErased)));
        if (before is null) return;
        var data = SignerErasure.Data.Of(before, m.EmailOnly);
        await SignerErasure.MaskAsync(store, m.SignatureId, data, token);

        // The dedupe keys are the folded email and name themselves: deleted, so the same person signing again is a new
        // signature. An organization keeps its name key (its name is not erased), and so does an email-only erasure.
        var keys = SignerIdentity.KeysFor(before.LetterId, before.Kind, before.Name, before.Affiliation, before.Email)
            .Where(k => !k.Contains("|organization|", StringComparison.Ordinal) && !(m.EmailOnly && !k.Contains("|email|", StringComparison.Ordinal)))
            .ToArray();
        foreach (var key in await session.LoadManyAsync<SignerKey>(token, keys))
        {
            if (key.SignatureId == m.SignatureId) session.Delete(key);
        }
        if (!m.EmailOnly)
        {
            // the personal links name the signer to whoever holds them: none opens anything any more
            session.DeleteWhere<SignerLink>(x => x.SignatureId == m.SignatureId);
            session.DeleteWhere<ReconfirmationLink>(x => x.SignatureId == m.SignatureId);
        }
        await DeleteFailureCopiesAsync(store, m.SignatureId, token);
        foreach (var other in elsewhere) await other.EraseAsync(store, before.LetterId, data, clock.GetUtcNow(), token);
    }

    /// <summary>
    /// Copies made when something failed: Marten's dead-letter events (a projection that could not apply one) and
    /// Wolverine's dead letters (a message that failed for good, with the error text a relay may have filled with the
    /// address). Kept for diagnosis otherwise; for an erased signer the diagnosis goes.
    /// </summary>
    private static async Task DeleteFailureCopiesAsync(IDocumentStore store, Guid signatureId, CancellationToken token)
    {
        var schema = store.Options.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(token);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            do $$ begin
              if to_regclass('{schema}.mt_doc_deadletterevent') is not null then
                execute 'delete from {schema}.mt_doc_deadletterevent where data::text like $1' using '%{signatureId}%';
              end if;
              if to_regclass('{schema}.wolverine_dead_letters') is not null then
                execute 'delete from {schema}.wolverine_dead_letters where encode(body, ''escape'') like $1' using '%{signatureId}%';
              end if;
            end $$;
            """;
        await command.ExecuteNonQueryAsync(token);
    }
}
