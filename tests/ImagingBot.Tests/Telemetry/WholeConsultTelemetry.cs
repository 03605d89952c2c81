using System.Diagnostics;
using System.Net;
using System.Text;
using ImagingBot.Hosting;
using ImagingBot.Tests.State;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ImagingBot.Tests.Telemetry;

/// <summary>
/// Whole consults of one Teams clinician over real HTTP (the app on Kestrel, its replies to a fake Bot Connector on
/// Kestrel, state in a real Redis that is stopped once mid-conversation), with every span and metric point kept by
/// OpenTelemetry's in-memory exporter and every log line of every category captured. The clinician's ids, name, tenant
/// and conversation and the words typed are made up so that they can be looked for everywhere.
/// </summary>
public sealed class WholeConsultTelemetry : IAsyncLifetime
{
    public const string TypedWord = "florbignathy";
    public const string FaqWord = "zumquatrel";
    public const string SearchWord = "brindlewick";
    public const string OneLineCase = "start 58F " + TypedWord + ", breast cancer in remission, subjective fevers, night pain";
    public const string EmergencyCase = "start 71M " + TypedWord + " urinary retention and saddle anaesthesia";
    public const string ChildCase = "start 12 year old boy " + TypedWord + " back pain after football";
    public const string UserName = "Dr Ottoline Fernsby-Quade";
    public const string UserId = "29:1ottoline-user-a7f3c9";
    public const string AadObjectId = "5eed1e55-7a1c-4b0a-9d3e-00000000a11c";
    public const string TenantId = "7e4a47c1-5e1f-4b0a-9d3e-000000c1a55e";
    public const string ConversationId = "a:1c0nversation-9f8e7d6c";
    public const string TenantHashKey = "telemetry-test-key-5f0c1d2e3b4a";

    // Typed answers to the questions the case leaves open (the case itself confirmed with "yes").
    private static readonly Dictionary<string, string> TypedAnswers = new(TestPatients.Patient(("cancer", "yes")))
    {
        ["case"] = "yes",
        ["contraindication"] = "no contrast",
    };

    private readonly LockedList<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private WebApplicationFactory<Program>? _instance;
    private RedisServer? _redis;
    private FakeChannel? _channel;

    public CapturedLogs Logs { get; } = new();

    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    public IReadOnlyList<MetricSnapshot> Metrics => _metrics;

    /// <summary>The HTTP status of every request the clinician sent.</summary>
    public List<HttpStatusCode> Statuses { get; } = [];

    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> Replies => [.. _channel!.Replies];

    /// <summary>The consult ids on the bot's cards (the out-of-scope card carries none): the audit may hold them, the metrics and spans may not.</summary>
    public IReadOnlySet<string> CardConsultIds => Replies.Select(BotReplies.Card).OfType<System.Text.Json.Nodes.JsonObject>()
        .SelectMany(BotReplies.ActionData).Select(data => (string?)data["consultId"]).OfType<string>().ToHashSet();

    /// <summary>Everything the OpenTelemetry resource says about the process.</summary>
    public string Resource { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _channel = await FakeChannel.StartAsync();
        // The factory itself is never started: only the instance built from it runs (and is disposed).
#pragma warning disable CA2000
        _instance = new WebApplicationFactory<Program>().Instance(
#pragma warning restore CA2000
            _redis.Endpoint,
            logs: Logs,
            settings: new Dictionary<string, string> { ["Telemetry:TenantHashKey"] = TenantHashKey },
            services: services => services.AddOpenTelemetry().WithImagingBotSignals()
                .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics))
                .WithTracing(tracing => tracing.AddInMemoryExporter(_spans)));
        _instance.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        using var client = _instance.CreateClient();
        var clinician = new TeamsClinician(client, _channel, UserId, UserName, AadObjectId, TenantId, ConversationId);
        await ConsultAsync(clinician);

        // A readiness probe, as a load balancer sends them all day: it makes no span.
        using (var probe = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Statuses.Add(probe.StatusCode);
        }

        var tracer = _instance.Services.GetRequiredService<TracerProvider>();
        Resource = string.Join("; ", tracer.GetResource().Attributes.Select(attribute => $"{attribute.Key}={attribute.Value}"));
        await WaitForRedisSpansAsync(tracer);
        _instance.Services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    public async Task DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }

        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    /// <summary>Every name, attribute key and value of a span, its events and links: what an exporter sends.</summary>
    public static string Describe(Activity span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var text = new StringBuilder()
            .Append(span.Source.Name).Append(' ').Append(span.DisplayName).Append(' ').Append(span.OperationName).Append(' ')
            .Append(span.StatusDescription).Append(' ').Append(span.TraceStateString).Append(' ');
        foreach (var (key, value) in span.TagObjects)
        {
            text.Append(key).Append('=').Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append("; ");
        }

        foreach (var spanEvent in span.Events)
        {
            text.Append(spanEvent.Name).Append(": ");
            foreach (var (key, value) in spanEvent.Tags)
            {
                text.Append(key).Append('=').Append(value).Append("; ");
            }
        }

        foreach (var link in span.Links)
        {
            foreach (var (key, value) in link.Tags ?? [])
            {
                text.Append(key).Append('=').Append(value).Append("; ");
            }
        }

        foreach (var (key, value) in span.Baggage)
        {
            text.Append(key).Append('=').Append(value).Append("; ");
        }

        return text.ToString();
    }

    /// <summary>A metric's name, unit, description and every point's attributes.</summary>
    public static string Describe(MetricSnapshot metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var text = new StringBuilder().Append(metric.MeterName).Append(' ').Append(metric.Name).Append(' ').Append(metric.Unit).Append(' ').Append(metric.Description).Append(' ');
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                text.Append(tag.Key).Append('=').Append(Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture)).Append("; ");
            }
        }

        return text.ToString();
    }

    private async Task ConsultAsync(TeamsClinician clinician)
    {
        Statuses.Add((await clinician.InstallAsync()).StatusCode);

        // A consult from a one-line case, every open question answered by typing, an FAQ question typed in between.
        Statuses.Add((await clinician.SayAsync(OneLineCase)).StatusCode);
        for (var step = 0; _channel!.LastAsked is { } key; step++)
        {
            Assert.True(step < 20, "the consult never ended");
            if (step == 1)
            {
                Statuses.Add((await clinician.SayAsync($"{FaqWord}: why contrast?")).StatusCode);
            }

            Statuses.Add((await clinician.SayAsync(TypedAnswers[key])).StatusCode);
        }

        // A compose-box search, an emergency typed in one line (answered at once, emergent), a child (out of scope).
        Statuses.Add((await clinician.SearchFaqAsync(SearchWord + " contrast")).StatusCode);
        Statuses.Add((await clinician.SayAsync(EmergencyCase)).StatusCode);
        Statuses.Add((await clinician.SayAsync(ChildCase)).StatusCode);

        // The store goes away while a message waits, and comes back.
        await _redis!.StopAsync();
        Statuses.Add((await clinician.SayAsync("start " + TypedWord)).StatusCode);
        await _redis.StartAgainAsync();
        Statuses.Add((await clinician.SayAsync("help")).StatusCode);
    }

    // The Redis instrumentation turns profiled commands into spans on its own schedule.
    private async Task WaitForRedisSpansAsync(TracerProvider tracer)
    {
        for (var waited = 0; waited < 150 && !Spans.Any(IsRedis); waited++)
        {
            await Task.Delay(100);
        }

        tracer.ForceFlush();
    }

    public static bool IsRedis(Activity span) => span.Source.Name.Contains("Redis", StringComparison.OrdinalIgnoreCase);
}
