using CampaignManager.Tests.Appeals;
using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Browser;

/// <summary>The staff API calls the browser tests need, over HTTP against the running app, so tests read as their story.</summary>
public sealed class BrowserApi(HttpClient http)
{
    private record Created(Guid Id);

    public async Task<Guid> DraftAsync(string title = "Reconsider the withdrawal",
        string body = "Dear Secretary Pompeo,\n\nWe urge the United States to stay engaged.")
    {
        var response = await http.PostAsJsonAsync("/api/letters", new
        {
            title, subject = "U.S. membership of the UN Human Rights Council", body, closing = "Sincerely,",
            addressees = new[] { new { name = "The Honorable Mike Pompeo", title = "Secretary of State", organization = "U.S. Department of State" } }
        }, AppProcess.Json);
        await ExpectAsync(response, HttpStatusCode.Created, "POST /api/letters");
        return (await response.Content.ReadFromJsonAsync<Created>(AppProcess.Json))!.Id;
    }

    /// <summary>A lifecycle step: open, close, finalize.</summary>
    public async Task LifecycleAsync(Guid id, string action)
    {
        var response = await http.PostAsJsonAsync($"/api/letters/{id}/{action}", new { }, AppProcess.Json);
        await ExpectAsync(response, HttpStatusCode.OK, $"POST /api/letters/{id}/{action}");
    }

    /// <summary>Whether a public sign-on waits for staff approval before it joins the signatory block.</summary>
    public async Task RequireApprovalAsync(Guid id, bool required)
    {
        var response = await http.PostAsJsonAsync($"/api/letters/{id}/public-sign-on-approval", new { required }, AppProcess.Json);
        await ExpectAsync(response, HttpStatusCode.OK, $"POST /api/letters/{id}/public-sign-on-approval");
    }

    public async Task<LetterDetails> LetterAsync(Guid id) =>
        (await http.GetFromJsonAsync<LetterDetails>($"/api/letters/{id}", AppProcess.Json))!;

    /// <summary>Drafts and opens a letter and returns it with its public sign-on path (only given while open).</summary>
    public async Task<(Guid Id, string PublicPath)> OpenLetterAsync(string title = "Reconsider the withdrawal", string? body = null,
        bool approvalRequired = false)
    {
        var id = body is null ? await DraftAsync(title) : await DraftAsync(title, body);
        await RequireApprovalAsync(id, approvalRequired);
        await LifecycleAsync(id, "open");
        var letter = await LetterAsync(id);
        return (id, letter.PublicSignOnUrl ?? throw new InvalidOperationException("an open letter has a public sign-on link"));
    }

    /// <summary>Signs through the staff API (not the public page) and returns the signature.</summary>
    public Task<SignatoryView> SignAsync(Guid letterId, object signatory) =>
        PostAsync<SignatoryView>($"/api/letters/{letterId}/signatures", signatory, HttpStatusCode.Created);

    /// <summary>Approves a self-submitted (public) signature into the signatory block.</summary>
    public Task<SignatoryView> ApproveAsync(Guid letterId, Guid signatureId) =>
        PostAsync<SignatoryView>($"/api/letters/{letterId}/signatures/{signatureId}/approve", new { });

    /// <summary>Any other staff command: posts the body and reads the answer, failing with the app's problem text.</summary>
    public async Task<T> PostAsync<T>(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.PostAsJsonAsync(path, body, AppProcess.Json);
        await ExpectAsync(response, expected, $"POST {path}");
        return (await response.Content.ReadFromJsonAsync<T>(AppProcess.Json))!;
    }

    /// <summary>A command that creates something and answers 201 with its id (targets, lists, appeals, campaigns).</summary>
    public async Task<Guid> PostForIdAsync(string path, object body) =>
        (await PostAsync<Created>(path, body, HttpStatusCode.Created)).Id;

    public async Task<T> GetAsync<T>(string path) => (await http.GetFromJsonAsync<T>(path, AppProcess.Json))!;

    /// <summary>A page or an export as the app serves it, for checks on its text.</summary>
    public Task<string> TextAsync(string path) => http.GetStringAsync(path);

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
