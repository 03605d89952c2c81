using System.Text;
using System.Text.Json.Nodes;
using ImagingBot.Tests.Support;

namespace ImagingBot.Tests.Adversarial;

/// <summary>One request body of the corpus: what it tries, and the bytes sent.</summary>
public sealed record HostileActivity(string Name, string Body, string ContentType = "application/json")
{
    public override string ToString() => Name;
}

/// <summary>
/// A deterministic (seeded) corpus of malformed and hostile requests to <c>/api/messages</c>: broken JSON,
/// wrong types and missing values in every field, huge strings, deep nesting, odd Unicode, forged card
/// data, invoke activities with bad names and values, odd conversation updates, channel data garbage and
/// spoofed tenants. Each targets its own conversation unless it is meant to reach a consult's.
/// </summary>
public sealed class HostileActivities
{
    public const string AllowedTenant = "tenant-hospital";

    private static readonly string[] KnownActions = ["new", "answer", "openQuickForm", "quickform", "change", "faq", "faqList", "help", "cancel", "start"];

    private static readonly string[] QuestionIds =
        ["case", "caudaEquina", "sepsis", "age", "majorTrauma", "cancer", "infection", "immunosuppression", "priorSurgery", "fractureRisk", "course", "contraindication", "pregnancy"];

    /// <summary>Text that has broken parsers, loggers and renderers: bidi overrides, zero-width, lone surrogates, NUL, emoji, combining marks.</summary>
    private static readonly string[] OddTexts =
    [
        "\u202Eyes\u202C",
        "y\u200Be\u200Ds",
        "\uFEFFno",
        "\uD800",
        "\uDC00yes",
        "\u0000",
        "yes\u0000no",
        "👩‍⚕️🦴🩻",
        "Z̸̡̛͓a̷͔͝l̵̰̈́g̶͈̓o̴̲̿",
        "\u0085\u2028\u2029",
        "ｙｅｓ",
        "İ ı ß ﬀ",
        "<at>ImagingBot</at>",
        "<script>alert(1)</script>",
        "{{consultId}} ${questionId} %s %n",
        "'; DROP TABLE consults; --",
        new string('\u0301', 500),
        "\t\r\n \v\f",
    ];

    /// <summary>Where replies go for activities that do not ask for them in the response: the test's fake channel.</summary>
    private readonly string serviceUrl;

    private HostileActivities(Uri channel) => serviceUrl = channel.ToString();

    public static IReadOnlyList<HostileActivity> Generate(int seed, IReadOnlyList<string> liveConversationIds, Uri channel)
    {
        ArgumentNullException.ThrowIfNull(liveConversationIds);
        ArgumentNullException.ThrowIfNull(channel);
        return new HostileActivities(channel).Corpus(seed, liveConversationIds);
    }

    private List<HostileActivity> Corpus(int seed, IReadOnlyList<string> liveConversationIds)
    {
        var random = new Random(seed);
        var corpus = new List<HostileActivity>();
        corpus.AddRange(BrokenJson(random));
        corpus.AddRange(WrongTypes());
        corpus.AddRange(MissingFields());
        corpus.AddRange(HugeStrings());
        corpus.AddRange(DeepNesting());
        corpus.AddRange(OddUnicode(random));
        corpus.AddRange(ForgedCardData(random));
        corpus.AddRange(ForgedClicksIntoLiveConsults(random, liveConversationIds));
        corpus.AddRange(Invokes(random));
        corpus.AddRange(ConversationUpdates());
        corpus.AddRange(ChannelDataGarbage());
        corpus.AddRange(TenantSpoofing(liveConversationIds));
        corpus.AddRange(UnreachableChannel());

        // Shuffled with the same seed, so the kinds are interleaved but every run sends the same sequence.
        return [.. corpus.OrderBy(_ => random.Next())];
    }

    /// <summary>A well-formed message from the hospital's tenant, in a conversation of its own.</summary>
    private JsonObject Message(string? conversationId = null, string? text = "hello", JsonNode? value = null)
    {
        var activity = EmulatorActivities.Message(conversationId ?? NewConversationId(), text, value);
        activity["conversation"]!["tenantId"] = AllowedTenant;
        activity["serviceUrl"] = serviceUrl;
        return activity;
    }

