namespace CampaignManager.Hosting;

/// <summary>
/// The <c>?asOf=</c> every past view takes, read here rather than bound as a <see cref="DateTimeOffset"/>: a value the
/// binder cannot read would quietly become null, and "as of yesterday-ish" would answer with the current state as if
/// it were the past one. An unreadable or out-of-range value is a 400 naming the field instead.
/// </summary>
public record AsOfQuery(DateTimeOffset? Moment, ProblemDetails? Problem)
{
    public const string Field = "asOf";
    public const string Hint = "must be a date or a date and time, e.g. 2014-12-21 or 2014-12-21T18:00:00Z (UTC unless an offset is given)";

    public static AsOfQuery Read(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return new(null, null);
        // a bare date or a date-time input's local wall time carries no offset; the pages state that times are UTC
        return DateTimeOffset.TryParse(raw.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
               && DateOnly.FromDateTime(moment.UtcDateTime) is var day && day >= SaneDates.Earliest && day <= SaneDates.Latest
            ? new(moment, null)
            : new(null, Problems.Validation(new FieldErrors().Add(Field, Hint)));
    }
}
