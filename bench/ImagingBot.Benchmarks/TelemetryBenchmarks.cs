using BenchmarkDotNet.Attributes;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ImagingBot.Benchmarks;

/// <summary>
/// What the bot's telemetry adds to a turn, with nothing collecting (the default) and with the OpenTelemetry SDK
/// collecting the bot's meter and spans (as with OTLP or Prometheus on; the exporter itself runs off the turn): the
/// turn's span and duration, a consult's end (two counters, the turn span's tags and the audit event, formatted as a
/// console logger would), a connector URL without its ids.
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();
    private readonly Uri _connectorUrl = new("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1hD9xQkE7-user-conversation/activities/1700000000000");

    // Disposed at the end; a field of a disposable type would make the benchmark class itself disposable.
    private readonly List<IDisposable> _owned = [];
    private TurnTelemetryMiddleware _turnTelemetry = null!;
    private ConsultTelemetry _consultTelemetry = null!;
    private ITurnContext _turn = null!;
    private Activity _activity = null!;
    private ConsultTurn _advice = null!;
    private ConsultState _before = null!;

    [Params(false, true)]
    public bool Collecting { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddMetrics().AddLogging(logging => logging.AddProvider(new FormattingLoggerProvider()));
        services.AddSingleton(Options.Create(new TelemetryOptions { TenantHashKey = "bench-key-0123456789abcdef" }));
        services.AddSingleton<TenantHash>().AddSingleton<ConsultMetrics>().AddSingleton<TurnMetrics>().AddSingleton(Guidance)
            .AddSingleton<RecommendationAudit>().AddSingleton<ConsultTelemetry>().AddSingleton<TurnTelemetryMiddleware>();
        var provider = services.BuildServiceProvider();
        _owned.Add(provider);
        if (Collecting)
        {
            _owned.Add(Sdk.CreateMeterProviderBuilder().AddMeter(ImagingBotTelemetry.MeterName).AddReader(new BaseExportingMetricReader(new DroppingExporter<Metric>())).Build());
            _owned.Add(Sdk.CreateTracerProviderBuilder().AddSource(ImagingBotTelemetry.ActivitySourceName).AddProcessor(new BatchActivityExportProcessor(new DroppingExporter<System.Diagnostics.Activity>())).Build());
        }

        _turnTelemetry = provider.GetRequiredService<TurnTelemetryMiddleware>();
        _consultTelemetry = provider.GetRequiredService<ConsultTelemetry>();
        _activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "a:1conversation", TenantId = "7e4a47c1-5e1f-4b0a-9d3e-000000c1a55e" },
            From = new ChannelAccount { Id = "29:1user" },
            Text = "no",
        };
        var turn = new TurnContext(new TestAdapter(), _activity);
        _owned.Add(turn);
        _turn = turn;
        var answers = ClinicalAnswers.Empty with { CaudaEquinaSigns = true };
        _before = new ConsultState { ConsultId = "c1", Pending = "caudaEquina" };
        var after = _before with { Pending = null, Answers = answers };
        _advice = new ConsultTurn(after, [new GiveAdvice("c1", new ImagingDecision(Guidance).Decide(answers))]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    /// <summary>Every turn: the turn's span and duration around a bot that does nothing.</summary>
    [Benchmark]
    public Task Turn() => _turnTelemetry.OnTurnAsync(_turn, _ => Task.CompletedTask);

    /// <summary>Once a consult: advice given (two counters, the audit event).</summary>
    [Benchmark]
    public void AdviceGiven() => _consultTelemetry.TurnTaken(_activity, _before, _advice);

    /// <summary>Every reply to the connector when spans are collected: its URL without the ids.</summary>
    [Benchmark]
    public string ConnectorUrlWithoutIds() => PhiFreeUrl.Of(_connectorUrl);

    private sealed class DroppingExporter<T> : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch) => ExportResult.Success;
    }

    /// <summary>Formats every line, as the console logger does, and writes it nowhere.</summary>
    private sealed class FormattingLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new FormattingLogger();

        public void Dispose()
        {
        }

        private sealed class FormattingLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                GC.KeepAlive(formatter(state, exception));
        }
    }
}
