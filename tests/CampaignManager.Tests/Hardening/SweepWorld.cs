using CampaignManager.Tests.Campaigns;
using CampaignManager.Tests.Staff;
using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Hardening;

/// <summary>
/// One resource of every kind, so a swept request reaches the command's own validation instead of stopping at 404,
/// and the ids to put in a route: the real one, an unknown one, or one of another kind.
/// </summary>
public sealed partial class SweepWorld
{
    public enum Ids { Real, Unknown, WrongKind }

    private readonly Dictionary<string, Guid> _real = new();
    // the public routes are named by the letter's public token and a partner's code, not by ids
    private string _publicToken = "", _partnerCode = "";

    public static async Task<SweepWorld> BuildAsync(IAlbaHost host)
    {
        var world = new SweepWorld();
        var open = await host.OpenDraftAsync();
        world._real["letter"] = open;
        world._real["signature"] = (await host.SignAsync(open, LetterApi.Organization("Sweep Coalition"))).Id;
        await host.TranslateAsync(open, "fr"); // so /translations/fr reaches the revision's own validation
        var partner = (await host.PostAsync($"/api/letters/{open}/partners", new { name = "Sweep Partner", allowedOrigins = new[] { "https://partner.example" } }, 201))
            .ReadAsJson<CampaignManager.Partners.NewSignOnPartnerResponse>()!;
        (world._real["partner"], world._partnerCode) = (partner.Id, partner.Code);
        world._publicToken = (await host.LetterAsync(open)).PublicSignOnUrl!.Split('/')[^1];
        var final = await host.DraftAsync("A final letter for the sweep");
        foreach (var step in new[] { "open", "close", "finalize" }) await host.LifecycleAsync(final, step);
        var target = await host.RegisterTarget(new { name = "Permanent Mission of Norway", email = "norway@mission.example" });
        world._real["target"] = target;
        world._real["list"] = await host.CreateTargetList("Sweep missions", target);
        world._real["appeal"] = await IdOf(host, $"/api/letters/{final}/appeals", new { targetIds = new[] { target }, channel = "manual" });
        var campaign = await host.LaunchAsync();
        world._real["campaign"] = campaign;
        world._real["outcome"] = await IdOf(host, $"/api/campaigns/{campaign}/outcomes", new
        {
            kind = "meetingHeld", date = "2019-12-10", body = "UN Security Council", evidence = Array.Empty<string>(),
            status = "achieved", reason = "The meeting took place"
        });
        world._real["organization"] = await IdOf(host, "/api/organizations", new { name = "Sweep Organization" });
        var account = await AdminIdOf(host, "/api/staff/accounts", new { login = "sweep.viewer", role = "viewer" });
        world._real["account"] = account;
        world._real["token"] = await AdminIdOf(host, $"/api/staff/accounts/{account}/tokens", new { name = "sweep" });
        world._real["message"] = await UnassignedMailAsync(host);
        world._real["webhook"] = await AdminIdOf(host, "/api/webhooks", new { url = "https://partner.example/hooks", eventTypes = new[] { "letter.finalized" } });
        world._real["delivery"] = await FailedDeliveryAsync(host, world._real["webhook"]);
        return world;
    }

    /// <summary>A reply the mailbox reader kept for staff, as it stores one that matched no recipient (no IMAP server here).</summary>
    private static async Task<Guid> UnassignedMailAsync(IAlbaHost host)
    {
        var mail = new CampaignManager.Appeals.Inbox.InboundMail
        {
            Id = Guid.NewGuid(), Folder = "INBOX", UidValidity = 1, Uid = 1, Processed = true, Kind = "reply",
            From = "someone@unknown.example", Subject = "Re: the sweep", Text = "Received, thank you.", FetchedAt = DateTimeOffset.UnixEpoch
        };
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Store(mail);
        await session.SaveChangesAsync();
        return mail.Id;
    }

    /// <summary>A delivery that gave up, as the delivery handler leaves one (no receiver here), so a replay reaches its own checks.</summary>
    private static async Task<Guid> FailedDeliveryAsync(IAlbaHost host, Guid subscriptionId)
    {
        var delivery = new CampaignManager.Partners.WebhookDelivery
        {
            Id = Guid.NewGuid(), SubscriptionId = subscriptionId, WebhookId = "msg_sweep", Type = "letter.finalized", Body = "{}",
            Status = CampaignManager.Partners.WebhookDeliveryStatus.Failed, OccurredAt = DateTimeOffset.UnixEpoch
        };
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Store(delivery);
        await session.SaveChangesAsync();
        return delivery.Id;
    }

    private static async Task<Guid> IdOf(IAlbaHost host, string url, object body) =>
        (await host.PostAsync(url, body, 201)).ReadAsJson<IdBody>()!.Id;

    private static async Task<Guid> AdminIdOf(IAlbaHost host, string url, object body) =>
        (await host.Scenario(x =>
        {
            x.AsAdmin().Post.Json(body).ToUrl(url);
            x.StatusCodeShouldBe(201);
        })).ReadAsJson<IdBody>()!.Id;

    /// <summary>The route with each parameter replaced; the kind comes from the parameter name or the segment before it.</summary>
    public string Fill(string pattern, Ids which) => Parameter().Replace(pattern, m =>
    {
        // a language is a tag, not an id: the letter's translation, a tag ICU does not know, one the letter lacks
        if (m.Groups["name"].Value == "language")
            return m.Groups["segment"].Value + "/" + which switch { Ids.Real => "fr", Ids.Unknown => "xx", _ => "es" };
        if (m.Groups["name"].Value is "token" or "code" && m.Groups["segment"].Value is "sign" or "partners")
            return m.Groups["segment"].Value + "/" + (which == Ids.Real
                ? (m.Groups["name"].Value == "token" ? _publicToken : _partnerCode)
                : "0123456789ab");
        var kind = KindOf(m.Groups["name"].Value, m.Groups["segment"].Value);
        return m.Groups["segment"].Value + "/" + (which switch
        {
            Ids.Real => _real[kind],
            Ids.Unknown => Guid.NewGuid(),
            _ => _real[kind == "letter" ? "campaign" : "letter"]
        });
    });

    /// <summary>For an id field in a body: a real id of a kind the field does not hold.</summary>
    public Guid OtherKindFor(string field) => _real[field.StartsWith("letter", StringComparison.Ordinal) ? "target" : "letter"];

    private static string KindOf(string parameter, string segment) => parameter switch
    {
        "signatureId" => "signature",
        "targetId" => "target",
        "outcomeId" => "outcome",
        "deliveryId" => "delivery",
        _ => segment switch
        {
            "letters" => "letter", "appeals" => "appeal", "campaigns" => "campaign", "targets" => "target",
            "target-lists" => "list", "organizations" => "organization", "accounts" => "account", "tokens" => "token",
            "messages" => "message", "webhooks" => "webhook", "partners" => "partner",
            _ => throw new InvalidOperationException($"The sweep does not know what /{segment}/{{{parameter}}} holds; teach SweepWorld.")
        }
    };

    [GeneratedRegex(@"(?<segment>[a-z-]+)/\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
