using CampaignManager.Campaigns;
using CampaignManager.Signatures;
using Microsoft.AspNetCore.Http;

namespace CampaignManager.Tests.Hosting;

/// <summary>The one rule every "as of" fold uses, and the reading of <c>?asOf=</c>. Pure: no database.</summary>
public class telling_when_things_happened
{
    private static readonly DateTimeOffset TypedIn = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void an_event_with_a_day_of_its_own_happened_at_the_start_of_that_day_and_any_other_when_it_was_recorded()
    {
        var position = new TargetPositionRecorded(Guid.NewGuid(), Guid.NewGuid(), TargetPosition.Opposes, new DateOnly(2014, 12, 21), null, "staff", TypedIn);
        Happened.At(position, position.At).ShouldBe(new DateTimeOffset(2014, 12, 21, 0, 0, 0, TimeSpan.Zero));
        Happened.By(position, position.At, new DateTimeOffset(2014, 12, 21, 0, 0, 0, TimeSpan.Zero)).ShouldBeTrue("as of a day includes what happened on it");

        var attached = new LetterAttachedToCampaign(Guid.NewGuid(), Guid.NewGuid(), "staff", TypedIn);
        Happened.At(attached, attached.At).ShouldBe(TypedIn);

        var launchedToday = new CampaignLaunched(Guid.NewGuid(), "n", "g", "v", null, "staff", TypedIn);
        Happened.At(launchedToday, launchedToday.At).ShouldBe(TypedIn, "without beganOn a launch happened when it was recorded");
        var signedToday = new SignatureAdded(Guid.NewGuid(), Guid.NewGuid(), SignatoryKind.Organization, "n", null, null, false, null, 1, "staff", TypedIn);
        Happened.At(signedToday, signedToday.At).ShouldBe(TypedIn);
        Happened.At(signedToday with { SignedOn = new DateOnly(2025, 12, 24) }, TypedIn).ShouldBe(new DateTimeOffset(2025, 12, 24, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void the_day_of_an_event_is_not_written_into_its_json_a_second_time() =>
        System.Text.Json.JsonSerializer.Serialize(
                new TargetPositionRecorded(Guid.NewGuid(), Guid.NewGuid(), TargetPosition.Opposes, new DateOnly(2014, 12, 21), null, "staff", TypedIn))
            .ShouldNotContain("\"On\"");

    [Theory]
    [InlineData("2014-12-21", "2014-12-21T00:00:00+00:00")]
    [InlineData("2014-12-21T18:30", "2014-12-21T18:30:00+00:00")]
    [InlineData("2014-12-21T18:30:00+09:00", "2014-12-21T09:30:00+00:00")]
    public void a_readable_as_of_is_a_moment_in_utc_unless_it_names_an_offset(string raw, string expected) =>
        AsOfQuery.Read(raw).Moment!.Value.ToUniversalTime().ShouldBe(DateTimeOffset.Parse(expected));

    [Theory]
    [InlineData("yesterday-ish")]
    [InlineData("2014-12-32")]
    [InlineData("1066-10-14")]
    public void an_unreadable_or_implausible_as_of_is_a_field_error_on_as_of(string raw) =>
        AsOfQuery.Read(raw).Problem.ShouldBeOfType<HttpValidationProblemDetails>().Errors.Keys.ShouldBe(["asOf"]);

    [Fact]
    public void no_as_of_is_the_present() => AsOfQuery.Read(" ").ShouldBe(new AsOfQuery(null, null));
}
