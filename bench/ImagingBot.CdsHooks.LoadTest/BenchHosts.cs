using System.Security.Cryptography;
using System.Text.Json;
using ImagingBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ImagingBot.CdsHooks.LoadTest;

/// <summary>
/// What the run talks to, all on real Kestrel at 127.0.0.1: the app wired by its own extension methods (as
/// Program.cs) with its CDS Hooks service trusting a fake EHR; that EHR's key set; and the floor, a minimal ASP.NET
/// Core endpoint that reads the same JSON body and answers with JSON, without FHIR, tokens or the decision.
/// </summary>
internal sealed class BenchHosts : IAsyncDisposable
{
    public const string ServiceBaseUrl = "https://imagingbot.bench/cds-services";
    public const string Service = "imagingbot-low-back-pain-order-select";

    private readonly List<WebApplication> _apps = [];
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly JsonWebTokenHandler _tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private SigningCredentials _signing = null!;

    public Uri ServiceEndpoint { get; private set; } = null!;

    public IServiceProvider ServiceProvider => _apps[1].Services;

    public Uri FloorEndpoint { get; private set; } = null!;

    public string Issuer { get; private set; } = string.Empty;

    public static async Task<BenchHosts> StartAsync(string store = "Memory", string? redis = null)
    {
        var hosts = new BenchHosts();
        hosts._signing = new SigningCredentials(new RsaSecurityKey(hosts._rsa) { KeyId = "bench-ehr" }, SecurityAlgorithms.RsaSha384);
        var issuer = await hosts.StartAsync(builder => { }, app => app.MapGet("/jwks.json", hosts.Jwks)).ConfigureAwait(false);
        hosts.Issuer = issuer.AbsoluteUri.TrimEnd('/');

        var service = await hosts.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["MicrosoftAppId"] = string.Empty,
                    ["Storage:Provider"] = store,
                    ["Storage:Redis:ConnectionString"] = redis,
                    ["Storage:Redis:KeyPrefix"] = "imagingbot-cds-bench-" + Guid.NewGuid().ToString("N"),
                    ["CdsHooks:ServiceBaseUrl"] = ServiceBaseUrl,
                    ["CdsHooks:TrustedIssuers:0:Issuer"] = hosts.Issuer,
                    ["CdsHooks:TrustedIssuers:0:JwksUrl"] = hosts.Issuer + "/jwks.json",
                    ["Logging:LogLevel:Default"] = "Warning",
                });
                // As Program.cs: the instruments and the audit are there, nothing exports (the service counts and audits its advice).
                builder.AddTelemetry();
                builder.AddBotRuntime();
                builder.AddConversationState();
                builder.AddImagingBot();
                builder.AddConsultCards();
                builder.AddCdsHooks();
            },
            app =>
            {
                app.MapHealthEndpoints();
                app.MapBotEndpoints();
                app.MapCdsHooks();
            }).ConfigureAwait(false);
        hosts.ServiceEndpoint = new Uri(service, "/cds-services/" + Service);

        var floor = await hosts.StartAsync(builder => { }, app => app.MapPost("/floor", Floor)).ConfigureAwait(false);
        hosts.FloorEndpoint = new Uri(floor, "/floor");
        return hosts;
    }

    /// <summary>A fresh token for one call (each <c>jti</c> is used once), as an EHR sends it.</summary>
    public string Token()
    {
        var now = DateTime.UtcNow;
        return _tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ServiceBaseUrl + "/" + Service,
            IssuedAt = now,
            Expires = now.AddMinutes(4),
            SigningCredentials = _signing,
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString("N") },
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _rsa.Dispose();
    }

    // The floor: read and parse the JSON body, answer with JSON.
    private static async Task<IResult> Floor(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
        return Results.Json(new { cards = Array.Empty<object>(), hook = body.RootElement.GetProperty("hook").GetString() });
    }

    private IResult Jwks()
    {
        var key = _rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS384", kid = "bench-ehr", n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } } });
    }

    private async Task<Uri> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync().ConfigureAwait(false);
        _apps.Add(app);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }
}
