using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ImagingBot.Tests.Support;

/// <summary>One conversation with the bot over real HTTP (Emulator wire format, replies in the response body).</summary>
/// <remarks>With a <paramref name="channel"/>, replies go to that fake channel as Teams has them sent (no expectReplies).</remarks>
public sealed class ConsultConversation(HttpClient client, string? conversationId = null, string userName = "User", string? tenantId = null, FakeChannel? channel = null)
{
    public string Id { get; } = conversationId ?? "conversation-" + Guid.NewGuid().ToString("N");

    public Task<Turn> SayAsync(string text) => SendAsync(EmulatorActivities.Message(Id, text));

    public Task<Turn> ClickAsync(Question question, string value) =>
        SendAsync(EmulatorActivities.Message(Id, null, new JsonObject
        {
            ["action"] = "answer",
            ["questionId"] = question.QuestionId,
            ["consultId"] = question.ConsultId,
            ["value"] = value,
        }));

    public async Task<Turn> SendAsync(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity["from"]!["name"] = userName;
        if (channel is not null)
        {
            activity.Remove("deliveryMode");
            activity["serviceUrl"] = channel.ServiceUrl.ToString();
        }

        if (tenantId is not null)
        {
            activity["conversation"]!["tenantId"] = tenantId;
        }

        return await SendRawAsync(client, activity.ToJsonString());
    }

    public static async Task<Turn> SendRawAsync(HttpClient client, string body, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        return new Turn(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A question card's button data: which consult, which question.</summary>
    public sealed record Question(string ConsultId, string QuestionId);

    public sealed record Turn(HttpStatusCode Status, string Body)
    {
        private JsonArray Replies => Body.Length > 0 && JsonNode.Parse(Body) is JsonObject { } root && root["activities"] is JsonArray replies ? replies : [];

        public IReadOnlyList<string?> Texts => [.. Replies.Select(reply => (string?)reply?["text"])];

        /// <summary>Every Action.Submit data object in the replies' cards.</summary>
        public IReadOnlyList<JsonObject> SubmitData => [.. Replies.SelectMany(Descendants).OfType<JsonObject>().Where(node => node["data"] is JsonObject && (string?)node["type"] == "Action.Submit").Select(node => (JsonObject)node["data"]!)];

        /// <summary>The question the replies ask (the answer buttons' ids), or null when none is asked.</summary>
        public Question? Asked => SubmitData
            .Where(data => (string?)data["action"] == "answer")
            .Select(data => new Question((string)data["consultId"]!, (string)data["questionId"]!))
            .Distinct()
            .SingleOrDefault();

        /// <summary>True when the replies hold a recommendation card (its "change an answer" button).</summary>
        public bool IsRecommendation => SubmitData.Any(data => (string?)data["action"] == "change");

        private static IEnumerable<JsonNode?> Descendants(JsonNode? node) => node switch
        {
            JsonObject obj => obj.Select(pair => pair.Value).SelectMany(Descendants).Prepend(obj),
            JsonArray array => array.SelectMany(Descendants).Prepend(array),
            _ => [node],
        };

        public override string ToString() => $"{(int)Status} {Body}";
    }
}
