using System.Net;
using System.Net.Sockets;

namespace CampaignManager.Partners;

/// <summary>
/// Where a webhook may be posted. The URL is checked when it is subscribed (a literal private address is refused with
/// a field error) and every connection is checked again when it is made (<see cref="ConnectAsync"/>), because a public
/// name can resolve to a private address later (DNS rebinding) and redirects are never followed.
/// </summary>
public static class WebhookAddress
{
    public const int MaxUrlLength = 2000;

    public static FieldErrors Check(FieldErrors errors, string field, string? url, bool allowPrivate)
    {
        errors.Required(field, url, MaxUrlLength);
        if (errors.Count > 0 || url is null) return errors;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return errors.Add(field, "must be an absolute http or https URL");
        if (!string.IsNullOrEmpty(uri.UserInfo)) return errors.Add(field, "must not carry a user name or password; the signature authenticates the sender");
        if (!allowPrivate && (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                              || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IsPrivate(ip)))
            return errors.Add(field, "must not point at a private, loopback or link-local address");
        return errors;
    }

    /// <summary>Loopback, RFC 1918, carrier-grade NAT, link-local (cloud metadata), unique-local IPv6, unspecified.</summary>
    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal || ip.IsIPv6Multicast;
        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
               || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224;
    }

    /// <summary>The HttpClient's connect step: resolves the name itself and refuses private addresses unless allowed.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken token)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, token);
        var allowed = addresses.Where(a => allowPrivate || !IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves only to private addresses, which webhooks may not reach");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
