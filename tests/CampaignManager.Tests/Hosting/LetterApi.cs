using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Hosting;

/// <summary>The HTTP calls staff make, so tests read as the story they tell.</summary>
public static class LetterApi
{
    public record Created(Guid Id);

    public static async Task<Guid> DraftAsync(this IAlbaHost host, string title = "Reconsider the withdrawal",
        string body = "Dear Secretary Pompeo,\n\nWe urge the United States to stay engaged.")
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new
            {
                title, subject = "U.S. membership of the UN Human Rights Council", body, closing = "Sincerely,",
                addressees = new[] { new { name = "The Honorable Mike Pompeo", title = "Secretary of State", organization = "U.S. Department of State" } }
            }).ToUrl("/api/letters");
            x.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return result.ReadAsJson<Created>()!.Id;
    }

    public static Task<IScenarioResult> LifecycleAsync(this IAlbaHost host, Guid id, string action, int expected = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(new { }).ToUrl($"/api/letters/{id}/{action}");
            x.StatusCodeShouldBe(expected);
        });

    public static async Task<Guid> OpenDraftAsync(this IAlbaHost host)
    {
        var id = await host.DraftAsync();
        await host.LifecycleAsync(id, "open");
        return id;
    }

    /// <summary>Signs and returns the signature, or null when the expected answer is a problem.</summary>
    public static async Task<SignatoryView> SignAsync(this IAlbaHost host, Guid letterId, object signatory, int expected = 201)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(signatory).ToUrl($"/api/letters/{letterId}/signatures");
            x.StatusCodeShouldBe(expected);
        });
        return expected < 300 ? result.ReadAsJson<SignatoryView>()! : null!;
    }

    public static object Organization(string name, string? email = null) => new { kind = "organization", name, email };

    public static object Individual(string name, string? title, string? affiliation, bool forIdentificationOnly = false,
        string? email = null) =>
        new { kind = "individual", name, title, affiliation, affiliationForIdentificationOnly = forIdentificationOnly, email };

    public static async Task<LetterDetails> LetterAsync(this IAlbaHost host, Guid id, string query = "") =>
        (await host.GetAsJson<LetterDetails>($"/api/letters/{id}{query}"))!;

    /// <summary>The whole block, walked a page at a time through /signatories as a client would.</summary>
    public static async Task<List<SignatoryView>> BlockAsync(this IAlbaHost host, Guid id, int limit = 100)
    {
        var block = new List<SignatoryView>();
        string? after = null;
        do
        {
            var page = (await host.GetAsJson<SignatoryPage>(
                $"/api/letters/{id}/signatories?limit={limit}{(after is null ? "" : $"&after={after}")}"))!;
            block.AddRange(page.Signatories);
            after = page.Next;
        } while (after is not null);
        return block;
    }

    public static Task<IScenarioResult> ReviseAsync(this IAlbaHost host, Guid id, object revision, int expected = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(revision).ToUrl($"/api/letters/{id}/revisions");
            x.StatusCodeShouldBe(expected);
        });
}