    /// <summary>The same activity as Teams sends it (Teams ids, tenant in channel data), answered through the fake channel.</summary>
    private JsonObject OnTeams(JsonObject activity, string tenantId)
    {
        activity.AsTeams(tenantId);
        activity["serviceUrl"] = serviceUrl;
        return activity;
    }

    /// <summary>As Teams sends it: replies are POSTed to the serviceUrl, the response carries only an invoke's answer.</summary>
    private static JsonObject WithoutExpectReplies(JsonObject activity)
    {
        activity.Remove("deliveryMode");
        return activity;
    }

    private int conversations;

    // Unique in the run, the same in every run.
    private string NewConversationId() => $"hostile-{++conversations}";

    private static HostileActivity Json(string name, JsonNode activity) => new(name, activity.ToJsonString());

    private IEnumerable<HostileActivity> BrokenJson(Random random)
    {
        var valid = Message().ToJsonString();
        for (var i = 0; i < 12; i++)
        {
            var cut = random.Next(1, valid.Length - 1);
            yield return new HostileActivity($"truncated at {cut}", valid[..cut]);
        }

        yield return new HostileActivity("empty body", string.Empty);
        yield return new HostileActivity("whitespace body", "   \n ");
        yield return new HostileActivity("trailing garbage", valid + "}}}");
        yield return new HostileActivity("two objects", valid + valid);
        yield return new HostileActivity("single quotes", valid.Replace('"', '\''));
        yield return new HostileActivity("comments", "/* hi */" + valid);
        yield return new HostileActivity("NaN value", valid.Replace("\"hello\"", "NaN", StringComparison.Ordinal));
        yield return new HostileActivity("invalid UTF-8", Encoding.Latin1.GetString([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]));
        yield return new HostileActivity("duplicate type keys", "{\"type\":\"message\",\"type\":\"invoke\",\"text\":\"hi\",\"conversation\":{\"id\":\"" + NewConversationId() + "\"}}");
        yield return new HostileActivity("bare string", "\"message\"");
        yield return new HostileActivity("null", "null");
        yield return new HostileActivity("number", "42");
        yield return new HostileActivity("form encoded", "type=message&text=hello", "application/x-www-form-urlencoded");
        yield return new HostileActivity("xml", "<activity type=\"message\"/>", "application/xml");
        yield return new HostileActivity("json as text/plain", valid, "text/plain");
    }

    private static readonly string[] Fields =
    [
        "type", "id", "timestamp", "localTimestamp", "channelId", "serviceUrl", "from", "recipient", "conversation",
        "text", "value", "attachments", "entities", "channelData", "deliveryMode", "locale", "replyToId", "name",
        "membersAdded", "textFormat", "suggestedActions", "relatesTo", "valueType", "label", "code", "expiration",
    ];

    private IEnumerable<HostileActivity> WrongTypes()
    {
        JsonNode?[] wrongValues = [JsonValue.Create(42), JsonValue.Create(true), new JsonArray(1, "two"), new JsonObject { ["x"] = 1 }, null, JsonValue.Create(-1.5e308)];
        foreach (var field in Fields)
        {
            foreach (var wrong in wrongValues)
            {
                var activity = Message();
                activity[field] = wrong?.DeepClone();
                yield return Json($"{field} = {wrong?.ToJsonString() ?? "null"}", activity);
            }
        }

        foreach (var (parent, child) in new[] { ("from", "id"), ("from", "role"), ("conversation", "id"), ("conversation", "isGroup"), ("conversation", "tenantId"), ("recipient", "id") })
        {
            var activity = Message();
            activity[parent]![child] = new JsonArray(new JsonObject());
            yield return Json($"{parent}.{child} = [{{}}]", activity);
        }
    }

    private IEnumerable<HostileActivity> MissingFields()
    {
        foreach (var field in new[] { "id", "timestamp", "channelId", "serviceUrl", "from", "recipient", "conversation", "text", "deliveryMode" })
        {
            var activity = Message();
            activity.Remove(field);
            yield return Json($"without {field}", activity);
        }

        var noConversationId = Message();
        noConversationId["conversation"]!.AsObject().Remove("id");
        yield return Json("conversation without id", noConversationId);

        var noFromId = Message();
        noFromId["from"]!.AsObject().Remove("id");
        yield return Json("from without id", noFromId);

        yield return Json("only a type", new JsonObject { ["type"] = "message" });
        yield return Json("only type and text", new JsonObject { ["type"] = "message", ["text"] = "start" });
    }

