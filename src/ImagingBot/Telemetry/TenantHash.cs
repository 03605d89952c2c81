using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ImagingBot.Telemetry;

/// <summary>
/// A tenant as a metric attribute: the first 8 bytes of HMAC-SHA256(key, tenant id), in hex. Stable for one key, so a
/// dashboard can tell tenants apart; without the key (<see cref="TelemetryOptions.TenantHashKey"/>) no one can get from
/// a hash to a tenant id, or check a guessed id against it. No key: no tenant attribute at all.
/// </summary>
public sealed class TenantHash
{
    private const int HashBytes = 8;

    private readonly byte[]? _key;

    public TenantHash(IOptions<TelemetryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Value.TenantHashKey;
        _key = string.IsNullOrEmpty(key) ? null : Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The tenant's hash, or null when there is no key or no tenant.</summary>
    public string? Of(string? tenantId) =>
        _key is null || string.IsNullOrWhiteSpace(tenantId)
            ? null
            // Tenant ids are GUIDs, compared case-insensitively elsewhere (the allow-list): one tenant, one hash.
            : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(tenantId.Trim().ToUpperInvariant())).AsSpan(0, HashBytes));
}
