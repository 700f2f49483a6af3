using CampaignManager.Hosting.Email;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Appeals.Inbox;

namespace CampaignManager.Appeals;

public static class Configuration
{
    /// <summary>The appeals workflow: streams, views, the durable per-recipient delivery queue and SMTP delivery.</summary>
    public static WebApplicationBuilder AddAppeals(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppealDelivery(builder.Configuration);
        builder.Services.AddOptions<AppealDeliverySettings>().Bind(builder.Configuration.GetSection(AppealDeliverySettings.Section));
        builder.Services.AddInbox(builder.Configuration);
        builder.Services.ConfigureMarten(opts =>
        {
            // Inline: the delivery handler and the views read these documents right after the command that wrote them.
            opts.Projections.Snapshot<Appeal>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<AppealRecipient>(SnapshotLifecycle.Inline);
            opts.Schema.For<Appeal>().Index(x => x.LetterId);
            // ResponseDueBy: the deadline sweep looks for unanswered recipients past their date every minute
            opts.Schema.For<AppealRecipient>().Index(x => x.AppealId).Index(x => x.TargetId).Index(x => x.ResponseDueBy);
            opts.Schema.For<AppealRequestKey>().Identity(x => x.Id);
            opts.Schema.For<FollowUpDigest>().Identity(x => x.Id);
            // the unassigned list, and the fallback match by the sender's address
            // optimistic: two runs of one message's processing (a redelivery racing the first) cannot both record it
            opts.Schema.For<InboundMail>().Index(x => x.TargetId).Index(x => x.FetchedAt).UseOptimisticConcurrency(true);
            opts.Schema.For<AppealRecipient>().Index(x => x.Email);
            // known up front, so db-apply creates their tables where the app may not (Database:AutoCreate=None)
            opts.RegisterDocumentType<InboundRawMail>();
            opts.RegisterDocumentType<InboundAttachmentContent>();
            opts.RegisterDocumentType<InboxCursor>();
            opts.RegisterDocumentType<BouncedAddress>();
            opts.RegisterDocumentType<SentAppealEmail>();
            AppealErasure.AddMaskingRules(opts);
        });
        builder.Services.AddSingleton<Signatures.ISignerDataElsewhere, AppealErasure>();
        builder.Services.InitializeMartenWith<RecipientAttemptsBackfill>();
        builder.Services.ConfigureWolverine(opts =>
        {
            // Durable: a delivery survives a crash in the inbox table and is picked up again on restart.
            opts.LocalQueueFor<DeliverAppealEmail>().UseDurableInbox().MaximumParallelMessages(EmailSender.Parallelism);
            // a fetched message is already stored; its processing survives a crash like a delivery does
            opts.LocalQueueFor<ProcessInboundMail>().UseDurableInbox();
        });
        return builder;
    }

    /// <summary>SMTP delivery of appeal emails: <see cref="SmtpSettings"/> from section <c>Smtp</c> and the resilient <see cref="EmailSender"/>.</summary>
    public static IServiceCollection AddAppealDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpSettings>()
            .Bind(configuration.GetSection(SmtpSettings.Section))
            .ValidateDataAnnotations()
            // a bad From or pipeline number should stop the host at startup, not fail the first appeal
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpSettings>, SmtpSettingsValidation>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<IEmailSender, AppealEmailSender>();
        return services;
    }

    /// <summary>The appeals mailbox (<see cref="InboxSettings"/>, section <c>Inbox</c>): read on one node at a time, off while unset.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboxSettings>().Bind(configuration.GetSection(InboxSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboxSettings>, InboxSettingsValidation>();
        services.AddSingleton<InboxReaderState>();
        services.AddHostedService<InboxReader>();
        return services;
    }
}
