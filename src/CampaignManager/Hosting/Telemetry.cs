using JasperFx.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CampaignManager.Hosting;

/// <summary>
/// Traces and metrics over OTLP, configured only by the standard OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT,
/// OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, ...).
/// With no endpoint set nothing is registered at all: no listeners, no batching, no failed exports to a collector
/// that is not there.
/// </summary>
public static class Telemetry
{
    public const string DefaultServiceName = "campaignmanager";

    /// <summary>The sources the app itself does not create: Wolverine's, Marten's and Npgsql's (built into Npgsql).</summary>
    public static readonly string[] ActivitySources = ["Wolverine", "Marten", "Npgsql"];

    /// <summary>Wolverine names its meter "Wolverine:" + the service name.</summary>
    public static readonly string[] Meters = ["Wolverine:*", "Marten", "Npgsql", "Microsoft.AspNetCore.*"];

    public static bool ExportConfigured(IConfiguration configuration) =>
        new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT" }
            .Any(name => !string.IsNullOrWhiteSpace(configuration[name]));

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        if (!ExportConfigured(builder.Configuration)) return;

        builder.Services.ConfigureMarten(opts =>
        {
            // one span per connection use, tagged with failures: enough to see chatty requests without verbose cost
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
        });

        builder.Services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME wins when set; AddService would otherwise replace it
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName))
            .WithTracing(tracing => tracing
                // probes hit /health every few seconds; their spans would drown the requests staff make
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddSource(ActivitySources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(Meters))
            .UseOtlpExporter();
    }
}
