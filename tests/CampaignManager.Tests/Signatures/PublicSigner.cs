using CampaignManager.Tests.Appeals;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Signatures;

/// <summary>A public signer: signs on the public page, then reads their personal links from the email the SMTP server received.</summary>
public static partial class PublicSigner
{
    public static async Task SetPolicyAsync(this IAlbaHost host, Guid letter, bool confirmedEmail, bool staffApproval) =>
        await host.Scenario(x => x.Post.Json(new { confirmedEmail, staffApproval }).ToUrl($"/api/letters/{letter}/verification-policy"));

    /// <summary>Signs as an individual and waits until the email with the signer's links has gone out; the page answered.</summary>
    public static async Task<string> SignPubliclyAsync(this IAlbaHost host, string link, string name, string? email, string kind = "individual")
    {
        var page = "";
        await host.TrackActivity().Timeout(AppealApi.FanOutPatience).IncludeExternalTransports().ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(async _ => page = await host.SubmitAsync(link,
                ("Form.Kind", kind), ("Form.Name", name), ("Form.Email", email ?? ""))));
        return page;
    }

    /// <summary>The path of the confirmation link in the last email to <paramref name="email"/>, or null when it has none.</summary>
    public static string? ConfirmLinkTo(this SmtpServerFixture smtp, string email) => PathIn(smtp, email, ConfirmLink());

    public static string? ManageLinkTo(this SmtpServerFixture smtp, string email) => PathIn(smtp, email, ManageLink());

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private static string? PathIn(SmtpServerFixture smtp, string email, Regex pattern) =>
        pattern.Match(smtp.MessagesTo(email).Last().Message.TextBody!) is { Success: true } m ? new Uri(m.Value).AbsolutePath : null;

    [GeneratedRegex(@"http://\S+/sign/\S+/confirm/[0-9a-f]{64}")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"http://\S+/sign/\S+/mine/[0-9a-f]{64}")]
    private static partial Regex ManageLink();
}
