using CampaignManager.Tests.Appeals;
using System.Net.Http.Headers;

namespace CampaignManager.Tests.Hardening;

/// <summary>
/// The in-memory test server has no body-size limit of its own, so this runs the built app on Kestrel: the limits must
/// hold there, with or without a Content-Length, and answer 413 problem details.
/// </summary>
public class limiting_request_bodies_on_kestrel : IAsyncLifetime
{
    private AppProcess _app = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateDatabaseAsync("cm");
        _app = AppProcess.Start([new("ConnectionStrings:Marten", database), new("Wolverine:Solo", "true")]);
        await _app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task a_json_command_over_one_megabyte_and_a_csv_over_five_answer_413_problem_details(bool declareLength)
    {
        using var http = _app.Client();
        // As curl does for large bodies: the server can refuse before the body is sent, instead of resetting mid-upload.
        http.DefaultRequestHeaders.ExpectContinue = true;
        var json = Encoding.UTF8.GetBytes($"{{\"title\": \"{new string('x', 2 * 1024 * 1024)}\"}}");
        await ExpectTooLarge(http, "/api/letters", json, "application/json", declareLength);

        var csv = Encoding.UTF8.GetBytes("name,email\n" + new string('x', 5 * 1024 * 1024 + 1));
        await ExpectTooLarge(http, $"/api/target-lists/{Guid.NewGuid()}/import", csv, "text/csv", declareLength);
    }

    private static async Task ExpectTooLarge(HttpClient http, string url, byte[] body, string contentType, bool declareLength)
    {
        // without a declared length HttpClient sends the body chunked, the case a header check cannot see
        HttpContent content = declareLength ? new ByteArrayContent(body) : new StreamContent(new NonSeekableStream(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await http.PostAsync(url, content);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, url);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    /// <summary>A stream whose length HttpClient cannot know, so it must use chunked transfer encoding.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
