using System.Data.Common;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace CampaignManager.Signatures;

/// <summary>
/// The signature_tally table that <see cref="SignatoryCounts"/> reads, kept by PostgreSQL itself: triggers on
/// mt_doc_signature move each row's count from its old (letter, status, organization, signed version) group to its new
/// one, so every writer (sign-on, import, approval, withdrawal, seeds, a projection rebuild) keeps it exact in the same
/// transaction without knowing it exists, and a TRUNCATE (Marten's reset and rebuild teardown) empties it.
/// Managed by Marten's schema tooling after the document tables (db-apply, db-assert, AutoCreate). Creating or changing
/// it recounts the whole tally with writers held off, which is also the backfill of a database that predates it; the
/// definition's hash is kept as a comment, so a changed definition is re-applied and recounted.
/// </summary>
public sealed class SignatureTally(StoreOptions options) : FeatureSchemaBase("SignatureTally", options.Advanced.Migrator)
{
    /// <summary>Rows per group that concurrent signers spread over, so a surge rarely waits on one row.</summary>
    public const int Slots = 16;

    public override IEnumerable<Type> DependentTypes() => [typeof(Signature)];

    protected override IEnumerable<ISchemaObject> schemaObjects() => [new Tally(options.DatabaseSchemaName)];

    private sealed class Tally(string schema) : ISchemaObject
    {
        public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, "signature_tally", SchemaUtils.IdentifierUsage.General);

        private string Definition => $$$"""
            create table if not exists {{{schema}}}.signature_tally (
                letter_id uuid not null, status varchar not null, organization boolean not null,
                signed_version integer not null, slot smallint not null, n integer not null,
                primary key (letter_id, status, organization, signed_version, slot)) with (fillfactor = 50);
            -- writers wait from here to the recount's commit, so none is missed or counted twice
            lock table {{{schema}}}.mt_doc_signature in share row exclusive mode;
            -- OLD is null on an insert and NEW on a delete; an organization's sort key starts with "0" (SignatoryOrder)
            create or replace function {{{schema}}}.signature_tally_rows() returns trigger language plpgsql as $fn$
            declare
                was_org boolean := coalesce(old.sort_key < '1', false);
                now_org boolean := coalesce(new.sort_key < '1', false);
            begin
                if (old.letter_id, old.status, was_org, old.signed_version)
                        is not distinct from (new.letter_id, new.status, now_org, new.signed_version) then
                    return null;
                end if;
                -- one statement, its rows in key order: a move locks its two groups' rows in the same order in every
                -- writer, so two moves never deadlock
                insert into {{{schema}}}.signature_tally as t
                select * from (values
                    (old.letter_id, old.status, was_org, old.signed_version, (hashtext(old.id::text) & {{{Slots - 1}}})::smallint, -1),
                    (new.letter_id, new.status, now_org, new.signed_version, (hashtext(new.id::text) & {{{Slots - 1}}})::smallint, 1)
                ) as change (letter_id, status, organization, signed_version, slot, n)
                where letter_id is not null
                order by letter_id, status, organization, signed_version, slot
                on conflict (letter_id, status, organization, signed_version, slot) do update set n = t.n + excluded.n;
                return null;
            end
            $fn$;
            create or replace function {{{schema}}}.signature_tally_clear() returns trigger language plpgsql as $fn$
            begin
                delete from {{{schema}}}.signature_tally;
                return null;
            end
            $fn$;
            drop trigger if exists signature_tally_rows on {{{schema}}}.mt_doc_signature;
            create trigger signature_tally_rows after insert or update or delete on {{{schema}}}.mt_doc_signature
                for each row execute function {{{schema}}}.signature_tally_rows();
            drop trigger if exists signature_tally_truncate on {{{schema}}}.mt_doc_signature;
            create trigger signature_tally_truncate after truncate on {{{schema}}}.mt_doc_signature
                for each statement execute function {{{schema}}}.signature_tally_clear();
            delete from {{{schema}}}.signature_tally;
            insert into {{{schema}}}.signature_tally
                select letter_id, status, coalesce(sort_key < '1', false), signed_version,
                    (hashtext(id::text) & {{{Slots - 1}}})::smallint, count(*)
                from {{{schema}}}.mt_doc_signature group by 1, 2, 3, 4, 5;
            """;

        private string Marker => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Definition)))[..16];

        // one DO block: the recount and the triggers it relies on commit together or not at all
        public void WriteCreateStatement(Migrator migrator, TextWriter writer) => writer.WriteLine(
            $"do $tally$ begin\n{Definition}\ncomment on function {schema}.signature_tally_rows() is '{Marker}';\nend $tally$;");

        public void WriteDropStatement(Migrator rules, TextWriter writer) => writer.WriteLine(
            $"drop trigger if exists signature_tally_rows on {schema}.mt_doc_signature; " +
            $"drop trigger if exists signature_tally_truncate on {schema}.mt_doc_signature; " +
            $"drop function if exists {schema}.signature_tally_rows(); drop function if exists {schema}.signature_tally_clear(); " +
            $"drop table if exists {schema}.signature_tally;");

        public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) => builder.Append($"""
            select to_regclass('{schema}.signature_tally') is not null,
                (select count(*) from pg_trigger where tgrelid = to_regclass('{schema}.mt_doc_signature')
                    and tgname in ('signature_tally_rows', 'signature_tally_truncate')) = 2
                and obj_description(to_regprocedure('{schema}.signature_tally_rows()'), 'pg_proc') is not distinct from '{Marker}';
            """);

        public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
        {
            var difference = SchemaPatchDifference.Create;
            if (await reader.ReadAsync(ct))
            {
                var exists = await reader.GetFieldValueAsync<bool>(0, ct);
                var current = await reader.GetFieldValueAsync<bool>(1, ct);
                difference = !exists ? SchemaPatchDifference.Create
                    : current ? SchemaPatchDifference.None : SchemaPatchDifference.Update;
            }
            return new Delta(this, difference);
        }

        public IEnumerable<DbObjectName> AllNames() => [Identifier];
    }

    /// <summary>An update re-runs the idempotent create; the default drop-then-create would leave a window without triggers.</summary>
    private sealed class Delta(ISchemaObject tally, SchemaPatchDifference difference) : ISchemaObjectDelta
    {
        public ISchemaObject SchemaObject => tally;
        public SchemaPatchDifference Difference => difference;
        public void WriteUpdate(Migrator rules, TextWriter writer) => tally.WriteCreateStatement(rules, writer);
        public void WriteRollback(Migrator rules, TextWriter writer) { }
        public void WriteRestorationOfPreviousState(Migrator rules, TextWriter writer) { }
    }
}
