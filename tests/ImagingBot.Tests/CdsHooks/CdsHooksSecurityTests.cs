using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using static ImagingBot.Tests.CdsHooks.HookRequests;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>
/// The EHR's token as CDS Hooks 2.0 requires it, against a fake EHR issuer whose key set is served over HTTP on
/// 127.0.0.1 and whose tokens are really signed: the right one is answered, every wrong one gets 401, and what can be
/// refused without the issuer's keys never fetches them. Malformed bodies get 400 with a reason, and nothing of the
/// request reaches the log.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync, as xunit's IAsyncLifetime does
public sealed class CdsHooksSecurityTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Audience = CdsHooksHosts.ServiceBaseUrl + "/imagingbot-low-back-pain-order-select";

    private FakeEhrIssuer _issuer = null!;
    private WebApplicationFactory<Program> _app = null!;
    private readonly CapturedLogs _logs = new();

    public async Task InitializeAsync()
    {
        _issuer = await FakeEhrIssuer.StartAsync();
        _app = factory.TrustingIssuer(_issuer, _logs);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _issuer.DisposeAsync();
        _logs.Dispose();
    }

    private static string Body() => OrderSelect("72148", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|Z85.3"], BornYearsAgo(61)).ToJsonString();

    [Fact]
    public async Task A_signed_token_from_the_trusted_issuer_for_this_service_is_answered()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync(CdsHooksClient.OrderSelectPath, Body(), _issuer.Token(Audience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray());
        Assert.Equal(1, _issuer.JwksRequests);
    }

    [Fact]
    public async Task The_base_url_is_also_an_audience_the_spec_allows()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync(CdsHooksClient.OrderSelectPath, Body(), _issuer.Token(CdsHooksHosts.ServiceBaseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> BadTokens() => ["none", "not a JWT", "unsigned (alg none)", "RS256", "unknown issuer", "other audience", "expired", "signed by another key", "no jti", "valid for an hour"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_and_no_advice(string badness)
    {
        using var client = _app.CreateClient();
        using var otherKey = RSA.Create(2048);
        var token = badness switch
        {
            "none" => null,
            "not a JWT" => "not-a-jwt",
            "unsigned (alg none)" => Unsigned(_issuer.Issuer, Audience),
            "RS256" => _issuer.Token(Audience, algorithm: SecurityAlgorithms.RsaSha256),
            "unknown issuer" => _issuer.Token(Audience, issuer: "https://other-ehr.example.org"),
            "other audience" => _issuer.Token("https://some-other-service.example.org/cds-services/x"),
            "expired" => _issuer.Token(Audience, expires: DateTime.UtcNow.AddMinutes(-5)),
            "signed by another key" => _issuer.Token(Audience, key: new RsaSecurityKey(otherKey) { KeyId = _issuer.KeyId }),
            "no jti" => _issuer.Token(Audience, tokenId: string.Empty),
            "valid for an hour" => _issuer.Token(Audience, lifetime: TimeSpan.FromHours(1)),
            _ => throw new ArgumentOutOfRangeException(nameof(badness)),
        };

        using var response = await client.PostAsync(CdsHooksClient.OrderSelectPath, Body(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("cards", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("not a JWT")]
    [InlineData("RS256")]
    [InlineData("unknown issuer")]
    public async Task What_can_be_refused_without_the_issuers_keys_never_fetches_them(string badness)
    {
        using var client = _app.CreateClient();
        var token = badness switch
        {
            "none" => null,
            "not a JWT" => "a.b",
            "RS256" => _issuer.Token(Audience, algorithm: SecurityAlgorithms.RsaSha256),
            _ => _issuer.Token(Audience, issuer: "https://other-ehr.example.org"),
        };

        using var response = await client.PostAsync(CdsHooksClient.OrderSelectPath, Body(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _issuer.JwksRequests);
    }

    [Fact]
    public async Task A_replayed_token_is_refused()
    {
        using var client = _app.CreateClient();
        var token = _issuer.Token(Audience);

        using var first = await client.PostAsync(CdsHooksClient.OrderSelectPath, Body(), token);
        using var again = await client.PostAsync(CdsHooksClient.OrderSelectPath, Body(), token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (first.StatusCode, again.StatusCode));
    }

    [Fact]
    public async Task A_token_for_the_order_select_service_does_not_open_the_order_sign_service()
    {
        using var client = _app.CreateClient();
        var body = OrderSelect("72148", [$"{Icd10Cm}|M54.50"], BornYearsAgo(40), hook: "order-sign").ToJsonString();

        using var response = await client.PostAsync(CdsHooksClient.OrderSignPath, body, _issuer.Token(Audience));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string, string> MalformedBodies() => new()
    {
        { "not JSON", "The request body is not a valid CDS Hooks JSON request" },
        { "another hook", "This service answers the 'order-select' hook; the request's hook is 'patient-view'." },
        { "no hookInstance", "The request needs a 'hookInstance'." },
        { "no context", "The request needs a 'context'." },
        { "no patientId", "The request's context needs a 'patientId'." },
        { "no draftOrders", "The request's context needs 'draftOrders'" },
        { "no selections", "An order-select request's context needs 'selections'" },
        { "a JSON array", "The request body is not a valid CDS Hooks JSON request" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_gets_400_with_a_clear_message(string malformation, string message)
    {
        using var client = _app.CreateClient();
        var request = OrderSelect("72148", [$"{Icd10Cm}|M54.50"], BornYearsAgo(40));
        var context = request["context"]!.AsObject();
        var body = malformation switch
        {
            "not JSON" => "{ \"hook\": \"order-select\", ",
            "a JSON array" => "[]",
            _ => Malformed(request, context, malformation),
        };

        using var response = await client.PostAsync(CdsHooksClient.OrderSelectPath, body, _issuer.Token(Audience));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_service_is_404_and_a_body_over_the_limit_413()
    {
        using var client = _app.CreateClient();

        using var unknown = await client.PostAsync("/cds-services/patient-greeting", Body(), _issuer.Token(CdsHooksHosts.ServiceBaseUrl));
        using var large = await client.PostAsync(CdsHooksClient.OrderSelectPath, new string(' ', 1024 * 1024 + 1), _issuer.Token(Audience));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.RequestEntityTooLarge), (unknown.StatusCode, large.StatusCode));
    }

    [Fact]
    public async Task Nothing_of_the_request_reaches_the_log()
    {
        using var client = _app.CreateClient();
        var request = OrderSelect("72131", [$"{Icd10Cm}|M54.59", $"{Icd10Cm}|G83.4"], BornYearsAgo(47), [$"{Icd10Cm}|Z85.3"]);
        request["context"]!["patientId"] = "patient-7f3a9c";
        request["context"]!["userId"] = "Practitioner/dr-jones-4411";

        using var answered = await client.PostAsync(CdsHooksClient.OrderSelectPath, request.ToJsonString(), _issuer.Token(Audience));
        using var refused = await client.PostAsync(CdsHooksClient.OrderSelectPath, request.ToJsonString(), "garbage-token-value");
        request.Remove("hookInstance");
        using var malformed = await client.PostAsync(CdsHooksClient.OrderSelectPath, request.ToJsonString(), _issuer.Token(Audience));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest), (answered.StatusCode, refused.StatusCode, malformed.StatusCode));
        var logged = string.Join("\n", _logs.Lines.Select(l => l.AllText));
        Assert.Contains("CDS Hooks order-select answered with 1 card(s)", logged, StringComparison.Ordinal);
        Assert.Contains("CDS Hooks call refused: NotAJwt", logged, StringComparison.Ordinal);
        foreach (var secret in new[] { "patient-7f3a9c", "dr-jones-4411", "MRI-59879846", "M54.59", "G83.4", "Z85.3", "72131", "garbage-token-value", "eyJ" })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Anonymous_calls_outside_development_stop_the_start_up_with_the_setting_named()
    {
        using var production = factory.WithWebHostBuilder(host => host.UseEnvironment("Production").UseSetting("CdsHooks:AllowAnonymous", "true"));

        var error = Assert.Throws<OptionsValidationException>(() => production.CreateClient());

        Assert.Contains("'CdsHooks:AllowAnonymous' is true, but anonymous CDS Hooks calls are allowed only in the Development environment", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ehr.example.org/jwks.json", "'CdsHooks:TrustedIssuers:0:JwksUrl' must be the https URL")]
    [InlineData("", "'CdsHooks:TrustedIssuers:0:JwksUrl' must be the https URL")]
    public void A_trusted_issuer_needs_an_https_key_set(string jwksUrl, string message)
    {
        using var app = factory.WithWebHostBuilder(host => host
            .UseSetting("CdsHooks:ServiceBaseUrl", CdsHooksHosts.ServiceBaseUrl)
            .UseSetting("CdsHooks:TrustedIssuers:0:Issuer", "https://ehr.example.org")
            .UseSetting("CdsHooks:TrustedIssuers:0:JwksUrl", jwksUrl));

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trusted_issuer_needs_the_service_url_its_tokens_name()
    {
        using var app = factory.WithWebHostBuilder(host => host
            .UseSetting("CdsHooks:TrustedIssuers:0:Issuer", "https://ehr.example.org")
            .UseSetting("CdsHooks:TrustedIssuers:0:JwksUrl", "https://ehr.example.org/jwks.json"));

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("'CdsHooks:ServiceBaseUrl' must be the absolute URL of /cds-services", error.Message, StringComparison.Ordinal);
    }

    private static string Malformed(JsonObject request, JsonObject context, string malformation)
    {
        switch (malformation)
        {
            case "another hook":
                request["hook"] = "patient-view";
                break;
            case "no hookInstance":
                request.Remove("hookInstance");
                break;
            case "no context":
                request.Remove("context");
                break;
            case "no patientId":
                context.Remove("patientId");
                break;
            case "no draftOrders":
                context.Remove("draftOrders");
                break;
            case "no selections":
                context.Remove("selections");
                break;
        }

        return request.ToJsonString();
    }

    private static string Unsigned(string issuer, string audience)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddMinutes(4).ToUnixTimeSeconds();
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"iss\":\"{issuer}\",\"aud\":\"{audience}\",\"exp\":{exp},\"jti\":\"{Guid.NewGuid()}\"}}")}.";
    }
}