    private IEnumerable<HostileActivity> HugeStrings()
    {
        yield return Json("text of 4,001 characters", Message(text: new string('a', 4001)));
        yield return Json("text of 200,000 characters", Message(text: new string('b', 200_000)));
        yield return Json("text of 300,000 characters (over the body limit)", Message(text: new string('c', 300_000)));
        yield return Json("case of 3,999 characters", Message(text: "start " + string.Concat(Enumerable.Repeat("58F, fevers, ", 320))[..3990]));
        yield return Json("conversation id of 20,000 characters", Message(conversationId: "x" + new string('y', 20_000)));
        var hugeName = Message();
        hugeName["from"]!["name"] = new string('n', 100_000);
        yield return Json("user name of 100,000 characters", hugeName);
        yield return Json("consult id of 50,000 characters", Message(text: null, value: new JsonObject { ["action"] = "answer", ["consultId"] = new string('c', 50_000), ["questionId"] = "cancer", ["value"] = "yes" }));
        yield return Json("answer of 100,000 characters", Message(text: null, value: new JsonObject { ["action"] = "answer", ["consultId"] = "abc", ["questionId"] = "cancer", ["value"] = new string('v', 100_000) }));
        var manyAttachments = Message();
        manyAttachments["attachments"] = new JsonArray([.. Enumerable.Range(0, 2000).Select(i => (JsonNode)new JsonObject { ["contentType"] = "text/plain", ["content"] = i })]);
        yield return Json("2,000 attachments", manyAttachments);
    }

    private IEnumerable<HostileActivity> DeepNesting()
    {
        foreach (var depth in new[] { 30, 63, 65, 200, 5000 })
        {
            var open = string.Concat(Enumerable.Repeat("{\"a\":", depth));
            var close = new string('}', depth);
            var activity = Message(text: null).ToJsonString();
            yield return new HostileActivity($"value nested {depth} deep", activity[..^1] + ",\"value\":" + open + "1" + close + "}");
            if (depth > 100)
            {
                yield return new HostileActivity($"arrays nested {depth} deep", activity[..^1] + ",\"channelData\":" + new string('[', depth) + new string(']', depth) + "}");
            }
        }
    }

    private IEnumerable<HostileActivity> OddUnicode(Random random)
    {
        foreach (var odd in OddTexts)
        {
            yield return Json($"text {Escape(odd)}", Message(text: odd));
            yield return Json($"start with case {Escape(odd)}", Message(text: "start 58F " + odd + " fevers"));
            yield return Json($"click value {Escape(odd)}", Message(text: null, value: new JsonObject { ["action"] = "answer", ["consultId"] = odd, ["questionId"] = QuestionIds[random.Next(QuestionIds.Length)], ["value"] = odd }));
            yield return Json($"conversation id {Escape(odd)}", Message(conversationId: odd + random.Next()));
        }
    }

    private IEnumerable<HostileActivity> ForgedCardData(Random random)
    {
        JsonNode?[] garbage = [JsonValue.Create(7), new JsonArray("yes"), new JsonObject { ["value"] = "yes" }, JsonValue.Create(false), null, JsonValue.Create("")];
        foreach (var action in KnownActions)
        {
            foreach (var junk in garbage)
            {
                var data = new JsonObject
                {
                    ["action"] = action,
                    ["consultId"] = random.Next(3) switch { 0 => junk?.DeepClone(), 1 => "no-such-consult", _ => "" },
                    ["questionId"] = random.Next(2) == 0 ? junk?.DeepClone() : QuestionIds[random.Next(QuestionIds.Length)],
                    ["value"] = junk?.DeepClone(),
                    ["faqId"] = junk?.DeepClone(),
                    ["cancer"] = junk?.DeepClone(),
                };
                yield return Json($"{action} with {junk?.ToJsonString() ?? "null"}", Message(text: null, value: data));
            }

            yield return Json($"{action} as an array", Message(text: null, value: new JsonArray(action, "cancer", "yes")));
            yield return Json($"{action} as a JSON string", Message(text: null, value: JsonValue.Create($"{{\"action\":\"{action}\",\"consultId\":")));
            yield return Json($"{action} as a number action", Message(text: action, value: new JsonObject { ["action"] = 12345 }));
        }

        yield return Json("value is a bare string", Message(text: null, value: JsonValue.Create("yes")));
        yield return Json("value is a number", Message(text: null, value: JsonValue.Create(1)));
        yield return Json("value with text too", Message(text: "no", value: new JsonObject { ["action"] = "answer", ["questionId"] = "cancer", ["value"] = "yes" }));
    }

