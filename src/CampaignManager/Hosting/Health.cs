using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CampaignManager.Hosting;

/// <summary>
/// Liveness and readiness for orchestrators. <c>/health/live</c> runs no check at all: a process that answers is
/// alive, and restarting it because PostgreSQL is down would not help. <c>/health/ready</c> runs every check tagged
/// "ready" and answers 503 when one is unhealthy, so a load balancer stops sending traffic to this node.
/// Both stay anonymous and outside /api, so an authorization policy added later can allow-list the /health prefix.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    public static void AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ProjectionLagOptions>(builder.Configuration.GetSection(ProjectionLagOptions.Section));
        builder.Services.AddSingleton<SchemaHealthCheck>(); // remembers a match across probes
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<SchemaHealthCheck>("schema", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<WolverineAgentsHealthCheck>("wolverine", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<ProjectionLagHealthCheck>("projections", tags: [ReadyTag], timeout: CheckTimeout);
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
    }

    /// <summary>The default writer prints one word; operators need to see which check failed and why.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data
            })
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
