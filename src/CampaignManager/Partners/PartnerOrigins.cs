namespace CampaignManager.Partners;

/// <summary>What a partner's site must look like to be allowed to post the embedded form.</summary>
public static class PartnerOrigins
{
    public const int Max = 10;

    /// <summary>
    /// An origin as browsers send it: scheme, host and port, no path. https only, but for this machine's own names
    /// (a partner testing a page locally); a browser's Origin header never carries a path or a trailing slash.
    /// </summary>
    public static FieldErrors Check(this FieldErrors errors, IReadOnlyList<string>? origins)
    {
        if (origins is null || origins.Count == 0) return errors.Add("allowedOrigins", "give at least one site, such as https://partner.example");
        if (origins.Count > Max) return errors.Add("allowedOrigins", $"at most {Max} sites");
        foreach (var origin in origins)
            if (Normalize(origin) is null)
                errors.Add("allowedOrigins", $"'{origin}' is not a site origin such as https://partner.example (https, no path)");
        return errors;
    }

    public static string? Normalize(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)) return null;
        var local = uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(local && uri.Scheme == Uri.UriSchemeHttp)) return null;
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0) return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
