using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CampaignManager.Hosting;

/// <summary>
/// How much a request may send. Enforced twice on purpose: Kestrel's own limit (set per request here and by routing
/// from <c>[RequestSizeLimit]</c>) stops the socket early, and counting the bytes actually read holds on any server,
/// including the in-memory test server. Never by trusting Content-Length, which a client can leave out or lie about.
/// </summary>
public static class RequestLimits
{
    /// <summary>The largest legitimate JSON command: a 100,000-character letter body with room for its other fields.</summary>
    public const long JsonBodyBytes = 1024 * 1024;

    /// <summary>The server-wide ceiling: the largest upload any endpoint accepts (a CSV import).</summary>
    public const long ServerBodyBytes = CsvUpload.MaxBytes;

    /// <summary>An endpoint's own <c>[RequestSizeLimit]</c>, else the JSON limit; applied to Kestrel when it lets us.</summary>
    public static long Apply(HttpContext context, Endpoint endpoint)
    {
        var limit = endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? JsonBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        return limit;
    }

    public static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than the {limit / 1024} KB this endpoint accepts.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>Reads the whole body, or returns null as soon as it passes <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, token)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>Passes reads through until more than the limit has gone by, then fails the way Kestrel does (413).</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken token = default) =>
        Count(await inner.ReadAsync(buffer, token));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token) =>
        ReadAsync(buffer.AsMemory(offset, count), token).AsTask();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw RequestLimits.TooLarge(limit) : read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
