namespace CampaignManager.Tests.Browser;

/// <summary>
/// The size limit is the real server's (Kestrel stops reading past it), not a look at Content-Length: a chunked body
/// carries no length at all. The browser fixture's app is the only one here on a real Kestrel, so the test lives here.
/// </summary>
[Collection(BrowserCollection.Name)]
public class limiting_the_public_submit_size(BrowserFixture browser)
{
    [Fact]
    public async Task an_oversized_chunked_submit_is_refused_with_413_problem_details_and_records_nothing()
    {
        var (id, publicPath) = await browser.Api.OpenLetterAsync("Keep the Council seat, briefly");
        // a real visitor's request: the page's antiforgery cookie and token, so only the size can be the problem
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = browser.BaseAddress };
        var form = await http.GetStringAsync(publicPath);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var body = $"__RequestVerificationToken={token}&Form.Kind=organization&Form.Name=Big&Form.Title=" + new string('x', 64 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, publicPath)
        {
            Content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)))
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().ShouldBe(413);
        (await browser.Api.LetterAsync(id)).AwaitingApproval.ShouldBeEmpty();
    }
}
