using CampaignManager.Targets;

namespace CampaignManager.Tests.Targets;

/// <summary>Given events, when a command is decided, then these events: no database, no mocks.</summary>
public class target_decisions
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid TargetId = Guid.NewGuid();

    private static TargetRegistered Registered(string name = "Mike Pompeo", string? email = "secretary@state.gov") =>
        new(TargetId, name, "Secretary of State", "U.S. Department of State", email, "2201 C St NW", "United States",
            ["us", "executive"], "staff", At);

    [Fact]
    public void registering_normalizes_the_contact_details()
    {
        var command = new RegisterTarget("  Mike Pompeo ", " ", "U.S. Department of State", " Secretary@State.GOV ", null,
            "United States", ["US", " us ", "Executive", ""]);

        var e = RegisterTargetEndpoint.Decide(TargetId, command.Contact(), "staff", At);

        e.Name.ShouldBe("Mike Pompeo");
        e.Title.ShouldBeNull();
        e.Email.ShouldBe("secretary@state.gov");
        e.Tags.ShouldBe(["us", "executive"]);
        (e.By, e.At).ShouldBe(("staff", At));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a b@example.org")]
    [InlineData("Someone <someone@example.org>")]
    [InlineData("someone@localhost")]
    public void an_invalid_email_is_a_field_error(string email)
    {
        var errors = new RegisterTarget("Name", null, null, email, null, null, null).Check(new FieldErrors()).ToDictionary();
        errors.Keys.ShouldBe(["email"]);
    }

    [Fact]
    public void a_missing_name_and_overlong_fields_are_field_errors()
    {
        var errors = new RegisterTarget(" ", new string('t', 301), null, null, null, new string('c', 101), null)
            .Check(new FieldErrors()).ToDictionary();
        errors.Keys.ShouldBe(["name", "title", "country"], ignoreOrder: true);
    }

    [Fact]
    public void correcting_details_records_which_fields_changed()
    {
        var target = Target.Fold([Registered()])!;
        var corrected = TargetContact.Normalize("Antony Blinken", "Secretary of State", "U.S. Department of State",
            "secretary@state.gov", "2201 C St NW", "United States", ["executive", "us"]);

        var e = CorrectTargetDetailsEndpoint.Decide(target, corrected, "staff", At).Single().ShouldBeOfType<TargetDetailsCorrected>();

        e.Changed.ShouldBe(["name"]);
        e.Name.ShouldBe("Antony Blinken");
    }

    [Fact]
    public void correcting_details_to_what_they_already_are_records_nothing()
    {
        var target = Target.Fold([Registered()])!;
        var same = target.Contact with { Tags = ["executive", "us"] };

        CorrectTargetDetailsEndpoint.Decide(target, same, "staff", At).ShouldBeEmpty();
    }

    [Fact]
    public void a_correction_folds_into_the_target()
    {
        var corrected = new TargetDetailsCorrected(TargetId, "New Name", null, null, "new@state.gov", null, null, [], ["name"], "staff", At);
        var target = Target.Fold([Registered(), corrected])!;
        target.Contact.Name.ShouldBe("New Name");
        target.Version.ShouldBe(2);
    }
}
