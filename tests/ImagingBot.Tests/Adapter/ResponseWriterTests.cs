using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ImagingBot.Adapter;
using ImagingBot.Cards;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Adapter;

/// <summary>
/// The adapter writes each turn's response itself (compact, with a Content-Length, from pooled buffers): the JSON, the
/// status and the Content-Type must stay what the SDK's HttpHelper.WriteResponseAsync gives for the same InvokeResponse.
/// </summary>
public class ResponseWriterTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private sealed record Written(int Status, string? ContentType, long? ContentLength, byte[] Body)
    {
        public JToken? Json => Body.Length == 0 ? null : JToken.Parse(Encoding.UTF8.GetString(Body));
    }

    private static async Task<Written> WriteAsync(Func<HttpResponse, Task> write)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await write(context.Response);
        return new Written(context.Response.StatusCode, context.Response.ContentType, context.Response.ContentLength, body.ToArray());
    }

    /// <summary>Ours against the SDK's for one InvokeResponse: same status, Content-Type and JSON; ours compact and with its length.</summary>
    private static async Task<Written> AssertWrittenAsTheSdkDoes(InvokeResponse? invokeResponse)
    {
        var sdk = await WriteAsync(response => HttpHelper.WriteResponseAsync(response, invokeResponse));
        var ours = await WriteAsync(response => InvokeResponseWriter.WriteAsync(response, invokeResponse));

        Assert.Equal(sdk.Status, ours.Status);
        Assert.Equal(sdk.ContentType, ours.ContentType);
        Assert.True(JToken.DeepEquals(sdk.Json, ours.Json), "The JSON differs from the SDK's.");
        if (ours.Body.Length > 0)
        {
            Assert.Equal(ours.Body.Length, ours.ContentLength);
            Assert.True(ours.Body.Length < sdk.Body.Length, "Not compact.");
            Assert.False(ours.Body.AsSpan().StartsWith(Encoding.UTF8.Preamble), "A byte order mark.");
        }
        else
        {
            Assert.Null(ours.ContentLength);
        }

        return ours;
    }

    /// <summary>The app's bot and authentication behind a plain CloudAdapter, to get hold of a real turn's InvokeResponse.</summary>
    private sealed class TurnRunner(BotFrameworkAuthentication authentication) : CloudAdapter(authentication)
    {
        public Task<InvokeResponse> RunAsync(Activity activity, IBot bot) =>
            ProcessActivityAsync(string.Empty, activity, bot.OnTurnAsync, CancellationToken.None);
    }

    private async Task<InvokeResponse?> TurnAsync(JsonObject activity)
    {
        var runner = new TurnRunner(factory.Services.GetRequiredService<BotFrameworkAuthentication>());
        var parsed = JsonConvert.DeserializeObject<Activity>(activity.ToJsonString(), HttpHelper.BotMessageSerializerSettings)!;
        return await runner.RunAsync(parsed, factory.Services.GetRequiredService<IBot>());
    }

    [Fact]
    public async Task A_consult_turns_expectReplies_response_is_the_SDKs_JSON()
    {
        var conversationId = "conv-" + Guid.NewGuid();
        var invokeResponse = await TurnAsync(EmulatorActivities.Message(conversationId, "start"));

        var replies = Assert.IsType<ExpectedReplies>(invokeResponse?.Body);
        Assert.Contains(replies.Activities, reply => reply.Attachments?.Count > 0);   // the question card rides along
        var ours = await AssertWrittenAsTheSdkDoes(invokeResponse);
        Assert.Equal(200, ours.Status);
        Assert.Equal("application/json", ours.ContentType);
    }

    [Fact]
    public async Task A_compose_box_query_keeps_its_status_and_body()
    {
        var invoke = EmulatorActivities.Activity("invoke", "a:compose-" + Guid.NewGuid().ToString("N")).AsTeams("tenant-hospital");
        invoke.Remove("deliveryMode");
        invoke["name"] = "composeExtension/query";
        invoke["channelData"]!["source"] = new JsonObject { ["name"] = "compose" };
        invoke["value"] = new JsonObject
        {
            ["commandId"] = "searchFaq",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = "why contrast" }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        };

        var ours = await AssertWrittenAsTheSdkDoes(await TurnAsync(invoke));

        Assert.Equal(200, ours.Status);
        Assert.Equal("result", (string?)ours.Json!["composeExtension"]!["type"]);
    }

    [Fact]
    public async Task An_unknown_invoke_keeps_its_status_without_a_body()
    {
        var invoke = EmulatorActivities.Activity("invoke", "conv-" + Guid.NewGuid());
        invoke.Remove("deliveryMode");
        invoke["name"] = "no/such/invoke";

        var invokeResponse = await TurnAsync(invoke);

        Assert.NotNull(invokeResponse);
        Assert.NotEqual(200, invokeResponse.Status);
        await AssertWrittenAsTheSdkDoes(invokeResponse);
    }

    [Fact]
    public async Task No_invoke_response_is_200_without_a_body() =>
        Assert.Equal(200, (await AssertWrittenAsTheSdkDoes(null)).Status);

    [Fact]
    public async Task Dates_nulls_escapes_raw_JSON_and_a_body_past_the_first_buffer_come_out_as_the_SDK_writes_them()
    {
        var card = new JObject { ["type"] = "AdaptiveCard", ["body"] = new JArray(Enumerable.Range(0, 2000).Select(i => new JObject { ["type"] = "TextBlock", ["text"] = $"Line {i}: é – 🩻 \"quoted\" \\ <tag>" })) };
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "reply-1",
            Timestamp = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2)),
            LocalTimestamp = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(-5)),
            Text = "Line\nbreak\ttab \u0001 and a lone \ud83d surrogate",
            Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = new JRaw(card.ToString(Formatting.None)) }],
        };
        var invokeResponse = new InvokeResponse { Status = 200, Body = new ExpectedReplies([reply]) };

        var ours = await AssertWrittenAsTheSdkDoes(invokeResponse);

        Assert.True(ours.Body.Length > 64 * 1024);
        Assert.DoesNotContain("\"speak\"", Encoding.UTF8.GetString(ours.Body), StringComparison.Ordinal);   // nulls left out
    }

    [Fact]
    public async Task Kept_cards_go_in_as_their_UTF8_where_each_belongs_among_other_content()
    {
        // Non-ASCII in the cards, around them and between them (a surrogate pair too), the consult id in several places,
        // a card first and last in an activity, two activities: the bytes copied in must land exactly where the SDK
        // writes each card, and the Content-Length must count them.
        static KeptCardJson Kept(string cardJson, string consultId)
        {
            var parts = cardJson.Split("SLOT");
            return new KeptCardJson(parts, Array.ConvertAll(parts, Encoding.UTF8.GetBytes), [.. Enumerable.Repeat(consultId, parts.Length - 1)]);
        }

        var question = Kept("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"• Fièvre – 🩻 \"SLOT\""}],"actions":[{"type":"Action.Submit","data":{"consultId":"SLOT","value":"yes"}},{"type":"Action.Submit","data":{"consultId":"SLOT"}}]}""", "c0nsult-1");
        var plain = Kept("""{"type":"AdaptiveCard","body":[]}""", "unused");
        var replies = new ExpectedReplies(
        [
            new Activity
            {
                Type = ActivityTypes.Message,
                Text = "Avant – é",
                Attachments =
                [
                    new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = question },
                    new Attachment { ContentType = "application/json", Content = new JObject { ["between"] = "ü 🩻" } },
                    new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = plain },
                ],
                Summary = "Après – ø",
            },
            new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = question }], Speak = "ß" },
        ]);

        var ours = await AssertWrittenAsTheSdkDoes(new InvokeResponse { Status = 200, Body = replies });

        var text = Encoding.UTF8.GetString(ours.Body);
        Assert.Equal(6, text.Split("c0nsult-1").Length - 1);   // three places, two replies
        Assert.Equal("• Fièvre – 🩻 \"c0nsult-1\"", (string?)ours.Json!.SelectToken("activities[1].attachments[0].content.body[0].text"));
        Assert.Equal("ü 🩻", (string?)ours.Json!.SelectToken("activities[0].attachments[1].content.between"));
    }

    [Fact]
    public async Task The_reply_takes_a_kept_cards_UTF8_as_it_is_without_encoding_its_text_again()
    {
        // Bytes that differ from the text on purpose show which one went out; a text writer still gets the text.
        var card = new KeptCardJson(["{\"from\":\"text\",\"id\":\"", "\"}"], ["{\"from\":\"bytes\",\"id\":\""u8.ToArray(), "\"}"u8.ToArray()], ["c1"]);
        var reply = new Activity { Type = ActivityTypes.Message, Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = card }] };

        var ours = await WriteAsync(response => InvokeResponseWriter.WriteAsync(response, new InvokeResponse { Status = 200, Body = new ExpectedReplies([reply]) }));

        Assert.Equal("bytes", (string?)ours.Json!.SelectToken("activities[0].attachments[0].content.from"));
        Assert.Equal("c1", (string?)ours.Json!.SelectToken("activities[0].attachments[0].content.id"));
        Assert.Equal(ours.Body.Length, ours.ContentLength);
        Assert.Equal("""{"from":"text","id":"c1"}""", card.ToString(Formatting.None));
    }

    [Fact]
    public async Task Attachment_content_that_is_not_raw_JSON_still_goes_through_the_SDKs_converter()
    {
        // Raw card JSON is written as it is (RawAttachmentContent); any other content, a MemoryStream above all, the SDK's way.
        using var stream = new MemoryStream([1, 2, 3]);
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments =
            [
                new Attachment { ContentType = "application/json", Content = new JObject { ["when"] = new JValue(TimeSpan.FromMinutes(5)), ["n"] = 1 } },
                new Attachment { ContentType = "application/octet-stream", Content = new Dictionary<string, object> { ["file"] = stream } },
                new Attachment { ContentType = "text/plain", Content = new { Text = "plain", Count = 2 } },
                new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = new JRaw("{\"type\":\"AdaptiveCard\"}") },
            ],
        };

        var ours = await AssertWrittenAsTheSdkDoes(new InvokeResponse { Status = 200, Body = new ExpectedReplies([reply]) });

        Assert.Equal("AQID", ours.Json!.SelectToken("activities[0].attachments[1].content.file.buffer") is JArray bytes ? Convert.ToBase64String([.. bytes.Select(b => (byte)b)]) : null);
    }

    [Fact]
    public async Task A_consult_turn_over_HTTP_is_compact_JSON_with_a_Content_Length()
    {
        // The server's own view of the response: HttpClient would compute a Content-Length from the buffered body.
        var activity = EmulatorActivities.Message("conv-" + Guid.NewGuid(), "start");
        var context = await factory.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Post;
            request.Request.Path = "/api/messages";
            request.Request.ContentType = "application/json";
            request.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        });

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
        using var body = new MemoryStream();
        await context.Response.Body.CopyToAsync(body);
        Assert.Equal(body.Length, context.Response.ContentLength);
        Assert.DoesNotContain((byte)'\n', body.ToArray());
        Assert.NotEmpty(JsonNode.Parse(body.ToArray())!["activities"]!.AsArray());
    }
}
