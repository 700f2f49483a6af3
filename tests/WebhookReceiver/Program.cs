using System.Text.Json;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

// Usage: WebhookReceiver <port> <folder>
// Verifies every post with the StandardWebhooks package against the secret in <folder>/secret.txt, as a partner would,
// and appends one JSON line per post to <folder>/received.jsonl: its webhook-id, whether the signature held, and the
// body. <folder>/status.txt, when it exists, holds the status code to answer instead of 200 (a test asks for 410 so).
var (port, folder) = (int.Parse(args[0]), args[1]);
var (secretFile, log, statusFile) = (Path.Combine(folder, "secret.txt"), Path.Combine(folder, "received.jsonl"), Path.Combine(folder, "status.txt"));
var gate = new object();

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();

app.MapPost("/hooks", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync();
    string? error = null;
    try
    {
        new StandardWebhook(File.ReadAllText(secretFile).Trim()).Verify(body, request.Headers);
    }
    catch (WebhookVerificationException e)
    {
        error = e.Message;
    }
    var status = error is not null ? 400
        : File.Exists(statusFile) ? int.Parse(File.ReadAllText(statusFile).Trim()) : 200;
    var line = JsonSerializer.Serialize(new
    {
        id = request.Headers["webhook-id"].ToString(), timestamp = request.Headers["webhook-timestamp"].ToString(),
        valid = error is null, error, answered = status, body
    });
    lock (gate) File.AppendAllText(log, line + "\n");
    return Results.StatusCode(status);
});

await app.StartAsync();
Console.WriteLine("listening");
await app.WaitForShutdownAsync();
