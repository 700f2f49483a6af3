namespace CampaignManager.Partners;

/// <summary>
/// A coalition partner was given its own sign-on link and form for one letter. <see cref="Code"/> goes in the link
/// (<c>?via=</c>) and the form's address; it attributes, it does not authorize, so it need not be secret.
/// <see cref="AllowedOrigins"/> are the partner's sites whose pages may post the embedded form (CORS).
/// </summary>
public record SignOnPartnerAdded(Guid PartnerId, Guid LetterId, string Name, string Code, IReadOnlyList<string> AllowedOrigins,
    string By, DateTimeOffset At);

/// <summary>The partner's sites changed (a new campaign site, a retired one); the code and the signatures stay.</summary>
public record SignOnPartnerOriginsChanged(Guid PartnerId, Guid LetterId, IReadOnlyList<string> AllowedOrigins, string By, DateTimeOffset At);

/// <summary>The partner stream folded: what the sign-on form and the staff list read.</summary>
public class SignOnPartner
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public Guid LetterId { get; set; }
    public string Name { get; set; } = "";
    public string Code { get; set; } = "";
    public List<string> AllowedOrigins { get; set; } = [];
    public DateTimeOffset AddedAt { get; set; }
    public string AddedBy { get; set; } = "";

    public static SignOnPartner Create(SignOnPartnerAdded e) => new()
    {
        Id = e.PartnerId, LetterId = e.LetterId, Name = e.Name, Code = e.Code, AllowedOrigins = [.. e.AllowedOrigins],
        AddedAt = e.At, AddedBy = e.By
    };

    public void Apply(SignOnPartnerOriginsChanged e) => AllowedOrigins = [.. e.AllowedOrigins];

    public bool Allows(string? origin) =>
        origin is not null && AllowedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
}

/// <summary>Finds a letter's partner by the code in its link, for the public page (see Signatures' <c>ISignOnPartners</c>).</summary>
public sealed class SignOnPartners : Signatures.ISignOnPartners
{
    public async Task<Guid?> FindAsync(IQuerySession session, Guid letterId, string? code, CancellationToken token)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64) return null;
        var partner = await session.Query<SignOnPartner>().FirstOrDefaultAsync(x => x.LetterId == letterId && x.Code == code, token);
        return partner?.Id;
    }
}
