using Microsoft.AspNetCore.Localization;

namespace CampaignManager.Hosting;

/// <summary>
/// What language the pages and emails speak. ASP.NET Core request localization chooses each request's UI culture
/// (the strings, from .resx files beside the page or email they belong to) from an explicit <c>?lang=</c>, then the
/// browser's Accept-Language, among the languages we have strings for. Only the UI culture moves: the request's
/// formatting culture stays the invariant one the app fixes at start-up (<see cref="Collation.UseInvariantCulture"/>),
/// so numbers, dates and culture-sensitive comparisons do not change with a visitor's browser.
/// The public sign-on page then settles on one of the letter's own languages (Signatures/PublicSignOn.Language.cs).
/// </summary>
public static class Localization
{
    /// <summary>The languages the public page and the signer emails have strings in; staff pages speak English.</summary>
    public static readonly string[] Supported = ["en", "fr", "es", "ar"];

    public const string QueryKey = "lang";

    public static IServiceCollection AddCampaignManagerLocalization(this IServiceCollection services)
    {
        // no ResourcesPath: a page's strings sit beside it (Signatures/PublicSignOnText.fr.resx), as slices keep their files
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en"));
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = [.. Supported.Select(CultureInfo.GetCultureInfo)];
            o.FallBackToParentUICultures = true; // "fr-CH" speaks French
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new AcceptLanguageHeaderRequestCultureProvider()
            ];
        });
        return services;
    }

    /// <summary>The supported UI culture for <paramref name="language"/> ("fr-CA" → fr), or English when we have no strings in it.</summary>
    public static CultureInfo UiCultureFor(string? language)
    {
        for (var culture = language is null ? null : CultureInfo.GetCultureInfo(language); culture is { Name.Length: > 0 }; culture = culture.Parent)
            if (Supported.Contains(culture.Name, StringComparer.OrdinalIgnoreCase)) return CultureInfo.GetCultureInfo(culture.Name);
        return CultureInfo.GetCultureInfo("en");
    }

    /// <summary>Runs <paramref name="render"/> with <paramref name="culture"/> as the UI culture: for emails, rendered outside any request.</summary>
    public static T In<T>(CultureInfo culture, Func<T> render)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try { return render(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    /// <summary>
    /// A moment as a signer reads it in <paramref name="culture"/>: the long date and the 24-hour time, in UTC, which
    /// the page or email says. Formatted with that culture explicitly, as the app's own culture is the invariant one.
    /// </summary>
    public static string Moment(DateTimeOffset at, CultureInfo culture)
    {
        var utc = at.ToUniversalTime();
        return $"{utc.ToString("D", culture)} {utc.ToString("HH:mm", culture)} UTC";
    }
}
