using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CampaignManager.Staff;

/// <summary>One Data Protection key, stored as a Marten document next to the data it protects.</summary>
public class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// Sign-in cookies and antiforgery tokens are encrypted with Data Protection keys. Kept in the app's own PostgreSQL,
/// every node behind a load balancer reads the same key ring, so a cookie issued by one node is accepted by the
/// next, and restarts do not sign everyone out. The interface is synchronous; Data Protection calls it only when
/// it loads or rolls the key ring, so blocking on Marten here is rare and short.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
