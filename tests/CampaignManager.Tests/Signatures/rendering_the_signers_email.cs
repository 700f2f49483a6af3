using CampaignManager.Signatures;
using MimeKit;

namespace CampaignManager.Tests.Signatures;

/// <summary>The email a public signer receives on signing speaks the language they signed in, its dates included.</summary>
public class rendering_the_signers_email
{
    private static readonly MailboxAddress From = new("Coalition", "coalition@example.org");
    private static readonly DateTimeOffset ConfirmBy = new(2026, 12, 11, 14, 5, 0, TimeSpan.Zero);

    private static SignerEmailContent Content(string language, bool confirm = true) => new(Guid.NewGuid(), "FIDH",
        "fidh@ngo.example", "Garder le siège", 2, confirm ? "https://example.org/sign/t/confirm/c" : null,
        confirm ? ConfirmBy : null, ApprovalFollows: true, "https://example.org/sign/t/mine/m", DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch, language);

    [Fact]
    public void a_french_signer_reads_the_email_in_french_with_a_french_date()
    {
        var email = SignerEmail.Render(Content("fr"), From);

        email.Subject.ShouldBe("Merci de confirmer votre signature sur « Garder le siège »");
        var text = email.TextBody.ShouldNotBeNull();
        text.ShouldStartWith("Bonjour FIDH,");
        text.ShouldContain("Merci d’avoir signé la version 2 de la lettre « Garder le siège ».");
        text.ShouldContain("avant le vendredi 11 décembre 2026 14:05 UTC");
        text.ShouldContain("Les organisateurs l’examinent ensuite");
        text.ShouldContain("https://example.org/sign/t/confirm/c");
        text.ShouldContain("https://example.org/sign/t/mine/m");
        email.HtmlBody.ShouldNotBeNull().ShouldContain("<html lang=\"fr\" dir=\"ltr\">");
    }

    [Fact]
    public void an_arabic_signer_reads_a_right_to_left_email_with_an_arabic_date()
    {
        var email = SignerEmail.Render(Content("ar"), From);

        email.Subject.ShouldBe("يرجى تأكيد توقيعك على «Garder le siège»");
        email.HtmlBody.ShouldNotBeNull().ShouldContain("<html lang=\"ar\" dir=\"rtl\">");
        email.HtmlBody.ShouldContain("ديسمبر"); // December, named in Arabic
        email.TextBody.ShouldNotBeNull().ShouldContain("عزيزي/عزيزتي FIDH،");
    }

    [Fact]
    public void a_spanish_signer_without_a_confirmation_is_only_given_the_link_to_their_signature()
    {
        var email = SignerEmail.Render(Content("es", confirm: false), From);

        email.Subject.ShouldBe("Su firma en «Garder le siège»");
        var text = email.TextBody.ShouldNotBeNull();
        text.ShouldContain("este segundo enlace muestra su firma");
        text.ShouldNotContain("/confirm/");
    }

    [Fact]
    public void a_language_we_have_no_strings_in_gets_the_english_email_and_a_regional_tag_its_language()
    {
        SignerEmail.Render(Content("de"), From).Subject.ShouldBe("Please confirm your signature on “Garder le siège”");
        var english = SignerEmail.Render(Content("en"), From).TextBody.ShouldNotBeNull();
        english.ShouldContain("before Friday, December 11, 2026 14:05 UTC");
        SignerEmail.Render(Content("fr-CA"), From).Subject.ShouldStartWith("Merci de confirmer");
    }

    [Fact]
    public void the_default_consent_is_worded_in_each_page_language_and_staff_wording_takes_precedence()
    {
        var defaults = new SignOnSettings();
        string In(SignOnSettings s, string language) => s.ConsentFor(System.Globalization.CultureInfo.GetCultureInfo(language)).Text;

        In(defaults, "en").ShouldStartWith("I agree that my name");
        In(defaults, "fr").ShouldStartWith("J’accepte que mon nom");
        In(defaults, "es").ShouldStartWith("Acepto que mi nombre");
        In(defaults, "ar").ShouldStartWith("أوافق على نشر اسمي");

        var configured = new SignOnSettings { ConsentText = "One text for all.", ConsentTexts = { ["fr"] = "Texte de l’organisation." }, ConsentVersion = "3" };
        In(configured, "fr").ShouldBe("Texte de l’organisation.");
        In(configured, "es").ShouldBe("One text for all.");
        configured.ConsentFor(System.Globalization.CultureInfo.GetCultureInfo("ar")).Version.ShouldBe("3");
    }
}
