using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImagingBot.Tests.Support;

namespace ImagingBot.Tests.Telemetry;

/// <summary>
/// One clinician in a Teams personal chat, with ids chosen to be found if they leak: the activities are shaped as
/// Teams sends them (user, AAD object id and tenant set, no expectReplies), and the replies go to <paramref name="channel"/>.
/// </summary>
public sealed class TeamsClinician(HttpClient client, FakeChannel channel, string userId, string userName, string aadObjectId, string tenantId, string conversationId)
{
    public async Task<HttpResponseMessage> SayAsync(string text) => await SendAsync(Shape(EmulatorActivities.Message(conversationId, text)));

    public async Task<HttpResponseMessage> ClickAsync(JsonObject data) => await SendAsync(Shape(EmulatorActivities.Submit(conversationId, data)));

    /// <summary>A compose-box FAQ search, answered in the invoke's response.</summary>
    public async Task<HttpResponseMessage> SearchFaqAsync(string query)
    {
        var invoke = Shape(EmulatorActivities.Activity("invoke", conversationId));
        invoke["name"] = "composeExtension/query";
        invoke["channelData"]!["source"] = new JsonObject { ["name"] = "compose" };
        invoke["value"] = new JsonObject
        {
            ["commandId"] = "searchFaq",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = query }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        };
        return await SendAsync(invoke);
    }

    public async Task<HttpResponseMessage> InstallAsync()
    {
        var update = Shape(EmulatorActivities.Activity("installationUpdate", conversationId));
        update["action"] = "add";
        return await SendAsync(update);
    }

    private JsonObject Shape(JsonObject activity)
    {
        activity.AsTeams(tenantId);
        activity.Remove("deliveryMode");
        activity["serviceUrl"] = channel.ServiceUrl.ToString();
        activity["from"] = new JsonObject { ["id"] = userId, ["name"] = userName, ["aadObjectId"] = aadObjectId };
        activity["conversation"]!["id"] = conversationId;
        return activity;
    }

    private async Task<HttpResponseMessage> SendAsync(JsonObject activity)
    {
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
