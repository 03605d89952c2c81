using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImagingBot.Bots;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImagingBot.Tests.Consult;

/// <summary>
/// The compose box's FAQ search with the invoke JSON Teams sends (composeExtension/query), through the real adapter
/// over HTTP: the answer is the invoke response body.
/// </summary>
public class ComposeExtensionOverHttpTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly string[] AllQuestions = [.. ClinicianChat.Guidance.Faq.Select(entry => entry.Question)];

    private static JsonObject Query(string commandId, JsonArray parameters, int skip = 0, int count = 25)
    {
        var invoke = EmulatorActivities.Activity("invoke", "a:compose-" + Guid.NewGuid().ToString("N")).AsTeams("tenant-hospital");
        invoke.Remove("deliveryMode");   // Teams waits for the invoke response itself
        invoke["name"] = "composeExtension/query";
        invoke["channelData"]!["source"] = new JsonObject { ["name"] = "compose" };
        invoke["value"] = new JsonObject
        {
            ["commandId"] = commandId,
            ["parameters"] = parameters,
            ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
        };
        return invoke;
    }

    private static JsonArray Parameter(string name, string value) => [new JsonObject { ["name"] = name, ["value"] = value }];

    private async Task<JsonObject> ComposeExtensionAsync(JsonObject invoke)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/messages", invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["composeExtension"]!.AsObject();
    }

    private static List<string?> PreviewTitles(JsonObject result) =>
        [.. result["attachments"]!.AsArray().Select(item => (string?)item!["preview"]!["content"]!["title"])];

    [Fact]
    public async Task A_query_lists_the_matching_FAQ_with_a_preview_and_the_full_answer_card()
    {
        var result = await ComposeExtensionAsync(Query("searchFaq", Parameter("query", "why contrast")));

        Assert.Equal("result", (string?)result["type"]);
        Assert.Equal("list", (string?)result["attachmentLayout"]);
        var first = result["attachments"]![0]!;
        Assert.Equal("Why order the MRI both without and with contrast?", (string?)first["preview"]!["content"]!["title"]);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", (string?)first["preview"]!["contentType"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)first["contentType"]);
        Assert.Contains("without and with contrast", first["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_open_lists_every_FAQ_and_paging_takes_the_asked_slice()
    {
        var all = await ComposeExtensionAsync(Query("searchFaq", Parameter("initialRun", "true")));
        Assert.Equal(AllQuestions, PreviewTitles(all));

        var page = await ComposeExtensionAsync(Query("searchFaq", Parameter("query", string.Empty), skip: 2, count: 2));
        Assert.Equal(AllQuestions.Skip(2).Take(2), PreviewTitles(page));

        var pastTheEnd = await ComposeExtensionAsync(Query("searchFaq", Parameter("query", string.Empty), skip: 25, count: 25));
        Assert.Empty(pastTheEnd["attachments"]!.AsArray());
    }

    [Fact]
    public async Task No_match_gets_a_clear_message()
    {
        var result = await ComposeExtensionAsync(Query("searchFaq", Parameter("query", "pizza recipe")));

        Assert.Equal("message", (string?)result["type"]);
        Assert.Contains("No FAQ matches \"pizza recipe\"", (string?)result["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_clear_message_not_an_error()
    {
        var result = await ComposeExtensionAsync(Query("searchSomethingElse", Parameter("query", "contrast")));

        Assert.Equal("message", (string?)result["type"]);
        Assert.Equal(ImagingBotActivityHandler.UnknownComposeCommand, (string?)result["text"]);
    }
}
