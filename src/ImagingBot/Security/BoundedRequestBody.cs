using System.Buffers;

namespace ImagingBot.Security;

/// <summary>
/// A request's body read once into memory within a size limit, for the endpoints that parse it themselves
/// (<c>/api/messages</c> and CDS Hooks): a body that says or turns out to be larger is refused before it is parsed.
/// </summary>
public static class BoundedRequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The answer's sentence for a body over the limit (413).</summary>
    public static string TooLarge(long maxBytes) => $"The request body is larger than {maxBytes} bytes.";

    /// <summary>The whole body, positioned at its start; null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var body = new MemoryStream(request.ContentLength is { } length ? (int)length : ChunkBytes);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    await body.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        body.Position = 0;
        return body;
    }
}
