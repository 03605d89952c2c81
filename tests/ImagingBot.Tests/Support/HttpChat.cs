using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ImagingBot.Tests.Support;

/// <summary>
/// One conversation with the app over real HTTP (POST /api/messages, deliveryMode expectReplies, so the replies
/// come back in the response), sending activities the way a channel puts them on the wire:
/// <see cref="Emulator"/> or <see cref="Teams"/>. A click finds the button by its title on the newest card, as a
/// clinician would, and sends its data.
/// </summary>
public sealed class HttpChat
{
    private readonly HttpClient client;
    private readonly Func<JsonObject, JsonObject> asChannel;
    private readonly string conversationId = "conversation-" + Guid.NewGuid().ToString("N");

    private HttpChat(HttpClient client, Func<JsonObject, JsonObject> asChannel)
    {
        this.client = client;
        this.asChannel = asChannel;
    }

    /// <summary>The replies of the last turn.</summary>
    public List<JsonObject> Replies { get; private set; } = [];

    /// <summary>The Bot Framework Emulator: channel emulator; a click is a message with the data in value and empty text.</summary>
    public static HttpChat Emulator(HttpClient client) => new(client, activity => activity);

    /// <summary>Teams in a personal chat, a group chat or a channel (tenant, AAD ids, the @mention in group chats and channels).</summary>
    public static HttpChat Teams(HttpClient client, string conversationType, string tenantId = "tenant-hospital") =>
        new(client, activity => activity.AsTeams(tenantId, conversationType));

    public Task<List<JsonObject>> SayAsync(string text) =>
        SendAsync(EmulatorActivities.Message(conversationId, text));

    /// <summary>Clicks the Action.Submit titled <paramref name="title"/> on the newest card of the last turn.</summary>
    public Task<List<JsonObject>> ClickAsync(string title)
    {
        var card = Replies.Select(BotReplies.Card).LastOrDefault(found => found is not null)
            ?? throw new InvalidOperationException($"The last turn sent no card to click \"{title}\" on: {string.Join(" | ", Replies.Select(BotReplies.Said))}");
        var data = BotReplies.Button(card, title)
            ?? throw new InvalidOperationException($"The newest card has no button \"{title}\": {card.ToJsonString()}");
        return SubmitAsync(data);
    }

    /// <summary>Clicks the answer button with this value on the newest card of the last turn (found by the data it sends, not its wording).</summary>
    public Task<List<JsonObject>> AnswerAsync(string value) =>
        SubmitAsync(Newest(data => (string?)data["action"] == "answer" && (string?)data["value"] == value, $"an answer button \"{value}\""));

    /// <summary>Clicks the button that sends this action on the newest card of the last turn (e.g. "new" on the welcome).</summary>
    public Task<List<JsonObject>> ClickActionAsync(string action) =>
        SubmitAsync(Newest(data => (string?)data["action"] == action, $"a \"{action}\" button"));

    /// <summary>The question the last turn asks: the questionId of its answer buttons (null when none is asked).</summary>
    public string? AskedQuestionId => Replies.Select(BotReplies.Card).OfType<JsonObject>().SelectMany(BotReplies.Submits)
        .Where(data => (string?)data["action"] == "answer").Select(data => (string?)data["questionId"]).Distinct().SingleOrDefault();

    private JsonObject Newest(Func<JsonObject, bool> matches, string what)
    {
        var card = Replies.Select(BotReplies.Card).LastOrDefault(found => found is not null)
            ?? throw new InvalidOperationException($"The last turn sent no card to click {what} on: {string.Join(" | ", Replies.Select(BotReplies.Said))}");
        return BotReplies.Submit(card, matches)
            ?? throw new InvalidOperationException($"The newest card has no {what}: {card.ToJsonString()}");
    }

    /// <summary>What a channel sends for an Action.Submit: a message with the data in value and no text.</summary>
    public Task<List<JsonObject>> SubmitAsync(JsonObject data)
    {
        var activity = EmulatorActivities.Submit(conversationId, data);
        return SendAsync(activity);
    }

    /// <summary>The same click as some clients send it: the card's data as a JSON string in value.</summary>
    public Task<List<JsonObject>> SubmitAsStringAsync(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SendAsync(EmulatorActivities.Message(conversationId, string.Empty, JsonValue.Create(data.ToJsonString())));
    }

    public Task<List<JsonObject>> SendTypeAsync(string type, Action<JsonObject>? shape = null)
    {
        var activity = EmulatorActivities.Activity(type, conversationId);
        shape?.Invoke(activity);
        return SendAsync(activity);
    }

    public async Task<List<JsonObject>> SendAsync(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await client.PostAsJsonAsync("/api/messages", asChannel(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Replies = await BotReplies.ReadAsync(response);
        return Replies;
    }

    /// <summary>Everything the last turn showed, as one string (texts and card JSON).</summary>
    public string Said => string.Join("\n", Replies.Select(BotReplies.Said));
}
