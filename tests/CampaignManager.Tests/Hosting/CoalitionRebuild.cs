using CampaignManager.Coalitions;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Weasel.Core;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// What one process builds from the events alone: the coalition documents rebuilt from scratch by a single Marten daemon
/// in the test process, with the app's storage conventions. Run only once every node is stopped, so nothing else
/// writes the documents or the projections' progress meanwhile.
/// </summary>
public static class CoalitionRebuild
{
    public static async Task<string?> RebuildAsync(string connectionString)
    {
        await using var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = "campaigns";
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.MetadataConfig.CorrelationIdEnabled = true;
            opts.Events.MetadataConfig.CausationIdEnabled = true;
            // the apps made the schema; this store must not change it
            opts.AutoCreateSchemaObjects = AutoCreate.None;
            opts.DisableNpgsqlLogging = true;
            CoalitionSignatureProjection.Register(opts);
            CoalitionLetterProjection.Register(opts);
        });
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<CoalitionSignatureProjection>(TimeSpan.FromSeconds(60), CancellationToken.None);
        await daemon.RebuildProjectionAsync<CoalitionLetterProjection>(TimeSpan.FromSeconds(60), CancellationToken.None);
        return await new ClusterTables(connectionString).CoalitionDocumentsAsync();
    }
}
