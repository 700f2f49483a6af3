namespace CampaignManager.Partners;

public static class Configuration
{
    /// <summary>
    /// Partners: webhooks (subscriptions, the fan-out from the event store, the durable delivery queue) and sign-on
    /// partners (their links and forms, found by code for the public page).
    /// </summary>
    public static WebApplicationBuilder AddPartners(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookSettings>().Bind(builder.Configuration.GetSection(WebhookSettings.Section));
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.ConfigureMarten(opts =>
        {
            // Inline: the fan-out must not deliver to a subscription removed a moment ago, nor miss one just made.
            opts.Projections.Snapshot<WebhookSubscription>(SnapshotLifecycle.Inline);
            opts.Schema.For<WebhookSubscription>().Index(x => x.Status);
            opts.RegisterDocumentType<WebhookRoute>();
            opts.Schema.For<WebhookDelivery>().Index(x => x.SubscriptionId).Index(x => x.EventSequence);
            // Inline: the public form finds the partner by its code at once, and a new partner's link works at once.
            opts.Projections.Snapshot<SignOnPartner>(SnapshotLifecycle.Inline);
            opts.Schema.For<SignOnPartner>().Index(x => x.LetterId);
        });
        builder.Services.AddSingleton<Signatures.ISignOnPartners, SignOnPartners>();
        builder.Services.SubscribeToEvents(new WebhookFanOut());
        builder.Services.ConfigureWolverine(opts =>
            // Durable: a scheduled retry is a row in the inbox, picked up after a crash or by another node. Posts mostly
            // wait on the network, so several run at once: one receiver that hangs until the timeout holds up fewer others.
            opts.LocalQueueFor<DeliverWebhook>().UseDurableInbox().MaximumParallelMessages(16));
        return builder;
    }
}
