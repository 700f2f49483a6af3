namespace CampaignManager.Hosting;

/// <summary>
/// What text the app accepts, in one place so every field, form and import applies the same rule.
/// PostgreSQL cannot store NUL (22P05), mail headers break on line breaks, and a bidi override or a name of
/// zero-width characters lets a signer pass for someone else on a printed letter.
/// </summary>
public static class TextRules
{
    /// <summary>An optional field as stored: trimmed, and null when nothing but spaces was typed.</summary>
    public static string? TrimToNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An absolute http(s) link once trimmed: what evidence and explanations may point to (no javascript:, no file:).</summary>
    public static bool IsWebLink(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The reason <paramref name="value"/> is unacceptable, or null when it is fine.</summary>
    /// <param name="multiLine">Bodies, notes, addresses: line breaks and tabs are legitimate there.</param>
    public static string? Problem(string value, bool multiLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return "must not contain a NUL character";
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return "is not valid Unicode text";
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
                return multiLine ? "must not contain control characters other than line breaks and tabs"
                    : "must be a single line without control characters";
            if (!multiLine && IsBidiControl(c)) return "must not contain bidirectional override or isolate characters";
        }
        return null;
    }

    /// <summary>True when something would actually show: not only spaces, zero-width or other invisible characters.</summary>
    public static bool HasVisibleText(string? value)
    {
        if (value is null) return false;
        foreach (var rune in value.EnumerateRunes())
            if (!Rune.IsWhiteSpace(rune) && !IsInvisible(rune)) return true;
        return false;
    }

    /// <summary>Non-blank yet nothing visible: what a spoofed or empty-looking name is made of.</summary>
    public static bool IsInvisibleOnly(string? value) =>
        value is not null && value.Any(c => !char.IsWhiteSpace(c)) && !HasVisibleText(value);

    // Embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069) reorder what follows them.
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
        // fillers that are letters or symbols to Unicode yet draw nothing
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x034F;

    /// <summary>
    /// A name as compared for identity: accents, case and punctuation folded, runs of spaces, hyphens, slashes and
    /// ampersands made one space. "Médecins Sans Frontières" and "medecins sans frontieres" are one signer, and one
    /// organization's name claim.
    /// </summary>
    public static string NameKey(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '/' or '&')
            {
                if (!lastWasSpace) builder.Append(' ');
                lastWasSpace = true;
            }
            // other punctuation (periods, commas, apostrophes) is dropped: "Inc." = "Inc"
        }
        return builder.ToString().TrimEnd();
    }
}
