using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>
/// An EHR's token issuer for the tests, as CDS Hooks clients are: a key pair whose public half is served as a JSON
/// Web Key Set over real HTTP on 127.0.0.1, and tokens signed with its private half (RS384). It counts the key set's
/// downloads, so a test can prove that a bad token was refused without any.
/// </summary>
public sealed class FakeEhrIssuer : IAsyncDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly WebApplication _app;
    private int _jwksRequests;

    private FakeEhrIssuer(WebApplication app, string keyId)
    {
        _app = app;
        KeyId = keyId;
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    public RsaSecurityKey SigningKey { get; }

    public string Issuer { get; private set; } = string.Empty;

    public string JwksUrl => Issuer + "/.well-known/jwks.json";

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static async Task<FakeEhrIssuer> StartAsync(string keyId = "ehr-signing-key-1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var issuer = new FakeEhrIssuer(app, keyId);
        app.MapGet("/.well-known/jwks.json", () =>
        {
            Interlocked.Increment(ref issuer._jwksRequests);
            return Results.Text(issuer.Jwks(), "application/json");
        });
        await app.StartAsync().ConfigureAwait(false);
        issuer.Issuer = app.Urls.Single().TrimEnd('/');
        return issuer;
    }

    /// <summary>A token as a CDS client sends it; each part can be set wrong by a test.</summary>
    public string Token(string audience, TimeSpan? lifetime = null, string? issuer = null, string? tokenId = null, SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha384, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-10),
            Expires = expires ?? now + (lifetime ?? TimeSpan.FromMinutes(5)),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, algorithm),
            Claims = new Dictionary<string, object> { ["jti"] = tokenId ?? Guid.NewGuid().ToString(), ["sub"] = "ehr-client" },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _rsa.Dispose();
    }

    private string Jwks()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS384", kid = KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }
}
