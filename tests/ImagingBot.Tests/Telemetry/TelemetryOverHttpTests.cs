using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ImagingBot.Guidance;
using ImagingBot.Telemetry;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Xunit.Abstractions;
using static ImagingBot.Tests.Telemetry.WholeConsultTelemetry;

namespace ImagingBot.Tests.Telemetry;

/// <summary>
/// What an operations team receives from whole consults over HTTP (<see cref="WholeConsultTelemetry"/>): the bot's
/// metrics and spans with the names and attributes docs/operations.md gives, one audit event per piece of advice, and,
/// anywhere in any attribute or log field, none of the typed text and no user, conversation or tenant id.
/// </summary>
[Collection(AloneInTheProcess.Name)]
public sealed class TelemetryOverHttpTests(WholeConsultTelemetry consult, ITestOutputHelper output) : IClassFixture<WholeConsultTelemetry>
{
    private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();

    [Fact]
    public void Every_request_of_the_consults_was_answered()
    {
        Assert.All(consult.Statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Contains(consult.Replies, reply => (string?)reply["text"] == ImagingBot.Adapter.ImagingBotAdapter.StateStoreUnavailable);
        Assert.Equal(2, consult.CardConsultIds.Count);
    }

    [Fact]
    public void Consults_are_counted_by_how_they_began_and_by_the_advice_they_ended_with()
    {
        var started = Points(ConsultMetrics.StartedName);
        var begun = Assert.Single(started);
        Assert.Equal(3, begun.Sum);
        Assert.Equal("msteams", begun.Tags[TelemetryAttributes.Channel]);
        Assert.Equal("case", begun.Tags[TelemetryAttributes.ConsultEntry]);
        Assert.Equal(ExpectedTenantHash(), begun.Tags[TelemetryAttributes.TenantHash]);

        var finished = Points(ConsultMetrics.FinishedName);
        Assert.Equal(3, finished.Count);
        Assert.All(finished, point =>
        {
            Assert.Equal(1, point.Sum);
            Assert.Equal("msteams", point.Tags[TelemetryAttributes.Channel]);
            Assert.Equal(ExpectedTenantHash(), point.Tags[TelemetryAttributes.TenantHash]);
        });
        Assert.Contains(finished, point => point.Tags[TelemetryAttributes.ConsultOutcome] == "recommendation" && point.Tags[TelemetryAttributes.Urgency] == "routine" && point.Tags[TelemetryAttributes.Variant] == "7");
        Assert.Contains(finished, point => point.Tags[TelemetryAttributes.ConsultOutcome] == "recommendation" && point.Tags[TelemetryAttributes.Urgency] == "emergent" && point.Tags[TelemetryAttributes.Variant] == "4");
        Assert.Contains(finished, point => point.Tags[TelemetryAttributes.ConsultOutcome] == "out_of_scope" && point.Tags[TelemetryAttributes.OutOfScopeReason] == "child" && !point.Tags.ContainsKey(TelemetryAttributes.Variant));
    }

    [Fact]
    public void Turns_compose_box_searches_the_store_and_the_lock_are_timed()
    {
        var turns = Points(TurnMetrics.TurnDurationName);
        Assert.Contains(turns, point => point.Tags[TelemetryAttributes.ActivityType] == "message" && point.Tags[TelemetryAttributes.Channel] == "msteams" && !point.Tags.ContainsKey(TelemetryAttributes.ErrorType) && point.Count >= 8);
        Assert.Contains(turns, point => point.Tags[TelemetryAttributes.ActivityType] == "invoke" && point.Tags[TelemetryAttributes.InvokeName] == TelemetryValues.ComposeExtensionQuery);
        Assert.Contains(turns, point => point.Tags[TelemetryAttributes.ActivityType] == "installationUpdate");
        Assert.Contains(turns, point => point.Tags.GetValueOrDefault(TelemetryAttributes.ErrorType) == typeof(ImagingBot.State.StateStoreUnavailableException).FullName && point.Count == 1);
        Assert.Equal(1, Assert.Single(Points(TurnMetrics.MessageExtensionDurationName)).Count);

        var locks = Points(StoreMetrics.LockWaitName);
        Assert.Contains(locks, point => point.Tags[TelemetryAttributes.LockResult] == "acquired" && point.Count >= 10);
        Assert.Contains(locks, point => point.Tags[TelemetryAttributes.LockResult] == "store_unavailable" && point.Count == 1);

        var store = Points(StoreMetrics.DurationName);
        Assert.Contains(store, point => point.Tags[TelemetryAttributes.StoreOperation] == StoreMetrics.Read && !point.Tags.ContainsKey(TelemetryAttributes.ErrorType));
        Assert.Contains(store, point => point.Tags[TelemetryAttributes.StoreOperation] == StoreMetrics.Write);
        var error = Assert.Single(Points(StoreMetrics.ErrorsName));
        Assert.Equal(StoreMetrics.Lock, error.Tags[TelemetryAttributes.StoreOperation]);
        Assert.StartsWith("StackExchange.Redis.", error.Tags[TelemetryAttributes.ErrorType], StringComparison.Ordinal);

        // ASP.NET Core's and HttpClient's own metrics come along, by route and by host.
        Assert.Contains(Points("http.server.request.duration"), point => point.Tags.GetValueOrDefault("http.route") == "/api/messages");
        Assert.Contains(Points("http.client.request.duration"), point => point.Tags.GetValueOrDefault("server.address") == "127.0.0.1");
    }

    [Fact]
    public void A_turn_is_a_span_under_its_request_with_its_lock_its_replies_to_the_connector_and_its_Redis_calls()
    {
        var spans = consult.Spans;
        var requests = spans.Where(span => span.Kind == ActivityKind.Server && span.DisplayName == "POST /api/messages").ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, request => Assert.Equal("/api/messages", request.GetTagItem("url.path")));
        Assert.DoesNotContain(spans, span => span.Kind == ActivityKind.Server && (string?)span.GetTagItem("url.path") == "/readyz");

        var turns = spans.Where(span => span.OperationName == TurnTelemetryMiddleware.SpanName).ToList();
        Assert.All(turns, turn => Assert.Contains(requests, request => request.SpanId == turn.ParentSpanId));
        var advised = turns.Where(turn => (string?)turn.GetTagItem(TelemetryAttributes.ConsultOutcome) == "recommendation").ToList();
        Assert.Equal(2, advised.Count);
        Assert.Single(turns, turn => (string?)turn.GetTagItem(TelemetryAttributes.ConsultOutcome) == "out_of_scope");
        Assert.Contains(advised, turn => (string?)turn.GetTagItem(TelemetryAttributes.Urgency) == "emergent" && Equals(turn.GetTagItem(TelemetryAttributes.Variant), 4));
        var failed = Assert.Single(turns, turn => turn.Status == ActivityStatusCode.Error);
        Assert.Equal(typeof(ImagingBot.State.StateStoreUnavailableException).FullName, failed.GetTagItem(TelemetryAttributes.ErrorType));

        var locks = spans.Where(span => span.OperationName == ImagingBot.Turn.OneTurnPerConversationMiddleware.LockSpanName).ToList();
        Assert.All(locks, wait => Assert.Contains(turns, turn => turn.SpanId == wait.ParentSpanId));

        // Replies posted to the Bot Connector, with the conversation and activity ids replaced.
        var replies = spans.Where(span => span.Kind == ActivityKind.Client && span.GetTagItem("url.full") is string url && url.Contains("/v3/conversations/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, reply =>
        {
            Assert.Matches(@"^http://127\.0\.0\.1:\d+/v3/conversations/\{conversationId\}/activities(/\{activityId\})?$", (string)reply.GetTagItem("url.full")!);
            Assert.Contains(turns, turn => turn.TraceId == reply.TraceId);
        });

        var redis = spans.Where(IsRedis).ToList();
        Assert.NotEmpty(redis);
        Assert.Contains(redis, call => turns.Any(turn => turn.TraceId == call.TraceId));
        Assert.Contains(redis, call => call.DisplayName == "SET" && locks.Any(wait => wait.SpanId == call.ParentSpanId));
        Assert.Contains(redis, call => call.DisplayName == "HGET" && turns.Any(turn => turn.SpanId == call.ParentSpanId));
        Assert.Contains(redis, call => call.DisplayName == "EVAL" && turns.Any(turn => turn.SpanId == call.ParentSpanId));
    }

    [Fact]
    public void No_attribute_or_log_field_holds_typed_text_or_a_user_conversation_or_tenant_id()
    {
        var secrets = new List<string>
        {
            TypedWord, FaqWord, SearchWord, "breast cancer", "saddle", "remission", "why contrast", "football",
            UserName, "Ottoline", "Fernsby", UserId, "1ottoline-user", AadObjectId, TenantId, ConversationId, "1c0nversation-9f8e7d6c",
            Uri.EscapeDataString(ConversationId), TenantHashKey,
        };
        var attributes = consult.Spans.Select(span => ("span " + span.DisplayName, WholeConsultTelemetry.Describe(span)))
            .Concat(consult.Metrics.Select(metric => ("metric " + metric.Name, WholeConsultTelemetry.Describe(metric))))
            .Append(("resource", consult.Resource))
            .ToList();
        var logs = consult.Logs.Lines.Select(line => ($"log {line.Category}", line.AllText)).ToList();

        // The sweep must have something to sweep: spans of every kind, the bot's metrics, logs of every category.
        Assert.Contains(consult.Spans, IsRedis);
        Assert.Contains(consult.Spans, span => span.Kind == ActivityKind.Client);
        Assert.Contains(consult.Metrics, metric => metric.MeterName == ImagingBotTelemetry.MeterName);
        Assert.Contains(consult.Logs.Lines, line => line.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal));
        Assert.Contains(consult.Logs.Lines, line => line.Category == typeof(PhiFreeHttpClientLogger).FullName && line.Message.Contains("/v3/conversations/{conversationId}/activities", StringComparison.Ordinal));
        Assert.Contains(consult.Logs.Lines, line => line.Category == RecommendationAudit.Category);

        var found = new List<string>();
        foreach (var (where, text) in attributes.Concat(logs))
        {
            found.AddRange(secrets.Where(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(secret => $"'{secret}' in {where}: {text}"));
        }

        // Consult ids belong in the audit (to find the advice again), never on a metric or a span.
        var consultIds = consult.CardConsultIds.Union(consult.Logs.Lines.Where(line => line.Category == RecommendationAudit.Category).Select(line => line.Fields["ConsultId"]!)).ToList();
        Assert.Equal(3, consultIds.Count);
        foreach (var (where, text) in attributes)
        {
            found.AddRange(consultIds.Where(id => text.Contains(id, StringComparison.Ordinal)).Select(id => $"consult id '{id}' in {where}"));
        }

        // What was swept, for a reader of the test's output: each source's attribute keys.
        foreach (var keys in consult.Spans.GroupBy(span => span.Source.Name).Select(group => $"{group.Key}: {string.Join(", ", group.SelectMany(span => span.TagObjects.Select(tag => tag.Key)).Distinct().Order())}"))
        {
            output.WriteLine(keys);
        }

        foreach (var metric in consult.Metrics.GroupBy(metric => metric.Name).Select(group => group.Last()))
        {
            output.WriteLine($"{metric.MeterName} {metric.Name} ({metric.Unit}): {string.Join(", ", metric.MetricPoints.SelectMany(TagKeys).Distinct().Order())}");
        }

        foreach (var line in found)
        {
            output.WriteLine(line);
        }

        Assert.Empty(found);
    }

    [Fact]
    public void Each_piece_of_advice_has_one_audit_event_with_codes_from_the_guidance_file()
    {
        var audit = consult.Logs.Lines.Where(line => line.Category == RecommendationAudit.Category).ToList();
        Assert.Equal(3, audit.Count);
        Assert.Equal(3, audit.Select(line => line.Fields["ConsultId"]).Distinct().Count());
        Assert.Subset(audit.Select(line => line.Fields["ConsultId"]!).ToHashSet(), consult.CardConsultIds.ToHashSet());
        Assert.All(audit, line =>
        {
            Assert.Equal(LogLevel.Information, line.Level);
            Assert.True(DateTimeOffset.TryParseExact(line.Fields["Time"], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at), line.Fields["Time"]);
            Assert.True(DateTimeOffset.UtcNow - at < TimeSpan.FromMinutes(10));
            Assert.Equal("msteams", line.Fields["Channel"]);
            Assert.Equal(Guidance.ContentVersion, line.Fields["ContentVersion"]);
            var answers = line.Fields["Answers"]!.Split(';').Select(code => code.Split('=')).ToList();
            Assert.All(answers, code =>
            {
                var question = Guidance.QuestionByKey(code[0]);
                Assert.NotNull(question);
                Assert.Contains(question!.Options, option => option.Value == code[1]);
            });
        });

        var recommendations = audit.Where(line => line.EventId.Id == RecommendationAudit.RecommendationEventId).ToList();
        Assert.Equal(2, recommendations.Count);
        Assert.All(recommendations, line =>
        {
            Assert.Contains(Guidance.Procedures, procedure => procedure.Id == line.Fields["RecommendedStudy"]);
            Assert.All(line.Fields["FirstLineStudies"]!.Split('|'), study => Assert.Contains(Guidance.Procedures, procedure => procedure.Id == study));
            Assert.Contains(line.Fields["FirstLineRanked"], new[] { "True", "False" });
        });
        var emergent = Assert.Single(recommendations, line => line.Fields["Urgency"] == "emergent");
        Assert.Equal("4", emergent.Fields["Variant"]);
        Assert.Contains("caudaEquina=yes", emergent.Fields["Answers"], StringComparison.Ordinal);
        var routine = Assert.Single(recommendations, line => line.Fields["Urgency"] == "routine");
        Assert.Equal("7", routine.Fields["Variant"]);
        Assert.Contains("cancer=yes", routine.Fields["Answers"], StringComparison.Ordinal);
        Assert.Contains("contraindication=contrast", routine.Fields["Answers"], StringComparison.Ordinal);

        var outOfScope = Assert.Single(audit, line => line.EventId.Id == RecommendationAudit.OutOfScopeEventId);
        Assert.Equal("child", outOfScope.Fields["Reason"]);
        Assert.Contains("age=child", outOfScope.Fields["Answers"], StringComparison.Ordinal);
    }

    private static List<string> TagKeys(MetricPoint point)
    {
        var keys = new List<string>();
        foreach (var tag in point.Tags)
        {
            keys.Add(tag.Key);
        }

        return keys;
    }

    private static string ExpectedTenantHash() =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TenantHashKey), Encoding.UTF8.GetBytes(TenantId.ToUpperInvariant())).AsSpan(0, 8));

    private List<Point> Points(string metricName)
    {
        var metric = consult.Metrics.LastOrDefault(snapshot => snapshot.Name == metricName)
            ?? throw new Xunit.Sdk.XunitException($"No metric {metricName}; there are: {string.Join(", ", consult.Metrics.Select(snapshot => snapshot.Name).Distinct())}");
        return [.. metric.MetricPoints.Select(point => new Point(metric.MetricType, point))];
    }

    /// <summary>One metric point: its attributes as text, its count (histograms) or sum (counters).</summary>
    private sealed class Point
    {
        public Point(MetricType type, MetricPoint point)
        {
            foreach (var tag in point.Tags)
            {
                Tags[tag.Key] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            }

            Count = type == MetricType.Histogram ? point.GetHistogramCount() : 0;
            Sum = type == MetricType.LongSum ? point.GetSumLong() : 0;
        }

        public Dictionary<string, string> Tags { get; } = [];

        public long Count { get; }

        public long Sum { get; }
    }
}
