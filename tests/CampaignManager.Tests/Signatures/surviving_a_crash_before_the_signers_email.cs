using System.Text.RegularExpressions;
using CampaignManager.Partners;
using CampaignManager.Signatures;
using CampaignManager.Tests.Appeals;

namespace CampaignManager.Tests.Signatures;

[CollectionDefinition(Name)]
public class SignerEmailCrashCollection
{
    public const string Name = "signer-email-crash";
}

/// <summary>
/// Issue #20: the sign-on commits, and the app dies before the signer's confirmation email is settled (the relay holds
/// its answer, so the app never learns it was taken). The built app runs as its own process over its own database and
/// SMTP server; started again, it sends the email from its durable inbox, and the link in it confirms the signature.
/// </summary>
[Collection(SignerEmailCrashCollection.Name)]
public partial class surviving_a_crash_before_the_signers_email : RestartedApp
{

    [Fact]
    public async Task a_sign_on_whose_email_was_cut_off_by_a_crash_is_emailed_after_the_restart_and_confirms()
    {
        var database = await TestDatabase.CreateDatabaseAsync("cmsignercrash");
        var first = await StartAppAsync(database);
        using var http = first.Client();
        var letter = await PostForIdAsync(http, "/api/letters", new { title = "Stay on the Council", subject = "UN Human Rights Council", body = "We urge you.", closing = "" });
        (await http.PostAsJsonAsync($"/api/letters/{letter}/verification-policy", new { confirmedEmail = true, staffApproval = false })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/letters/{letter}/open", new { })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/letters/{letter}/partners", new { name = "FIDH", allowedOrigins = new[] { "https://www.fidh.org" } })).EnsureSuccessStatusCode();
        var form = (await http.GetFromJsonAsync<SignOnPartnerTally>($"/api/letters/{letter}/partners", AppProcess.Json))!.Partners.Single().FormAction!;

        var email = $"amina-{Guid.NewGuid():N}@example.org";
        Smtp.HoldReplyAfterAccepting(email);
        using (var post = new HttpRequestMessage(HttpMethod.Post, new Uri(form).PathAndQuery) { Content = JsonContent.Create(new { kind = "individual", name = "Amina Diallo", email, consent = true }) })
        {
            post.Headers.Add("Origin", "https://www.fidh.org");
            (await http.SendAsync(post)).EnsureSuccessStatusCode();
        }
        await Eventually.UntilAsync(() => Task.FromResult(Smtp.MessagesTo(email).Count), n => n == 1, TimeSpan.FromSeconds(60),
            "the relay to have the signer's email", TimeSpan.FromMilliseconds(20));
        first.Kill();
        Smtp.ReleaseReplies();

        var second = await StartAppAsync(database);
        using var again = second.Client();
        await Eventually.UntilAsync(() => Task.FromResult(Smtp.MessagesTo(email).Count), n => n >= 2, TimeSpan.FromSeconds(60),
            "the email sent again from the durable inbox after the restart");
        var details = (await again.GetFromJsonAsync<LetterDetails>($"/api/letters/{letter}", AppProcess.Json))!;
        details.Counts.AwaitingEmailConfirmation.ShouldBe(1, "the sign-on committed before the crash");

        // the newest email's link confirms it, through the page as a browser would post it
        var link = new Uri(ConfirmLink().Match(Smtp.MessagesTo(email).Last().Message.TextBody!).Value).AbsolutePath;
        var page = await again.GetStringAsync(link);
        var token = TokenField().Match(page).Groups[1].Value;
        (await again.PostAsync(link + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
            .EnsureSuccessStatusCode();
        details = (await again.GetFromJsonAsync<LetterDetails>($"/api/letters/{letter}", AppProcess.Json))!;
        (details.Counts.Signatories, details.Counts.AwaitingEmailConfirmation).ShouldBe((1, 0));
    }


    [GeneratedRegex(@"http://\S+/sign/\S+/confirm/[0-9a-f]{64}")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
