using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>The real app with its CDS Hooks service trusting one fake EHR issuer, or taking anonymous calls.</summary>
public static class CdsHooksHosts
{
    public const string ServiceBaseUrl = "https://imagingbot.test/cds-services";

    public static WebApplicationFactory<Program> TrustingIssuer(this WebApplicationFactory<Program> factory, FakeEhrIssuer issuer, CapturedLogs? logs = null, string? redisEndpoint = null) =>
        factory.Instance(redisEndpoint, logs: logs, settings: new Dictionary<string, string>
        {
            ["CdsHooks:ServiceBaseUrl"] = ServiceBaseUrl,
            ["CdsHooks:TrustedIssuers:0:Issuer"] = issuer.Issuer,
            ["CdsHooks:TrustedIssuers:0:JwksUrl"] = issuer.JwksUrl,
        });

    public static WebApplicationFactory<Program> Anonymous(this WebApplicationFactory<Program> factory, CapturedLogs? logs = null, string? redisEndpoint = null, string? keyPrefix = null) =>
        factory.Instance(redisEndpoint, keyPrefix, logs, settings: new Dictionary<string, string> { ["CdsHooks:AllowAnonymous"] = "true" });
}
