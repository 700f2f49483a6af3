using System.Globalization;
using CampaignManager.Hosting;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

/// <summary>The public form's field errors, which the rules write in the API's English, said in the page's language.</summary>
public class localizing_the_public_form_errors
{
    private static readonly string[] Known =
    [
        "is required", "must contain visible characters", "must be a single line without control characters",
        "must not contain bidirectional override or isolate characters", "must not contain a NUL character",
        "is not valid Unicode text", "is for individuals; an organization signs in its own name", "needs an affiliation",
        "is for individuals; an organization files under its own name",
        "must be one or more whole words of the name, e.g. \"Ojea Quintana\" in \"Tomás Ojea Quintana\"",
        "is not a valid email address", PublicSigning.ConsentNeeded, Signing.EmailNeeded, "must be at most 300 characters"
    ];

    private static string In(string language, string message) =>
        Localization.In(CultureInfo.GetCultureInfo(language), () => PublicFormErrors.Localize(message));

    [Fact]
    public void every_message_the_form_can_show_reads_as_written_in_english_and_translated_in_french_spanish_and_arabic()
    {
        foreach (var message in Known)
        {
            In("en", message).ShouldBe(message);
            foreach (var language in new[] { "fr", "es", "ar" })
                In(language, message).ShouldNotBe(message, $"{message} in {language}");
        }
    }

    [Fact]
    public void a_length_limit_keeps_its_number_and_an_unknown_message_stays_as_the_rules_wrote_it()
    {
        In("fr", "must be at most 300 characters").ShouldBe("doit compter au plus 300 caractères");
        In("ar", "is required").ShouldBe("مطلوب");
        In("es", "something new").ShouldBe("something new");
    }
}
