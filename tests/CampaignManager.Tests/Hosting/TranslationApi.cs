namespace CampaignManager.Tests.Hosting;

/// <summary>The translation calls staff make, beside <see cref="LetterApi"/>.</summary>
public static class TranslationApi
{
    public static Task<IScenarioResult> TranslateAsync(this IAlbaHost host, Guid id, string language, int expected = 200,
        string? body = null, int? sourceVersion = null) =>
        host.Scenario(x =>
        {
            x.Post.Json(new
            {
                language, title = $"Reconsider the withdrawal ({language})", subject = $"Membership ({language})",
                body = body ?? $"The text in {language}.", closing = "", sourceVersion
            }).ToUrl($"/api/letters/{id}/translations");
            x.StatusCodeShouldBe(expected);
        });

    public static Task<IScenarioResult> ReviseTranslationAsync(this IAlbaHost host, Guid id, string language, object revision,
        int expected = 200) =>
        host.Scenario(x =>
        {
            x.Post.Json(revision).ToUrl($"/api/letters/{id}/translations/{language}/revisions");
            x.StatusCodeShouldBe(expected);
        });
}
