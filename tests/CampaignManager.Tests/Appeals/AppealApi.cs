using CampaignManager.Appeals;
using CampaignManager.Tests.Targets;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Appeals;

/// <summary>The calls staff make around an appeal, so tests read as the story they tell.</summary>
public static class AppealApi
{
    public static readonly TimeSpan FanOutPatience = TimeSpan.FromSeconds(60);

    /// <summary>A final letter signed by two organizations and one individual.</summary>
    public static async Task<Guid> FinalLetterAsync(this IAlbaHost host)
    {
        var id = await host.OpenDraftAsync();
        await host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));
        await host.SignAsync(id, LetterApi.Organization("Amnesty International USA"));
        await host.SignAsync(id, LetterApi.Individual("Jane Doe", "Professor", "Columbia University", forIdentificationOnly: true));
        await host.LifecycleAsync(id, "close");
        await host.LifecycleAsync(id, "finalize");
        return id;
    }

    /// <summary>A registered target whose email is unique to this test (the SMTP server outlives the database reset).</summary>
    public static async Task<(Guid Id, string Email)> TargetAsync(this IAlbaHost host, string name)
    {
        var email = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}@mission.example";
        return (await host.RegisterTarget(new { name, title = "Permanent Representative", organization = $"Permanent Mission of {name}", email }), email);
    }

    /// <summary>Sends the appeal and waits until every message the request caused (the deliveries) has been handled.</summary>
    public static async Task<(Guid AppealId, ITrackedSession Tracked)> SendTrackedAsync(this IAlbaHost host, Guid letterId, object body,
        string? idempotencyKey = null)
    {
        IScenarioResult result = null!;
        var tracked = await host.TrackActivity().Timeout(FanOutPatience).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => result = await host.Scenario(x =>
            {
                x.Post.Json(body).ToUrl($"/api/letters/{letterId}/appeals");
                if (idempotencyKey is not null) x.WithRequestHeader(CampaignManager.Appeals.AppealRequestKey.Header, idempotencyKey);
                x.StatusCodeShouldBe(201);
            })));
        var id = result.ReadAsJson<IdBody>()!.Id;
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/appeals/{id}");
        return (id, tracked);
    }

    public static async Task<AppealDetails> AppealAsync(this IAlbaHost host, Guid id) =>
        (await host.GetAsJson<AppealDetails>($"/api/appeals/{id}"))!;

    public static Task<IScenarioResult> RecipientAsync(this IAlbaHost host, Guid appealId, Guid targetId, string action, object body, int expected) =>
        host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl($"/api/appeals/{appealId}/recipients/{targetId}/{action}");
            x.StatusCodeShouldBe(expected);
        });
}
