using System.IO.Compression;
using System.Security.Cryptography;
using CampaignManager.Appeals;
using MimeKit;
using PdfSharp.Pdf.IO;

namespace CampaignManager.Tests.Appeals;

[Collection(AppealsCollection.Name)]
public class proving_a_delivery(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;

    private static async Task<Dictionary<string, byte[]>> UnzipAsync(IScenarioResult result)
    {
        var zip = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(zip);
        zip.Position = 0;
        using var archive = new ZipArchive(zip);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var content = new MemoryStream();
            e.Open().CopyTo(content);
            return content.ToArray();
        });
    }

    [Fact]
    public async Task a_recipients_evidence_holds_the_message_the_relay_accepted_its_hash_the_relays_reply_and_the_letter_as_a_pdf()
    {
        var letter = await Host.FinalLetterAsync();
        var (peru, peruEmail) = await Host.TargetAsync("Peru");
        var (appealId, _) = await Host.SendTrackedAsync(letter, new { targetIds = new[] { peru }, channel = "email", coverMessage = "Our joint letter." });
        var received = Smtp.MessagesTo(peruEmail).ShouldHaveSingleItem().Message;

        var response = await Host.Scenario(x => x.Get.Url($"/api/appeals/{appealId}/recipients/{peru}/evidence"));

        response.Context.Response.ContentType.ShouldBe("application/zip");
        var files = await UnzipAsync(response);
        files.Keys.Order().ShouldBe(["delivery.txt", "letter.pdf", "message.eml"]);
        var sent = MimeMessage.Load(new MemoryStream(files["message.eml"]));
        (sent.MessageId, sent.Subject, sent.TextBody, sent.HtmlBody).ShouldBe((received.MessageId, received.Subject, received.TextBody, received.HtmlBody));
        var facts = Encoding.UTF8.GetString(files["delivery.txt"]);
        facts.ShouldContain($"SHA-256 of message.eml: {Convert.ToHexStringLower(SHA256.HashData(files["message.eml"]))}");
        facts.ShouldContain($"Relay:            {Smtp.Host}:{Smtp.Port}");
        facts.ShouldContain("Relay's reply:    250 ");
        facts.ShouldContain($"Message-ID:       <{received.MessageId}>");
        facts.ShouldContain($"Accepted:         {Fixture.Clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        using var pdf = PdfReader.Open(new MemoryStream(files["letter.pdf"]), PdfDocumentOpenMode.Import);
        pdf.PageCount.ShouldBeGreaterThanOrEqualTo(1);
        pdf.Info.Title.ShouldBe(received.Subject);
    }

    [Fact]
    public async Task the_appeals_evidence_has_a_folder_per_delivered_recipient_and_a_recipient_never_emailed_has_nothing_to_prove()
    {
        var letter = await Host.FinalLetterAsync();
        var (china, _) = await Host.TargetAsync("China");
        var (france, _) = await Host.TargetAsync("France");
        var (appealId, _) = await Host.SendTrackedAsync(letter, new { targetIds = new[] { china, france }, channel = "email" });
        var (manual, _) = await Host.SendTrackedAsync(letter, new { targetIds = new[] { china }, channel = "manual" });

        var files = await UnzipAsync(await Host.Scenario(x => x.Get.Url($"/api/appeals/{appealId}/evidence")));

        files.Keys.Select(k => k.Split('/')[0]).Distinct().Order().ShouldBe([$"China ({china.ToString("N")[..8]})", $"France ({france.ToString("N")[..8]})"]);
        files.Count.ShouldBe(6);
        await Host.Scenario(x =>
        {
            x.Get.Url($"/api/appeals/{manual}/recipients/{china}/evidence");
            x.StatusCodeShouldBe(409);
        });
        await Host.Scenario(x =>
        {
            x.Get.Url($"/api/appeals/{Guid.NewGuid()}/evidence");
            x.StatusCodeShouldBe(404);
        });
    }
}
