using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ImagingBot.Tests.Support;

/// <summary>
/// One clinician in a Teams conversation over real HTTP, as Teams sends it: no expectReplies, the bot's messages go to
/// the Bot Connector (here a <see cref="FakeChannel"/>), and a click on an Action.Execute button is an
/// <c>adaptiveCard/action</c> invoke whose HTTP response is the card that replaces the clicked one. Two clinicians in
/// a group chat are two TeamsChats with the same conversation id.
/// </summary>
public sealed class TeamsChat(HttpClient client, FakeChannel channel, string conversationId, string conversationType = "personal", string userId = "29:1user-teams-id")
{
    public const string Execute = "Action.Execute";

    public string UserId { get; } = userId;

    /// <summary>The messages the bot sent to this clinician in the last turn.</summary>
    public List<JsonObject> Replies { get; private set; } = [];

    /// <summary>Every card the bot sent to this clinician, oldest first.</summary>
    public List<JsonObject> Cards { get; } = [];

    public JsonObject NewestCard => Cards.Count > 0 ? Cards[^1] : throw new InvalidOperationException("No card was sent yet.");

    public async Task<List<JsonObject>> SayAsync(string text)
    {
        var (status, _) = await PostAsync(EmulatorActivities.Message(conversationId, text));
        Assert.Equal(HttpStatusCode.OK, status);
        return Replies;
    }

    /// <summary>
    /// Clicks an Action.Execute (a button, a tappable row or a card's refresh) as Teams does: the action's data with
    /// the card's inputs merged in (<paramref name="inputs"/>), its verb, and the trigger ("automatic" for a refresh).
    /// Returns the invoke response's body; the turn's new messages are in <see cref="Replies"/>.
    /// </summary>
    public async Task<JsonObject> ExecuteAsync(JsonObject action, string trigger = "manual", IReadOnlyDictionary<string, string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        Assert.Equal(Execute, (string?)action["type"]);
        var data = action["data"]!.DeepClone().AsObject();
        foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
        {
            data[id] = value;
        }

        var invoke = EmulatorActivities.Activity("invoke", conversationId);
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = Execute, ["id"] = string.Empty, ["verb"] = action["verb"]?.DeepClone(), ["data"] = data },
            ["trigger"] = trigger,
        };
        var (status, body) = await PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The card of an invoke response that replaces the clicked card (status 200, an Adaptive Card).</summary>
    public static JsonObject CardOf(JsonObject invokeResponse)
    {
        ArgumentNullException.ThrowIfNull(invokeResponse);
        Assert.Equal(200, (int?)invokeResponse["statusCode"]);
        Assert.Equal(BotReplies.AdaptiveCard, (string?)invokeResponse["type"]);
        return invokeResponse["value"]!.AsObject();
    }

    /// <summary>The first Action.Execute in the card (anywhere: buttons, rows, refresh) whose data matches.</summary>
    public static JsonObject? ExecuteAction(JsonObject card, Func<JsonObject, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(matches);
        return Actions(card, Execute).FirstOrDefault(action => action["data"] is JsonObject data && matches(data));
    }

    /// <summary>Every action of this type in the card, anywhere.</summary>
    public static IEnumerable<JsonObject> Actions(JsonNode card, string type) => Walk(card).OfType<JsonObject>().Where(node => (string?)node["type"] == type);

    /// <summary>The answer button with this value on the newest card.</summary>
    public JsonObject Answer(string value) =>
        ExecuteAction(NewestCard, data => (string?)data["action"] == "answer" && (string?)data["value"] == value)
        ?? throw new InvalidOperationException($"The newest card has no Action.Execute answer \"{value}\": {NewestCard.ToJsonString()}");

    /// <summary>The question the newest card asks (its answer buttons' questionId), or null.</summary>
    public string? AskedQuestionId => Replies.Select(BotReplies.Card).OfType<JsonObject>()
        .SelectMany(card => Actions(card, Execute)).Select(action => action["data"] as JsonObject)
        .Where(data => (string?)data?["action"] == "answer").Select(data => (string?)data!["questionId"]).Distinct().SingleOrDefault();

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(JsonObject activity)
    {
        var teams = activity.AsTeams("tenant-hospital", conversationType);
        teams.Remove("deliveryMode");
        teams["serviceUrl"] = channel.ServiceUrl.ToString();
        teams["from"]!["id"] = UserId;
        teams["from"]!["aadObjectId"] = "aad-" + UserId;
        teams["conversation"]!["id"] = conversationType == "personal" ? "a:" + conversationId : $"19:{conversationId}@thread.v2";
        if ((string?)teams["type"] == "invoke")
        {
            teams["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        }

        var before = channel.Replies.Count;
        using var response = await client.PostAsJsonAsync("/api/messages", teams);
        var body = await response.Content.ReadAsStringAsync();
        Replies = [.. channel.Replies.Skip(before).Where(reply => (string?)reply["recipient"]?["id"] == UserId)];
        Cards.AddRange(Replies.Select(BotReplies.Card).OfType<JsonObject>());
        return (response.StatusCode, body);
    }

    private static IEnumerable<JsonNode?> Walk(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(pair => pair.Value).SelectMany(Walk).Prepend(obj),
        JsonArray array => array.SelectMany(Walk),
        _ => [],
    };
}
