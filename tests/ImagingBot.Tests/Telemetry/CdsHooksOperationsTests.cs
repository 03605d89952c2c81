using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ImagingBot.Guidance;
using ImagingBot.Telemetry;
using ImagingBot.Tests.CdsHooks;
using ImagingBot.Tests.State;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using static ImagingBot.Tests.CdsHooks.FeedbackItems;
using static ImagingBot.Tests.CdsHooks.HookRequests;

namespace ImagingBot.Tests.Telemetry;

/// <summary>
/// What operations sees of the CDS Hooks service, over HTTP to the real app with Prometheus on: each card's audit
/// event (joined to the order by its <c>pama-rating-consult-id</c>) and its "advice given" count on channel
/// <c>cds-hooks</c>, and feedback on issued cards as counters on <c>/metrics</c>, on Memory and on Redis.
/// </summary>
[Collection(AloneInTheProcess.Name)]
public sealed class CdsHooksOperationsTests(WebApplicationFactory<Program> factory, SharedRedis redis) : IClassFixture<WebApplicationFactory<Program>>, IClassFixture<SharedRedis>
{
    private const string FeedbackMetric = "imagingbot_cds_hooks_feedback_total";

    private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();

    [Fact]
    public async Task Each_card_has_one_audit_event_joined_to_its_order_and_each_piece_of_advice_is_counted_on_channel_cds_hooks()
    {
        var logs = new CapturedLogs();
        using var app = Operated(factory, logs);
        using var client = app.CreateClient();

        var selected = await client.AnswerAsync(OrderSelect("72131", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|Z85.3"], BornYearsAgo(61)));
        var signed = await client.AnswerAsync(OrderSelect("72158", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G83.4"], BornYearsAgo(45), hook: "order-sign"), CdsHooksClient.OrderSignPath);
        var child = await client.AnswerAsync(OrderSelect("72148", [$"{Icd10Cm}|M54.50"], BornYearsAgo(12)));
        var childEmergency = await client.AnswerAsync(OrderSelect("72148", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G83.4"], BornYearsAgo(12)));
        Assert.Empty(child.Cards());

        var audit = logs.Lines.Where(line => line.Category == RecommendationAudit.Category).ToList();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, line =>
        {
            Assert.Equal(TelemetryValues.CdsHooksChannel, line.Fields["Channel"]);
            Assert.Equal(Guidance.ContentVersion, line.Fields["ContentVersion"]);
            Assert.True(DateTimeOffset.TryParseExact(line.Fields["Time"], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), line.Fields["Time"]);
            Assert.All(line.Fields["Answers"]!.Split(';').Select(code => code.Split('=')), code =>
                Assert.Contains(Guidance.QuestionByKey(code[0])!.Options, option => option.Value == code[1]));
            Assert.DoesNotContain(PatientId, line.AllText, StringComparison.Ordinal);
        });

        // The consult id is the one the EHR stores with the order: the rating's consult id, the card's uuid.
        foreach (var (response, variant, urgency) in new[] { (selected, "7", "routine"), (signed, "4", "emergent") })
        {
            var card = Assert.Single(response.Cards());
            var consultId = CdsHooksClient.ConsultId(CdsHooksClient.ServiceRequest(response.SystemActions()[0]!["resource"]!));
            Assert.Equal("urn:uuid:" + (string)card!["uuid"]!, consultId);
            var line = Assert.Single(audit, line => line.Fields["ConsultId"] == consultId);
            Assert.Equal(RecommendationAudit.RecommendationEventId, line.EventId.Id);
            Assert.Equal((variant, urgency), (line.Fields["Variant"], line.Fields["Urgency"]));
            Assert.Contains(Guidance.Procedures, procedure => procedure.Id == line.Fields["RecommendedStudy"]);
        }

        var outOfScope = Assert.Single(audit, line => line.EventId.Id == RecommendationAudit.OutOfScopeEventId);
        Assert.Equal("urn:uuid:" + (string)Assert.Single(childEmergency.Cards())!["uuid"]!, outOfScope.Fields["ConsultId"]);
        Assert.Equal(("child", "emergent"), (outOfScope.Fields["Reason"], outOfScope.Fields["Urgency"]));
        Assert.Contains("caudaEquina=yes", outOfScope.Fields["Answers"], StringComparison.Ordinal);

        var scraped = await ScrapeAsync(client);
        const string Finished = "imagingbot_consults_finished_total";
        const string Channel = "imagingbot_channel=\"cds-hooks\"";
        Assert.Equal(1, Sample(scraped, Finished, Channel, "imagingbot_variant=\"7\"", "imagingbot_urgency=\"routine\""));
        Assert.Equal(1, Sample(scraped, Finished, Channel, "imagingbot_variant=\"4\"", "imagingbot_urgency=\"emergent\""));
        Assert.Equal(1, Sample(scraped, Finished, Channel, "imagingbot_out_of_scope_reason=\"child\"", "imagingbot_urgency=\"routine\""));
        Assert.Equal(1, Sample(scraped, Finished, Channel, "imagingbot_out_of_scope_reason=\"child\"", "imagingbot_urgency=\"emergent\""));
    }

    [Fact]
    public async Task Feedback_on_a_card_issued_by_order_select_is_counted_on_metrics_by_variant_and_reason()
    {
        using var app = Operated(factory);
        using var client = app.CreateClient();
        var first = await client.CardIdAsync(OrderSelect("72148", [$"{Icd10Cm}|M54.50"], BornYearsAgo(40)));
        var second = await client.CardIdAsync(OrderSelect("72148", [$"{Icd10Cm}|M54.50"], BornYearsAgo(40)));
        var redFlag = await client.CardIdAsync(OrderSelect("72131", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|Z85.3"], BornYearsAgo(61)));

        await client.SendFeedbackAsync([Overridden(first, "radiologist-advised"), Overridden(second, "radiologist-advised"), Accepted(redFlag), Overridden("a-card-we-never-sent", "a reason typed by someone")]);

        var scraped = await ScrapeAsync(client);
        Assert.Equal(2, Sample(scraped, FeedbackMetric, "imagingbot_variant=\"1\"", "imagingbot_cds_hooks_outcome=\"overridden\"", "imagingbot_cds_hooks_override_reason=\"radiologist-advised\""));
        Assert.Equal(1, Sample(scraped, FeedbackMetric, "imagingbot_variant=\"7\"", "imagingbot_cds_hooks_outcome=\"accepted\"", "imagingbot_cds_hooks_override_reason=\"none\""));
        Assert.Equal(1, Sample(scraped, FeedbackMetric, "imagingbot_variant=\"unknown\"", "imagingbot_cds_hooks_outcome=\"overridden\"", "imagingbot_cds_hooks_override_reason=\"other\""));
        Assert.DoesNotContain("typed by someone", scraped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_redis_an_instance_reports_the_feedback_another_instance_counted()
    {
        var keyPrefix = SharedRedis.NewKeyPrefix();
        using var counting = Operated(factory, redisEndpoint: redis.Endpoint, keyPrefix: keyPrefix);
        using var client = counting.CreateClient();
        var card = await client.CardIdAsync(OrderSelect("72158", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G83.4"], BornYearsAgo(45)));
        await client.SendFeedbackAsync([Overridden(card, "mri-not-possible")]);
        const string Overrides = "imagingbot_cds_hooks_override_reason=\"mri-not-possible\"";
        Assert.Equal(1, Sample(await ScrapeAsync(client), FeedbackMetric, "imagingbot_variant=\"4\"", Overrides));

        // Another instance, started after the feedback: it reads the shared tally from Redis in the background.
        using var reporting = Operated(factory, redisEndpoint: redis.Endpoint, keyPrefix: keyPrefix);
        using var other = reporting.CreateClient();
        long? reported = null;
        for (var attempt = 0; attempt < 100 && reported is null; attempt++)
        {
            reported = TrySample(await ScrapeAsync(other), FeedbackMetric, "imagingbot_variant=\"4\"", Overrides);
            if (reported is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(1, reported);
    }

    [Fact]
    public async Task Nothing_of_a_CDS_Hooks_request_but_its_codes_reaches_a_span_a_metric_or_a_log()
    {
        const string Comment = "Quux-Zebedee declined the MRI";
        var recorded = new LockedList<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = recorded.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new CapturedLogs();
        using var app = Operated(factory, logs);
        using var client = app.CreateClient();

        using (var discovery = await client.GetAsync(new Uri("/cds-services", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        }

        var card = await client.CardIdAsync(OrderSelect("72131", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|Z85.3"], BornYearsAgo(61)));
        Assert.Single((await client.AnswerAsync(OrderSelect("72158", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G83.4"], BornYearsAgo(45), hook: "order-sign"), CdsHooksClient.OrderSignPath)).Cards());
        await client.SendFeedbackAsync([Overridden(card, "radiologist-advised", Comment)]);
        var scraped = await ScrapeAsync(client);

        // What the requests carried that is the patient's, the clinician's or the EHR's: ids, the server, free text.
        string[] identifying = [PatientId, "Practitioner/123", "89284", "hooks.smarthealthit.org", Comment, "Quux-Zebedee"];
        var spans = recorded.Snapshot();
        Assert.Contains(spans, span => span.GetTagItem("http.route") is "/cds-services/{id}");
        var spanText = spans.Select(span => string.Join(' ', [span.DisplayName, span.OperationName,
            .. span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"),
            .. span.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name} {tag.Key}={tag.Value}"))]));
        Assert.Contains(logs.Lines, line => line.Category == RecommendationAudit.Category);
        foreach (var value in identifying)
        {
            Assert.All(spanText, text => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
            Assert.DoesNotContain(value, scraped, StringComparison.Ordinal);
            Assert.All(logs.Lines, line => Assert.DoesNotContain(value, line.AllText + string.Join(' ', line.Fields.Values), StringComparison.Ordinal));
        }
    }

    private static WebApplicationFactory<Program> Operated(WebApplicationFactory<Program> factory, CapturedLogs? logs = null, string? redisEndpoint = null, string? keyPrefix = null) =>
        factory.Instance(redisEndpoint, keyPrefix, logs, settings: new Dictionary<string, string>
        {
            ["CdsHooks:AllowAnonymous"] = "true",
            ["Telemetry:Prometheus:Enabled"] = "true",
        });

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static long Sample(string scraped, string metric, params string[] labels) =>
        TrySample(scraped, metric, labels) ?? throw new Xunit.Sdk.XunitException($"No {metric} with {string.Join(", ", labels)} in:\n{scraped}");

    private static long? TrySample(string scraped, string metric, params string[] labels)
    {
        var samples = scraped.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .ToList();
        Assert.True(samples.Count <= 1, string.Join("\n", samples));
        return samples.Count == 0 ? null : long.Parse(samples[0][(samples[0].IndexOf('}', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
