namespace CampaignManager.Tests.Targets;

/// <summary>A host and database of their own, so the targets tests run in parallel with the others.</summary>
[CollectionDefinition(Name)]
public class TargetsCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "targets";
}

public record IdBody(Guid Id);
public record ValidationProblem(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);

internal static class TargetRequests
{
    public static async Task<Guid> RegisterTarget(this IAlbaHost host, object body)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl("/api/targets");
            x.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<IdBody>()!.Id;
    }

    public static async Task<Guid> CreateTargetList(this IAlbaHost host, string name, params Guid[] targetIds)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { name, targetIds }).ToUrl("/api/target-lists");
            x.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<IdBody>()!.Id;
    }

    /// <summary>A raw body with the given content type, as a browser or curl would send a file.</summary>
    public static void PostBody(this Scenario x, string url, string contentType, byte[] body)
    {
        x.Post.Url(url);
        x.ConfigureHttpContext(c =>
        {
            c.Request.ContentType = contentType;
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
        });
    }
}
