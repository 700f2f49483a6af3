using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using MimeKit;

namespace CampaignManager.Tests.Appeals;

public class rendering_an_appeal_email
{
    private static readonly MailboxAddress From = new("Coalition Appeals", "appeals@campaignmanager.local");

    /// <summary>Mail for a fresh address: the SMTP server is shared by a collection, and the address keeps each test's mail apart.</summary>
    public static AppealEmailContent ContentTo(out string address)
    {
        address = $"target-{Guid.NewGuid():N}@state.example";
        return Content(address) with { AppealId = Guid.NewGuid(), TargetId = Guid.NewGuid() };
    }

    public static AppealEmailContent Content(string toAddress = "pompeo@state.example", string? cover = "Please find the coalition letter below.") => new(
        AppealId: Guid.Parse("0d3f7c55-1111-4a8e-9a55-6b1c2f2e0001"),
        TargetId: Guid.Parse("6a1e2b3c-2222-4d5e-8f90-123456789abc"),
        ToAddress: toAddress,
        ToName: "Mike Pompeo",
        ToTitle: "Secretary of State",
        ToOrganization: "U.S. Department of State",
        Subject: "Reconsider the withdrawal",
        MarkdownBody: "Dear Secretary,\n\nWe write to **urge** you to reconsider.\n\n- Human rights matter\n- The Council needs the U.S.",
        Closing: "Sincerely,",
        SignatoryLines: ["Amnesty International USA", "Human Rights Watch", "Zeta Coalition"],
        CoverMessage: cover,
        Date: new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    private static (string Text, string Html) Parts(MimeMessage message) =>
        (message.TextBody.ShouldNotBeNull(), message.HtmlBody.ShouldNotBeNull());

    [Fact]
    public void the_email_is_multipart_alternative_with_a_plain_text_and_an_html_part()
    {
        var message = AppealEmail.Render(Content(), From);

        var body = message.Body.ShouldBeOfType<MultipartAlternative>();
        body.OfType<TextPart>().Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        message.Subject.ShouldBe("Reconsider the withdrawal");
        message.To.Mailboxes.Single().Address.ShouldBe("pompeo@state.example");
        message.To.Mailboxes.Single().Name.ShouldBe("Mike Pompeo");
        message.From.Mailboxes.Single().Address.ShouldBe("appeals@campaignmanager.local");
    }

    [Fact]
    public void the_letter_reads_cover_date_addressee_subject_body_closing_signatories_in_that_order()
    {
        var (text, html) = Parts(AppealEmail.Render(Content(), From));

        string[] inOrder = ["Please find the coalition letter below.", "January 5, 2026", "Mike Pompeo", "Secretary of State",
            "U.S. Department of State", "Re: Reconsider the withdrawal", "Dear Secretary,", "Sincerely,",
            "Amnesty International USA", "Human Rights Watch", "Zeta Coalition"];
        foreach (var part in new[] { text, html })
        {
            var positions = inOrder.Select(s => part.IndexOf(s, StringComparison.Ordinal)).ToList();
            positions.ShouldAllBe(p => p >= 0, part);
            positions.ShouldBeInOrder(SortDirection.Ascending, part);
        }
    }

    [Fact]
    public void the_body_markdown_is_rendered_as_html_and_kept_as_markdown_in_plain_text()
    {
        var (text, html) = Parts(AppealEmail.Render(Content(), From));

        html.ShouldContain("<strong>urge</strong>");
        html.ShouldContain("<li>Human rights matter</li>");
        text.ShouldContain("We write to **urge** you to reconsider.");
    }

    [Fact]
    public void the_signatory_block_keeps_the_given_order_one_line_per_entry()
    {
        var (text, html) = Parts(AppealEmail.Render(Content(), From));

        text.ShouldContain("Sincerely,\n\nAmnesty International USA\nHuman Rights Watch\nZeta Coalition\n");
        html.ShouldContain("<p class=\"signatories\">Amnesty International USA<br>\nHuman Rights Watch<br>\nZeta Coalition</p>");
    }

    [Fact]
    public void without_a_cover_message_the_letter_starts_with_the_date()
    {
        var (text, html) = Parts(AppealEmail.Render(Content(cover: null), From));

        text.ShouldStartWith("January 5, 2026\n");
        html.ShouldNotContain("cover-message");
    }

    [Fact]
    public void the_message_id_is_the_same_for_the_same_appeal_and_recipient_and_differs_between_recipients()
    {
        var content = Content();
        var first = AppealEmail.Render(content, From);
        var again = AppealEmail.Render(content, From);
        var otherTarget = AppealEmail.Render(content with { TargetId = Guid.NewGuid() }, From);

        first.MessageId.ShouldBe("appeal-0d3f7c5511114a8e9a556b1c2f2e0001-6a1e2b3c22224d5e8f90123456789abc@campaignmanager.local");
        again.MessageId.ShouldBe(first.MessageId);
        AppealEmail.MessageIdFor(content.AppealId, content.TargetId, From.Address).ShouldBe(first.MessageId);
        otherTarget.MessageId.ShouldNotBe(first.MessageId);
    }

    [Fact]
    public void markup_injected_through_any_field_is_not_live_in_the_html()
    {
        const string script = "<script>alert(1)</script>";
        var content = Content(cover: $"Cover {script}") with
        {
            ToName = $"Name {script}",
            ToTitle = "<img src=x onerror=alert(2)>",
            ToOrganization = $"Org {script}",
            Subject = $"Subject {script}",
            MarkdownBody = $"Body {script}\n\n<iframe src=\"https://evil.example\"></iframe>\n\n[click](javascript:alert(3)) <javascript:alert(4)>",
            Closing = $"Closing {script}",
            SignatoryLines = [$"Signatory {script}"],
        };

        var html = AppealEmail.Render(content, From).HtmlBody.ShouldNotBeNull();

        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("<iframe", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
        // the text is still there for the reader, just inert
        html.ShouldContain("Body &lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("Name &lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("Cover &lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
