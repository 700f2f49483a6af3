using CampaignManager.Hosting.Email;

namespace CampaignManager.Appeals.Delivery;

/// <summary>Hands appeal emails to the SMTP relay. Substitutable so the appeal workflow can be tested without one.</summary>
public interface IEmailSender
{
    /// <param name="content">The email.</param>
    /// <param name="handingOver">
    /// Awaited on every attempt once the relay has greeted us and accepted our credentials, right before MAIL FROM: up
    /// to here nothing can have been delivered. If it throws, nothing is sent and SendAsync throws
    /// <see cref="HandOverAbortedException"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the send.</param>
    Task<DeliveryResult> SendAsync(AppealEmailContent content, Func<CancellationToken, Task>? handingOver, CancellationToken cancellationToken = default);
}

/// <summary>The shared <see cref="EmailSender"/> (Hosting's SMTP plumbing), sending appeals rendered by <see cref="AppealEmail"/>.</summary>
public sealed class AppealEmailSender(EmailSender sender) : IEmailSender
{
    public Task<DeliveryResult> SendAsync(AppealEmailContent content, Func<CancellationToken, Task>? handingOver,
        CancellationToken cancellationToken = default) => sender.SendAsync(content, handingOver, cancellationToken);
}

public static class AppealEmailSending
{
    public static Task<DeliveryResult> SendAsync(this EmailSender sender, AppealEmailContent content, CancellationToken cancellationToken = default) =>
        sender.SendAsync(content, null, cancellationToken);

    public static async Task<DeliveryResult> SendAsync(this EmailSender sender, AppealEmailContent content,
        Func<CancellationToken, Task>? handingOver, CancellationToken cancellationToken = default)
    {
        MimeMessage message;
        try
        {
            message = AppealEmail.Render(content, sender.From);
        }
        catch (ParseException e)
        {
            // no relay will ever take this address; staff must correct the target first
            return new DeliveryResult.Failed($"Invalid recipient address '{content.ToAddress}': {e.Message}", Permanent: true);
        }
        return await sender.SendAsync(message, handingOver, cancellationToken);
    }
}
