using CampaignManager.Signatures;
using MimeKit;

namespace CampaignManager.Tests.Signatures;

/// <summary>The public page and the re-confirmation email in the signer's language, right-to-left for Arabic.</summary>
[Collection(IntegrationCollection.Name)]
public class speaking_the_signers_language(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(Guid Letter, string Token)> TranslatedAsync(params string[] languages)
    {
        var letter = await Host.OpenDraftAsync();
        foreach (var language in languages) await Host.TranslateAsync(letter, language, body: $"Body in {language}.");
        return (letter, (await Host.LetterAsync(letter)).PublicSignOnUrl!.Split('/').Last());
    }

    private async Task<string> PageAsync(string url, string? acceptLanguage = null) =>
        await (await Host.Scenario(x =>
        {
            x.Get.Url(url);
            if (acceptLanguage is not null) x.WithRequestHeader("Accept-Language", acceptLanguage);
        })).ReadAsTextAsync();

    [Fact]
    public async Task the_public_page_in_arabic_is_laid_out_right_to_left_with_arabic_strings()
    {
        var (_, token) = await TranslatedAsync("fr", "ar");
        var page = await PageAsync($"/sign/{token}?lang=ar");

        page.ShouldContain("<html lang=\"ar\" dir=\"rtl\">");
        page.ShouldContain("Body in ar.");
        page.ShouldContain("أضف اسمك"); // "Add your name"
        page.ShouldContain("وقّع النسخة 1"); // "Sign version 1"
        page.ShouldContain("name=\"Form.Language\" value=\"ar\"");
    }

    [Fact]
    public async Task the_browser_language_picks_among_the_letters_languages_and_lang_overrides_it()
    {
        var (_, token) = await TranslatedAsync("fr", "es");

        var french = await PageAsync($"/sign/{token}", "fr-CH, fr;q=0.9, en;q=0.5");
        french.ShouldContain("<html lang=\"fr\" dir=\"ltr\">");
        french.ShouldContain("Body in fr.");
        french.ShouldContain("Ajoutez votre nom");

        var spanish = await PageAsync($"/sign/{token}?lang=es", "fr");
        spanish.ShouldContain("Body in es.");
        spanish.ShouldContain("Añada su nombre");

        // a browser language the letter has no text in shows the source, in English
        var german = await PageAsync($"/sign/{token}", "de");
        german.ShouldContain("<html lang=\"en\" dir=\"ltr\">");
        german.ShouldContain("Add your name");
    }

    [Fact]
    public async Task an_english_only_letter_stays_english_for_a_french_browser_and_staff_pages_stay_english()
    {
        var (letter, token) = await TranslatedAsync();
        (await PageAsync($"/sign/{token}", "fr")).ShouldContain("Add your name");
        var staff = await PageAsync($"/letters/{letter}", "fr");
        staff.ShouldContain(">Letters</a>");
        staff.ShouldContain(">Sign out</button>");
    }

    [Fact]
    public async Task a_french_form_sent_without_a_name_or_consent_says_what_is_missing_in_french()
    {
        var (_, token) = await TranslatedAsync("fr");
        var page = await Host.SubmitAsync($"/sign/{token}", ("Form.Kind", "individual"), ("Form.Name", ""),
            ("Form.Language", "fr"), ("Form.Consent", "false"));

        page.ShouldContain("<span id=\"name-error\" class=\"error\">est obligatoire</span>");
        page.ShouldContain("<span id=\"consent-error\" class=\"error\">est obligatoire : cochez la case pour accepter");
        page.ShouldContain(System.Text.Encodings.Web.HtmlEncoder.Default.Encode("J’accepte que mon nom")); // the consent in French, as it would be recorded
    }

    [Fact]
    public async Task a_signer_of_the_arabic_text_agrees_to_the_arabic_consent_and_it_is_recorded_word_for_word()
    {
        var (letter, token) = await TranslatedAsync("ar");
        await Host.SetPolicyAsync(letter, confirmedEmail: false, staffApproval: false);
        var arabic = new SignOnSettings().ConsentFor(System.Globalization.CultureInfo.GetCultureInfo("ar"));
        (await PageAsync($"/sign/{token}?lang=ar")).ShouldContain(
            $"<p id=\"consent-text\">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(arabic.Text)}</p>");

        await Host.SubmitAsync($"/sign/{token}", ("Form.Kind", "individual"), ("Form.Name", "Amal Clooney"), ("Form.Language", "ar"));

        var signed = (await Host.LetterAsync(letter)).Signatories.ShouldHaveSingleItem();
        (signed.Language, signed.Consent!.Text, signed.Consent.Version).ShouldBe(("ar", arabic.Text, arabic.Version));
        signed.Consent.Text.ShouldStartWith("أوافق على نشر اسمي");
    }

    [Fact]
    public void the_reconfirmation_email_speaks_the_language_of_the_text_signed()
    {
        var content = new ReconfirmationEmailContent(Guid.NewGuid(), "FIDH", "fidh@ngo.example", "Garder le siège", 1, 2,
            "https://example.org/sign/t/s", false, DateTimeOffset.UnixEpoch, "fr");
        var french = ReconfirmationEmail.Render(content, new MailboxAddress("Coalition", "coalition@example.org"));
        french.Subject.ShouldBe("Merci de confirmer à nouveau votre signature sur « Garder le siège »");
        french.TextBody.ShouldNotBeNull().ShouldContain("Vous avez signé la version 1");
        french.TextBody.ShouldContain("elle en est à la version 2");

        var arabic = ReconfirmationEmail.Render(content with { Language = "ar", Reminder = true }, new MailboxAddress("Coalition", "coalition@example.org"));
        arabic.HtmlBody.ShouldNotBeNull().ShouldContain("<html lang=\"ar\" dir=\"rtl\">");
        arabic.Subject.ShouldStartWith("تذكير");

        ReconfirmationEmail.Render(content with { Language = "de" }, new MailboxAddress("C", "c@example.org"))
            .Subject.ShouldBe("Please re-confirm your signature on “Garder le siège”");
    }
}
