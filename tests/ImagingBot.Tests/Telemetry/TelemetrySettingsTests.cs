using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ImagingBot.Tests.Telemetry;

/// <summary>
/// The <c>Telemetry</c> settings as an operator uses them: nothing collected or served by default, <c>/metrics</c> for
/// Prometheus when enabled (and only on its own port when one is set), OTLP to a collector when an endpoint is set,
/// and a wrong value stopping start-up with a message naming the setting.
/// </summary>
public sealed class TelemetrySettingsTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string TypedWord = "gruntlewhistle";

    [Fact]
    public async Task By_default_nothing_is_collected_and_there_is_no_metrics_endpoint()
    {
        using var client = factory.CreateClient();

        Assert.Null(factory.Services.GetService<MeterProvider>());
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_values_the_Azure_template_writes_by_default_start_the_app_with_nothing_exported()
    {
        await using var app = await AppProcess.StartAsync(State.RedisServer.FreeLoopbackPort(), new Dictionary<string, string>
        {
            ["Telemetry__Otlp__Endpoint"] = string.Empty,
            ["Telemetry__Otlp__Protocol"] = "Grpc",
            ["Telemetry__Otlp__ExportLogs"] = "False",
            ["Telemetry__Prometheus__Enabled"] = "False",
            ["Telemetry__Prometheus__Port"] = "0",
            ["Telemetry__TenantHashKey"] = string.Empty,
        });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.True((await new ConsultConversation(client).SayAsync("start 40F saddle anaesthesia and new urinary retention")).IsRecommendation);
    }

    [Fact]
    public async Task With_Prometheus_enabled_the_bots_metrics_are_served_at_metrics_without_typed_text()
    {
        using var prometheus = factory.WithWebHostBuilder(host => host.UseSetting("Telemetry:Prometheus:Enabled", "true"));
        using var client = prometheus.CreateClient();
        await HttpChat.Emulator(client).SayAsync($"start 40F {TypedWord} saddle anaesthesia and new urinary retention");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/cds-services", UriKind.Relative))).StatusCode);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var scraped = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("imagingbot_consults_started_total{", scraped, StringComparison.Ordinal);
        Assert.Contains("imagingbot_consults_finished_total{", scraped, StringComparison.Ordinal);
        Assert.Contains("imagingbot_urgency=\"emergent\"", scraped, StringComparison.Ordinal);
        Assert.Contains("imagingbot_turn_duration_seconds_bucket{", scraped, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", scraped, StringComparison.Ordinal);
        Assert.True(scraped.Contains("imagingbot_cds_hooks_service=\"discovery\"", StringComparison.Ordinal), string.Join("\n", scraped.Split("\n").Where(line => line.Contains("cds", StringComparison.Ordinal))));
        Assert.DoesNotContain(TypedWord, scraped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_Prometheus_port_the_metrics_endpoint_answers_only_on_that_port()
    {
        using var prometheus = factory.WithWebHostBuilder(host => host
            .UseSetting("Telemetry:Prometheus:Enabled", "true")
            .UseSetting("Telemetry:Prometheus:Port", "9464"));
        using var onTheAppsPort = prometheus.CreateClient();
        using var onItsOwnPort = prometheus.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:9464") });

        Assert.Equal(HttpStatusCode.NotFound, (await onTheAppsPort.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onItsOwnPort.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("Telemetry__Otlp__Endpoint", "otel-collector:4317", "Setting 'Telemetry:Otlp:Endpoint' must be an absolute http or https address")]
    [InlineData("Telemetry__Otlp__Endpoint", "ftp://otel-collector", "Setting 'Telemetry:Otlp:Endpoint' must be an absolute http or https address")]
    [InlineData("Telemetry__Otlp__Protocol", "Pigeon", "Telemetry:Otlp:Protocol")]
    [InlineData("Telemetry__Otlp__ExportLogs", "true", "Setting 'Telemetry:Otlp:ExportLogs' is true but 'Telemetry:Otlp:Endpoint' is empty")]
    [InlineData("Telemetry__Prometheus__Port", "70000", "Setting 'Telemetry:Prometheus:Port' must be a port number")]
    [InlineData("Telemetry__TenantHashKey", "short-key", "Setting 'Telemetry:TenantHashKey' must be empty (no tenant on the metrics) or a random secret of at least 16 characters.")]
    public async Task A_wrong_telemetry_setting_stops_start_up_with_a_clear_message(string variable, string value, string expected)
    {
        var (exitCode, output) = await AppProcess.RunUntilExitAsync(new() { [variable] = value });

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        if (variable == "Telemetry__TenantHashKey")
        {
            Assert.DoesNotContain(value, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_metrics_traces_and_logs_reach_the_collector_without_typed_text_or_ids()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var app = await AppProcess.StartAsync(State.RedisServer.FreeLoopbackPort(), new Dictionary<string, string>
        {
            ["Telemetry__Otlp__Endpoint"] = collector.Address.ToString(),
            ["Telemetry__Otlp__Protocol"] = "HttpProtobuf",
            ["Telemetry__Otlp__ExportLogs"] = "true",
            // The SDK's own settings, read from the environment: export every half second instead of every minute.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        });
        using var client = app.CreateClient();
        var conversation = new ConsultConversation(client, "conversation-" + TypedWord + "-id", userName: "Dr " + TypedWord);
        var advised = await conversation.SayAsync($"start 40F {TypedWord} saddle anaesthesia and new urinary retention");
        Assert.True(advised.IsRecommendation, advised.ToString());

        await collector.WaitUntilAsync(received =>
            received.Any(call => call.Signal == "metrics" && call.Holds("imagingbot.consults.finished"))
            && received.Any(call => call.Signal == "traces" && call.Holds("imagingbot.turn"))
            && received.Any(call => call.Signal == "logs" && call.Holds(ImagingBot.Telemetry.RecommendationAudit.Category)));

        Assert.All(collector.Received, call => Assert.Equal("application/x-protobuf", call.ContentType));
        Assert.DoesNotContain(collector.Received, call => call.Holds(TypedWord) || call.Holds("saddle"));
    }

    /// <summary>An OTLP/HTTP receiver on a loopback port: keeps each export's body (protobuf, whose strings are UTF-8 as they are).</summary>
    private sealed class FakeOtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeOtlpCollector(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public ConcurrentQueue<Export> Received { get; } = new();

        public static async Task<FakeOtlpCollector> StartAsync()
        {
            FakeOtlpCollector? collector = null;
            var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector!.Received.Enqueue(new Export(signal, context.Request.ContentType, body.ToArray()));
                return Results.Bytes([], "application/x-protobuf");
            }));
            collector = new FakeOtlpCollector(app, address);
            return collector;
        }

        public async Task WaitUntilAsync(Func<IReadOnlyCollection<Export>, bool> done)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!done(Received) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.True(done(Received), "The collector received: " + string.Join(", ", Received.Select(call => $"{call.Signal} ({call.Body.Length} B)")));
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    private sealed record Export(string Signal, string? ContentType, byte[] Body)
    {
        public bool Holds(string text) => Encoding.UTF8.GetString(Body).Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
