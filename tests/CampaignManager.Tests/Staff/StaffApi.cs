using CampaignManager.Staff;
using Microsoft.AspNetCore.Http;

namespace CampaignManager.Tests.Staff;

/// <summary>Account management as an admin, and a browser's cookie jar for the sign-in tests.</summary>
public static partial class StaffApi
{
    public static Scenario AsAdmin(this Scenario x)
    {
        x.WithRequestHeader(TestStaffAuthentication.Header, "test.admin");
        x.WithRequestHeader(TestStaffAuthentication.RoleHeader, "admin");
        return x;
    }

    public static Scenario AsAnonymous(this Scenario x)
    {
        x.WithRequestHeader(TestStaffAuthentication.Header, TestStaffAuthentication.Anonymous);
        return x;
    }

    public static Scenario WithBearer(this Scenario x, string token)
    {
        x.WithRequestHeader("Authorization", $"Bearer {token}");
        return x;
    }

    public static Scenario WithCookies(this Scenario x, CookieJar jar)
    {
        x.WithRequestHeader("Cookie", jar.Header);
        return x;
    }

    public static async Task<Guid> CreateAccountAsync(this IAlbaHost host, string login, string role, string? password = null)
    {
        var result = await host.Scenario(x =>
        {
            x.AsAdmin().Post.Json(new { login, role, password }).ToUrl("/api/staff/accounts");
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<NewStaffAccountResponse>())!.Id;
    }

    public static async Task<NewApiTokenResponse> IssueTokenAsync(this IAlbaHost host, Guid accountId, DateTimeOffset? expiresAt = null)
    {
        var result = await host.Scenario(x =>
        {
            x.AsAdmin().Post.Json(new { name = "integration", expiresAt }).ToUrl($"/api/staff/accounts/{accountId}/tokens");
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<NewApiTokenResponse>())!;
    }

    /// <summary>Signs in through the real /signin form (antiforgery token and all); the jar then holds the staff cookie.</summary>
    public static async Task<(int Status, CookieJar Jar)> SignInAsync(this IAlbaHost host, string login, string password,
        System.Net.IPAddress? client = null)
    {
        var jar = new CookieJar();
        var form = await host.Scenario(x => x.AsAnonymous().Get.Url("/signin"));
        jar.Absorb(form.Context.Response);
        var token = FormToken(await form.ReadAsTextAsync());
        var posted = await host.Scenario(x =>
        {
            x.AsAnonymous().WithCookies(jar);
            if (client is not null) x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
            x.Post.FormData(new() { ["Login"] = login, ["Password"] = password, ["__RequestVerificationToken"] = token }).ToUrl("/signin");
            x.IgnoreStatusCode();
        });
        jar.Absorb(posted.Context.Response);
        return (posted.Context.Response.StatusCode, jar);
    }

    public static string FormToken(string html) => FormTokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("no antiforgery field in the page");

    public static string MetaToken(string html) => MetaTokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("no request-verification-token meta tag in the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaTokenPattern();
}

/// <summary>The cookies a browser would keep between requests (Alba's scenarios keep none).</summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new();

    public bool Has(string name) => _cookies.ContainsKey(name);

    public string Header => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public void Absorb(HttpResponse response)
    {
        foreach (var line in response.Headers.SetCookie)
        {
            var pair = line!.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            var expired = line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (expired || value.Length == 0) _cookies.Remove(name);
            else _cookies[name] = value;
        }
    }
}