    private IEnumerable<HostileActivity> ForgedClicksIntoLiveConsults(Random random, IReadOnlyList<string> liveConversationIds)
    {
        // Wrong consult ids into the conversations of the consults running beside: noted, never recorded.
        foreach (var conversationId in liveConversationIds)
        {
            foreach (var questionId in QuestionIds)
            {
                yield return Json($"forged click into a live consult ({questionId})", Message(conversationId, text: null, value: new JsonObject
                {
                    ["action"] = "answer",
                    ["consultId"] = "forged" + random.Next(1000),
                    ["questionId"] = questionId,
                    ["value"] = random.Next(2) == 0 ? "yes" : "no",
                }));
            }

            yield return Json("forged quick form into a live consult", Message(conversationId, text: null, value: new JsonObject
            {
                ["action"] = "quickform",
                ["consultId"] = "forged",
                ["caudaEquina"] = "yes",
                ["sepsis"] = "yes",
                ["age"] = "child",
                ["cancer"] = "yes",
                ["infection"] = "yes",
                ["immunosuppression"] = "yes",
                ["course"] = "managed",
                ["contraindication"] = "none",
            }));
        }
    }

    private IEnumerable<HostileActivity> Invokes(Random random)
    {
        JsonNode?[] values =
        [
            null, JsonValue.Create("x"), new JsonArray(1), new JsonObject(),
            new JsonObject { ["commandId"] = "searchFaq", ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = new JsonObject() }) },
            new JsonObject { ["commandId"] = 5, ["parameters"] = "none", ["queryOptions"] = new JsonObject { ["skip"] = -5, ["count"] = int.MaxValue } },
            new JsonObject { ["commandId"] = "searchFaq", ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = "\uD800" + new string('q', 3000) }), ["queryOptions"] = new JsonObject { ["skip"] = int.MaxValue, ["count"] = 0 } },
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "answer", ["data"] = new JsonArray() } },
        ];
        string?[] names = [null, "", "composeExtension/query", "adaptiveCard/action", "task/fetch", "task/submit", "signin/verifyState", "composeExtension/selectItem", "actionableMessage/executeAction", "unknown/thing", "\u202Equery", "healthCheck"];
        foreach (var name in names)
        {
            var activity = WithoutExpectReplies(Message(text: null));
            activity["type"] = "invoke";
            activity["name"] = name;
            activity["value"] = values[random.Next(values.Length)]?.DeepClone();
            yield return Json($"invoke {name ?? "null"}", activity);
        }

        foreach (var value in values)
        {
            var activity = WithoutExpectReplies(Message(text: null));
            activity["type"] = "invoke";
            activity["name"] = "composeExtension/query";
            activity["value"] = value?.DeepClone();
            yield return Json($"compose query {value?.ToJsonString() ?? "null"}", activity);
        }
    }

    private IEnumerable<HostileActivity> ConversationUpdates()
    {
        JsonNode?[] members =
        [
            null, new JsonArray(), new JsonArray((JsonNode?)null), new JsonArray(new JsonObject()), new JsonArray(new JsonObject { ["id"] = 5, ["name"] = new JsonArray() }),
            new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)new JsonObject { ["id"] = "member-" + i })]),
            new JsonArray(new JsonObject { ["id"] = "bot-1", ["name"] = "Bot" }), JsonValue.Create("everyone"),
        ];
        foreach (var added in members)
        {
            var activity = WithoutExpectReplies(Message(text: null));
            activity["type"] = "conversationUpdate";
            activity["membersAdded"] = added?.DeepClone();
            activity["membersRemoved"] = added?.DeepClone();
            yield return Json($"conversationUpdate members {Escape(added?.ToJsonString() ?? "null")}", activity);
        }

        foreach (var type in new[] { "installationUpdate", "messageReaction", "typing", "endOfConversation", "event", "contactRelationUpdate", "deleteUserData", "messageUpdate", "messageDelete", "trace", "handoff", "command", "MESSAGE", " message" })
        {
            var activity = WithoutExpectReplies(Message(text: null));
            activity["type"] = type;
            activity["action"] = "add";
            activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = 3 });
            yield return Json($"activity type {type}", activity);
        }
    }

    private IEnumerable<HostileActivity> ChannelDataGarbage()
    {
        JsonNode?[] garbage =
        [
            JsonValue.Create("teams"), new JsonArray(), JsonValue.Create(3), new JsonObject { ["tenant"] = 5 },
            new JsonObject { ["tenant"] = new JsonObject { ["id"] = new JsonArray() } }, new JsonObject { ["tenant"] = new JsonObject { ["id"] = null } },
            new JsonObject { ["team"] = "x", ["channel"] = new JsonArray(), ["eventType"] = 7, ["settings"] = "s" },
            new JsonObject { ["tenant"] = new JsonObject { ["id"] = AllowedTenant }, ["source"] = new JsonObject { ["name"] = new JsonObject() } },
        ];
        foreach (var channelData in garbage)
        {
            var onTeams = WithoutExpectReplies(OnTeams(Message(), AllowedTenant));
            onTeams["channelData"] = channelData?.DeepClone();
            yield return Json($"msteams channelData {channelData?.ToJsonString() ?? "null"}", onTeams);
        }
    }

    private IEnumerable<HostileActivity> TenantSpoofing(IReadOnlyList<string> liveConversationIds)
    {
        // Another tenant, alone or pretending in one of the two places Teams puts the tenant.
        var foreign = OnTeams(Message(text: "start"), "tenant-other");
        yield return Json("foreign tenant starts a consult", foreign);

        var mixed = OnTeams(Message(text: "start"), "tenant-other");
        mixed["conversation"]!["tenantId"] = AllowedTenant;
        yield return Json("foreign channelData tenant, allowed conversation tenant", mixed);

        var emulatorClaim = Message(text: "start");
        emulatorClaim["conversation"]!.AsObject().Remove("tenantId");
        emulatorClaim["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = AllowedTenant } };
        yield return Json("tenant only in channelData off Teams", emulatorClaim);

        var caseVariant = Message(text: "start");
        caseVariant["conversation"]!["tenantId"] = AllowedTenant.ToUpperInvariant() + " ";
        yield return Json("tenant id with another case and a space", caseVariant);

        var noTenant = Message(text: "start");
        noTenant["conversation"]!.AsObject().Remove("tenantId");
        yield return Json("no tenant at all", noTenant);

        // A foreign tenant posting into the live consults' conversations: refused, and the consult is untouched.
        foreach (var conversationId in liveConversationIds)
        {
            foreach (var text in new[] { "start", "cancel", "yes" })
            {
                var intruder = Message(conversationId, text);
                intruder["conversation"]!["tenantId"] = "tenant-other";
                yield return Json($"foreign tenant says {text} in a live consult", intruder);
            }
        }
    }

    private IEnumerable<HostileActivity> UnreachableChannel()
    {
        // A serviceUrl nobody answers on: the reply cannot be delivered, the bot must not answer 500.
        foreach (var text in new[] { "start", "hello", "what is this?" })
        {
            var activity = WithoutExpectReplies(Message(text: text));
            activity["serviceUrl"] = "http://127.0.0.1:9/";
            yield return Json($"unreachable channel, {text}", activity);
        }

        var update = WithoutExpectReplies(Message(text: null));
        update["type"] = "conversationUpdate";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-1" });
        update["serviceUrl"] = "http://127.0.0.1:9/";
        yield return Json("unreachable channel, member added", update);
    }

    private static string Escape(string text) =>
        string.Concat(text.Take(24).Select(c => char.IsControl(c) || char.IsSurrogate(c) || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
