using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ImagingBot.Security;
using ImagingBot.Tests.Support;
using ImagingBot.Turn;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImagingBot.Tests.Security;

public class RequestGuardTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static async Task<List<string?>> ReplyTextsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body)!["activities"]!.AsArray().Select(reply => (string?)reply!["text"]).ToList();
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        using var small = factory.WithWebHostBuilder(host => host.UseSetting("Bot:MaxRequestBodyBytes", "2048"));
        using var client = small.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/messages", EmulatorActivities.Message("c-413", new string('a', 4096)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"type\": 42}")]
    [InlineData("{}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\"}")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"channelId\": \"emulator\", \"conversation\": {}}")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"file:///etc/passwd\", \"channelId\": \"emulator\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"channelId\": null, \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"channelId\": \"emulator\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"channelId\": \"emulator\", \"conversation\": \"c\"}")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"channelId\": \"emulator\", \"conversation\": {\"id\": \"c\"}} and more")]
    public async Task A_body_that_is_not_an_activity_gets_400_without_a_stack_trace(string body)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.NotEmpty(text);
    }

    [Fact]
    public async Task A_body_without_a_Content_Length_is_held_to_the_limit_as_it_arrives()
    {
        using var small = factory.WithWebHostBuilder(host => host.UseSetting("Bot:MaxRequestBodyBytes", "2048"));
        using var client = small.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(EmulatorActivities.Message("c-413-chunked", new string('a', 4096)).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentLength = null;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public async Task Only_POST_is_answered_on_api_messages(string method)
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_acknowledged_and_ignored()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/messages", EmulatorActivities.Activity("somethingNew", "c-unknown"));

        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
        Assert.Empty(await ReplyTextsAsync(response));
    }

    [Fact]
    public async Task A_100_KB_message_gets_a_polite_answer()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/messages", EmulatorActivities.Message("c-long", new string('x', 100 * 1024)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([MessageLengthMiddleware.TooLong], await ReplyTextsAsync(response));
    }

    [Fact]
    public async Task A_Teams_activity_from_another_tenant_gets_a_refusal_and_no_clinical_content()
    {
        using var restricted = factory.WithWebHostBuilder(host => host.UseSetting("Bot:AllowedTenantIds:0", "tenant-hospital"));
        using var client = restricted.CreateClient();

        using var foreign = await client.PostAsJsonAsync("/api/messages", EmulatorActivities.Message("c-foreign", "start").AsTeams("tenant-other"));
        using var own = await client.PostAsJsonAsync("/api/messages", EmulatorActivities.Message("c-own", "start").AsTeams("tenant-hospital"));

        Assert.Equal([TenantAllowListMiddleware.Refusal], await ReplyTextsAsync(foreign));
        Assert.DoesNotContain(TenantAllowListMiddleware.Refusal, await ReplyTextsAsync(own));
        Assert.NotEmpty(await ReplyTextsAsync(own));
    }

    // A timeout bounds the test: the token check must never hang on Microsoft's key endpoints.
    [Theory(Timeout = 30_000)]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2lnbmF0dXJl")]
    [InlineData("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAxIn0.")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task With_an_app_id_a_malformed_or_unsigned_token_gets_401_quickly(string authorization)
    {
        using var secured = factory.WithWebHostBuilder(host => host
            .UseSetting("MicrosoftAppId", "00000000-0000-0000-0000-000000000001")
            .UseSetting("MicrosoftAppPassword", "not-a-real-secret"));
        using var client = secured.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(EmulatorActivities.Message("c-auth", "hi")),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
    }
}
