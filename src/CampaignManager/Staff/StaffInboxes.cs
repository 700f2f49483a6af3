namespace CampaignManager.Staff;

/// <summary>Section <c>Deadlines</c>: <c>StaffEmails</c> adds inboxes (a shared team address) to the staff accounts'.</summary>
public sealed class StaffInboxSettings
{
    public string[] StaffEmails { get; set; } = [];
}

/// <summary>
/// Where mail "to staff" goes: every enabled account whose login is an email address, and the configured extra inboxes.
/// Accounts keep no separate email field, so a login like "ops" simply receives nothing.
/// </summary>
public sealed class StaffInboxes(IOptions<StaffInboxSettings> settings)
{
    public async Task<IReadOnlyList<string>> AddressesAsync(IQuerySession session, CancellationToken token)
    {
        var logins = await session.Query<StaffAccount>().Where(a => !a.Disabled).Select(a => a.Login).ToListAsync(token);
        return logins.Concat(settings.Value.StaffEmails).Where(IsAddress).Select(a => a.Trim().ToLowerInvariant())
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsAddress(string value) =>
        value.Contains('@') && MailboxAddress.TryParse(value.Trim(), out var m) && m.Address == value.Trim();
}
