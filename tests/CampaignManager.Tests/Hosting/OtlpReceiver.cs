using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// A minimal OTLP/HTTP collector on a loopback port: it accepts protobuf posts to /v1/traces and /v1/metrics and keeps
/// them. No protobuf decoding is needed to check what arrived: span names, scope names and attribute values are
/// plain UTF-8 strings inside the payload.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _received = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.Single();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._received.GetOrAdd(signal, _ => new()).Enqueue(body.ToArray());
            // an empty ExportTraceServiceResponse / ExportMetricsServiceResponse is an empty protobuf message
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Every payload of one signal ("traces", "metrics"), decoded leniently so strings can be searched.</summary>
    public string Text(string signal) =>
        string.Join('\n', _received.GetValueOrDefault(signal)?.Select(b => Encoding.UTF8.GetString(b)) ?? []);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
