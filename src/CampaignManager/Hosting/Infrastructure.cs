using System.Text.Json.Serialization;
using JasperFx;
using Scalar.AspNetCore;
using CampaignManager.Staff;
using Weasel.Core;
using Wolverine.Persistence;

namespace CampaignManager.Hosting;

/// <summary>The shared plumbing every capability relies on: Marten, Wolverine, JSON, OpenAPI, error mapping.</summary>
public static class Infrastructure
{
    public static void AddCampaignManagerInfrastructure(this WebApplicationBuilder builder, string[] args)
    {
        var autoCreate = SchemaPolicy.Resolve(builder);
        builder.DefaultAllowedHosts();
        var connectionString = Database.ResolveConnectionString(builder, args);
        var embedded = builder.Services.Any(d => d.ServiceType == typeof(EmbeddedPostgres));

        builder.Services.AddSingleton(TimeProvider.System);
        // the ceiling for any body; JsonBodyGate lowers it per endpoint (JSON commands get far less than a CSV upload)
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.ServerBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        // MVC (Razor Pages) keeps its own JSON options; one shape of JSON everywhere
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => ConfigureJson(o.JsonSerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddRateLimits();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // CSV uploads read their own body, so their request bodies are described by hand (CsvUploadOperations)
        builder.Services.AddOpenApi(o => o.AddOperationTransformer<CsvUploadOperations>());
        // Pages live in their capability folders (Signatures/PublicSignOn.cshtml), not in a Pages/ layer.
        builder.Services.AddRazorPages(o => o.RootDirectory = "/").AddViewLocalization();
        builder.Services.AddCampaignManagerLocalization();

        var marten = builder.Services.AddMarten(opts =>
            {
                opts.Connection(Database.WithAutoPrepare(connectionString));
                opts.DatabaseSchemaName = "campaigns";
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                opts.AutoCreateSchemaObjects = autoCreate;
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                // who and when live in every event's own fields; the correlation ids help trace a request
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.DisableNpgsqlLogging = true;
                // the owner is indexed: a sign-on under an alias finds the organization's other names through it
                opts.Schema.For<UniqueName>().Identity(x => x.Id).Duplicate(x => x.OwnerId);
            })
            .UseLightweightSessions()
            // Wolverine's agent distribution runs the async projections: Marten's own HotCold daemon takes its
            // lock through the DistributedLock redirect (see README) and cannot run here.
            .IntegrateWithWolverine(m => m.UseWolverineManagedEventSubscriptionDistribution = true);
        // with AutoCreate.None the schema is db-apply's job alone (see SchemaPolicy)
        if (autoCreate != AutoCreate.None) marten.ApplyAllDatabaseChangesOnStartup();

        builder.Host.UseWolverine(opts =>
        {
            opts.AutoBuildMessageStorageOnStartup = autoCreate;
            opts.Policies.AutoApplyTransactions();
            // An unknown id in the route answers 404 problem details naming it, the same for every [WriteAggregate]
            // and [ReadAggregate], so no endpoint has to say so (and a copied one cannot forget it).
            opts.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            // One node that owns the whole inbox: after a crash the restarted process resumes what the dead one left at
            // once, instead of waiting for it to be declared stale. The embedded database serves exactly one app process
            // (a second is refused), so it runs Solo unless Wolverine:Solo=false; a shared database runs Balanced.
            if (builder.Configuration.GetValue("Wolverine:Solo", embedded)) opts.Durability.Mode = DurabilityMode.Solo;
            opts.UseNodeFailoverSettings(builder.Configuration);
        });
        builder.Services.AddWolverineHttp();
    }

    public static void UseCampaignManagerInfrastructure(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        // after authorization, so a caller without the right gets 401/403 before any antiforgery detail
        app.UseCookieAntiforgery();
        app.UseRateLimiter();
        // after the rate limiter, so a flood is turned away before its bodies are buffered
        app.UseMiddleware<JsonBodyGate>();
        app.MapRazorPages();
        app.MapOpenApi();
        // Scalar's default fonts come from its CDN: the docs page would tell a third party who reads the API reference
        app.MapScalarApiReference("/docs", o => o.WithTitle("CampaignManager API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts());
    }

    public static void UseCampaignManagerHttpConventions(this WolverineHttpOptions opts, IConfiguration configuration)
    {
        // commit-time optimistic concurrency failures (two staff revising the same version) answer 409
        opts.MapConcurrencyFailuresToConflict();
        // '?page=abc' is the caller's mistake: a 400 ProblemDetails, not a silent page 0 (Wolverine 7's default)
        opts.RejectUnparseableQueryValues = true;
        // Compile every endpoint before the host listens, not on its first request: runtime compilation makes a first
        // request take seconds, and a node that is ready should answer at full speed. Costs start-up time (README).
        opts.WarmUpRoutes = configuration.GetValue(WarmUpRoutesSetting, RouteWarmup.Eager);
    }

    public const string WarmUpRoutesSetting = "Http:WarmUpRoutes";

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        SaneDates.AddTo(options);
    }
}
