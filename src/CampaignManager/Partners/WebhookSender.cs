using System.Diagnostics;
using StandardWebhooks;

namespace CampaignManager.Partners;

/// <summary>What came back from one post: a status code, or why there was none, and how long it took.</summary>
public record WebhookResponse(int? StatusCode, long DurationMs, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Posts a signed webhook (Standard Webhooks: <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>).
/// One HttpClient for the app's lifetime; redirects are not followed (a receiver that moved is a new subscription,
/// and a redirect could point at a private address); every connection goes through <see cref="WebhookAddress"/>.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;

    public WebhookSender(IOptions<WebhookSettings> options)
    {
        var settings = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // a receiver's DNS change is seen within minutes, not only on restart
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, token) => WebhookAddress.ConnectAsync(context, settings.AllowPrivateAddresses, token)
        };
        _client = new HttpClient(handler) { Timeout = settings.Timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("CampaignManager-Webhooks/1");
    }

    public static HttpRequestMessage Request(string url, string secret, string webhookId, DateTimeOffset at, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(webhookId, at, body));
        return request;
    }

    public async Task<WebhookResponse> SendAsync(string url, string secret, string webhookId, DateTimeOffset at, string body, CancellationToken token)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = Request(url, secret, webhookId, at, body);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            var code = (int)response.StatusCode;
            return new(code, watch.ElapsedMilliseconds, response.IsSuccessStatusCode ? null : $"{code} {response.ReasonPhrase}".Trim());
        }
        catch (TaskCanceledException) when (!token.IsCancellationRequested)
        {
            return new(null, watch.ElapsedMilliseconds, $"no answer within {_client.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new(null, watch.ElapsedMilliseconds, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }

    public void Dispose() => _client.Dispose();
}
