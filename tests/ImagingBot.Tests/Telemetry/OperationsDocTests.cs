using System.Diagnostics.Metrics;
using System.Reflection;
using ImagingBot.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImagingBot.Tests.Telemetry;

/// <summary>docs/operations.md names every metric the bot's meter creates, with its unit, every attribute and every span.</summary>
public sealed class OperationsDocTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryLayout.PathOf("docs", "operations.md"));

    [Fact]
    public void Every_metric_of_the_bots_meter_is_documented_with_its_unit()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var instruments = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Scope == meterFactory)
                {
                    instruments.Add(instrument);
                }
            },
        };
        listener.Start();

        _ = new ConsultMetrics(meterFactory, new TenantHash(Options.Create(new TelemetryOptions())));
        _ = new TurnMetrics(meterFactory);
        _ = new StoreMetrics(meterFactory);
        _ = new CdsHooksMetrics(meterFactory);
        _ = new CdsFeedbackMetrics(meterFactory, new ImagingBot.CdsHooks.Feedback.StoredCdsFeedbackCounts(new Microsoft.Bot.Builder.MemoryStorage(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ImagingBot.CdsHooks.Feedback.StoredCdsFeedbackCounts>.Instance));

        Assert.Equal(9, instruments.Count);
        Assert.All(instruments, instrument =>
        {
            Assert.Equal(ImagingBotTelemetry.MeterName, instrument.Meter.Name);
            Assert.Contains($"| `{instrument.Name}` (`", Doc, StringComparison.Ordinal);
            Assert.Matches($@"\| `{System.Text.RegularExpressions.Regex.Escape(instrument.Name)}` \(`[a-z_]+`\) \| [a-z]+, `{System.Text.RegularExpressions.Regex.Escape(instrument.Unit!)}` \|", Doc);
        });
    }

    [Fact]
    public void Every_attribute_and_span_name_is_documented()
    {
        var names = typeof(TelemetryAttributes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Append(TurnTelemetryMiddleware.SpanName)
            .Append(ImagingBot.Turn.OneTurnPerConversationMiddleware.LockSpanName)
            .Append(RecommendationAudit.Category);

        Assert.All(names, name => Assert.Contains($"`{name}`", Doc, StringComparison.Ordinal));
    }
}
