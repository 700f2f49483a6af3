namespace CampaignManager.Tests.Signatures;

/// <summary>
/// The public page as a browser without JavaScript uses it: GET the form, POST it back with its antiforgery token. A
/// sign-on ticks the consent box unless the test gives <c>Form.Consent</c>.
/// </summary>
public static partial class PublicForm
{
    public static async Task<string> SubmitAsync(this IAlbaHost host, string link, params (string Key, string Value)[] fields) =>
        await (await host.PostFormAsync(link, 200, null, fields)).ReadAsTextAsync();

    /// <summary>Posts the form as the client at <paramref name="client"/> and expects <paramref name="status"/> (null: any).</summary>
    public static async Task<IScenarioResult> PostFormAsync(this IAlbaHost host, string link, int? status, IPAddress? client,
        params (string Key, string Value)[] fields)
    {
        var form = await host.Scenario(x => x.Get.Url(link));
        var html = await form.ReadAsTextAsync();
        var token = TokenField().Match(html).Groups[1].Value;
        var cookie = string.Join("; ", form.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));

        var values = fields.ToDictionary(f => f.Key, f => f.Value);
        // a person signing ticks the consent box; a test about consent says Form.Consent itself
        if (values.ContainsKey("Form.Name")) values.TryAdd("Form.Consent", "true");
        values["__RequestVerificationToken"] = token;
        return await host.Scenario(x =>
        {
            // a browser posts the form back to the address it read it at, query string (a partner's ?via=) included
            var (path, query) = link.IndexOf('?') is var q and >= 0 ? (link[..q], link[(q + 1)..]) : (link, "");
            var post = x.Post.FormData(values).ToUrl(path);
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)))
                post.QueryString(Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair.ElementAtOrDefault(1) ?? ""));
            x.WithRequestHeader("Cookie", cookie);
            if (client is not null) x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
            if (status is { } expected) x.StatusCodeShouldBe(expected);
            else x.IgnoreStatusCode();
        });
    }

    /// <summary>
    /// GETs the page at <paramref name="link"/> and posts its form to <paramref name="link"/>'s named handler;
    /// <paramref name="meanwhile"/> happens between the two, as while the visitor reads the page. A null
    /// <paramref name="status"/> accepts any answer (a race decides it).
    /// </summary>
    public static async Task<string> SubmitToAsync(this IAlbaHost host, string link, string handler, int? status = 200,
        Func<Task>? meanwhile = null)
    {
        var form = await host.Scenario(x => x.Get.Url(link));
        var token = TokenField().Match(await form.ReadAsTextAsync()).Groups[1].Value;
        if (meanwhile is not null) await meanwhile();
        var cookie = string.Join("; ", form.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        var result = await host.Scenario(x =>
        {
            x.Post.FormData(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }).ToUrl(link).QueryString("handler", handler);
            x.WithRequestHeader("Cookie", cookie);
            if (status is { } expected) x.StatusCodeShouldBe(expected);
            else x.IgnoreStatusCode();
        });
        return await result.ReadAsTextAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
