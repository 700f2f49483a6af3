using System.Text.Json.Serialization;

namespace CampaignManager.Hosting;

/// <summary>
/// Dates the app can meaningfully hold. Year 0001 or 9999 parses fine yet is always a typo or a probe, and at the
/// edges it overflows arithmetic (a deadline plus a time zone) into a 500; the campaigns here run from 1900 on.
/// Applied by the JSON options every command is read with, so every date field gets the rule and names itself.
/// </summary>
public static class SaneDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static void AddTo(JsonSerializerOptions options)
    {
        if (options.Converters.OfType<DateOnlyConverter>().Any()) return;
        options.Converters.Add(new DateOnlyConverter());
        options.Converters.Add(new DateTimeOffsetConverter());
    }

    private static T Check<T>(T value, DateOnly date) =>
        date < Earliest || date > Latest
            ? throw new JsonFieldException($"must be a date between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}")
            : value;

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var date))
                throw new JsonFieldException("must be a date written yyyy-MM-dd");
            return Check(date, date);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
                throw new JsonFieldException("must be an ISO 8601 date and time, e.g. 2030-06-30T00:00:00Z");
            return Check(value, DateOnly.FromDateTime(value.UtcDateTime));
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
