using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace ImagingBot.CdsHooks.Security;

/// <summary>
/// The CDS Hooks 2.0 check of the EHR's token: a JWT signed with ES384 or RS384 by an issuer on the allow-list,
/// verified with that issuer's published keys, for this service (<c>aud</c>), not expired, short-lived, with a
/// <c>jti</c> not seen before. What can be refused without a network call (no token, not a JWT, another algorithm,
/// an unknown issuer) is refused first, so a bad token gets its 401 quickly.
/// </summary>
public sealed class CdsHooksTokenValidator
{
    // CDS Hooks 2.0: the JWT "SHALL be signed" with one of these, and its exp no more than five minutes ahead.
    private static readonly string[] Algorithms = [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384];
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly CdsHooksOptions _options;
    private readonly TimeProvider _clock;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly Dictionary<string, ConfigurationManager<JsonWebKeySet>> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seenTokenIds = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private long _lastSweepTicks;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonWebKeySet, IList<SecurityKey>> _signingKeys = [];

    public CdsHooksTokenValidator(IOptions<CdsHooksOptions> options, IHttpClientFactory httpClients, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        _options = options.Value;
        _clock = clock;
        _http = httpClients.CreateClient(nameof(CdsHooksTokenValidator));
        foreach (var issuer in CdsHooksOptionsValidation.Configured(_options))
        {
            var jwks = new Uri(issuer.JwksUrl!);
            var documents = new HttpDocumentRetriever(_http) { RequireHttps = jwks.Scheme == Uri.UriSchemeHttps };
            _keys[issuer.Issuer!] = new ConfigurationManager<JsonWebKeySet>(jwks.AbsoluteUri, new JwksRetriever(), documents)
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(1),
                RefreshInterval = TimeSpan.FromSeconds(30),
            };
        }
    }

    /// <summary>
    /// Checks the request's token for <paramref name="endpoint"/> (the URL the EHR called, under
    /// <see cref="CdsHooksOptions.ServiceBaseUrl"/>). Without trusted issuers and with anonymous calls allowed
    /// (Development only), every call is let through.
    /// </summary>
    public async Task<TokenRefusal> CheckAsync(string? authorization, IReadOnlyList<string> audiences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        if (_options.AllowAnonymous)
        {
            return TokenRefusal.None;
        }

        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return TokenRefusal.NoBearerToken;
        }

        var token = authorization[Bearer.Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return TokenRefusal.NotAJwt;
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return TokenRefusal.NotAJwt;
        }

        if (!Algorithms.Contains(unverified.Alg, StringComparer.Ordinal))
        {
            return TokenRefusal.AlgorithmNotAllowed;
        }

        var issuer = unverified.Issuer ?? string.Empty;
        if (!_keys.TryGetValue(issuer, out var keys))
        {
            return TokenRefusal.UntrustedIssuer;
        }

        var result = await ValidateAsync(token, issuer, keys, audiences, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return TokenRefusal.KeysUnavailable;
        }

        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The issuer may have rotated its keys since they were read: read them once more.
            keys.RequestRefresh();
            result = await ValidateAsync(token, issuer, keys, audiences, cancellationToken).ConfigureAwait(false);
        }

        if (result is not { IsValid: true } || result.SecurityToken is not JsonWebToken verified)
        {
            return TokenRefusal.InvalidToken;
        }

        return TokenIdProblem(verified);
    }

    private async Task<TokenValidationResult?> ValidateAsync(string token, string issuer, ConfigurationManager<JsonWebKeySet> keys, IReadOnlyList<string> audiences, CancellationToken cancellationToken)
    {
        JsonWebKeySet keySet;
        try
        {
            keySet = await keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudiences = audiences,
            IssuerSigningKeys = SigningKeys(keySet),
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = _options.ClockSkew,
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The key set's keys, made once per key set read: each new key object would get its own signature provider, so
    /// turning the JSON keys into keys on every call costs more than the signature check.
    /// </summary>
    /// <summary>Forgets the ids of tokens that have expired, at most once every few seconds (a sweep reads them all).</summary>
    private void SweepExpiredTokenIds(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < SweepInterval.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (id, until) in _seenTokenIds)
        {
            if (until < now - _options.ClockSkew)
            {
                _seenTokenIds.TryRemove(id, out _);
            }
        }
    }

    private IList<SecurityKey> SigningKeys(JsonWebKeySet keySet) => _signingKeys.GetValue(keySet, static set => set.GetSigningKeys());

    private TokenRefusal TokenIdProblem(JsonWebToken token)
    {
        if (string.IsNullOrWhiteSpace(token.Id))
        {
            return TokenRefusal.NoTokenId;
        }

        var now = _clock.GetUtcNow();
        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        if (expires - now > MaxLifetime + _options.ClockSkew)
        {
            return TokenRefusal.LifetimeTooLong;
        }

        SweepExpiredTokenIds(now);
        return _seenTokenIds.TryAdd($"{token.Issuer}|{token.Id}", expires) ? TokenRefusal.None : TokenRefusal.Replayed;
    }
}
