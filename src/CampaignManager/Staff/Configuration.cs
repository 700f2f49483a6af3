using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;

namespace CampaignManager.Staff;

public static class Configuration
{
    /// <summary>Staff accounts, sign-in (cookie, API token, optional OpenID Connect) and the authorization convention.</summary>
    public static void AddStaff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<StaffAccount>(SnapshotLifecycle.Inline);
            opts.Schema.For<StaffAccount>().UniqueIndex(x => x.Login).Index(x => x.SignInCodeHash);
            opts.Projections.Snapshot<ApiToken>(SnapshotLifecycle.Inline);
            opts.Schema.For<ApiToken>().UniqueIndex(x => x.TokenHash).Index(x => x.AccountId);
            opts.Schema.For<DataProtectionKey>();
        });

        services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddStaffAuthentication().AddOidcSignIn(builder.Configuration);
        services.AddSingleton<IAuthorizationHandler, StaffByMethodHandler>();
        services.AddAuthorization(StaffAccess.AddPolicies);
        services.AddAntiforgery(o => o.HeaderName = CookieAntiforgery.HeaderName);
        services.AddSignInLimits();

        // every node reads one key ring from PostgreSQL: a cookie or antiforgery token from one node works on the next
        services.AddDataProtection().SetApplicationName("CampaignManager");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDocumentStore>((o, store) => o.XmlRepository = new MartenXmlRepository(store));

        // where mail "to staff" goes (deadline reminders, the follow-up digest); extra inboxes sit in section Deadlines
        services.AddOptions<StaffInboxSettings>().Bind(builder.Configuration.GetSection(DeadlineSettings.Section));
        services.AddSingleton<StaffInboxes>();
        services.AddSingleton<StaffBootstrap>();
        var embedded = services.Any(d => d.ServiceType == typeof(EmbeddedPostgres));
        services.AddHostedService(s => ActivatorUtilities.CreateInstance<BootstrapOnStart>(s, embedded));
    }
}
