using System.Diagnostics.Metrics;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Telemetry;
using ImagingBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImagingBot.Tests.Telemetry;

/// <summary>Advice is counted and audited once, in the turn the consult reaches it, not each time it is shown again.</summary>
public sealed class ConsultTelemetryTests
{
    private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();
    private static readonly ClinicalAnswers Emergency = ClinicalAnswers.Empty with { CaudaEquinaSigns = true };

    [Theory]
    [InlineData("open consult", true, "c1", 1)]
    [InlineData("no consult before", false, null, 1)]
    [InlineData("an ended consult shown again", false, "c1", 0)]
    [InlineData("another consult that had ended", false, "c0", 1)]
    public void Advice_is_counted_and_audited_when_the_consult_reaches_it(string turn, bool openBefore, string? consultBefore, int expected)
    {
        _ = turn;
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var logs = new CapturedLogs();
        using var loggerFactory = LoggerFactory.Create(logs.AttachTo);
        var telemetry = new ConsultTelemetry(new ConsultMetrics(meterFactory, new TenantHash(Options.Create(new TelemetryOptions()))), new RecommendationAudit(Guidance, loggerFactory));
        long finished = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meterFactory && instrument.Name == ConsultMetrics.FinishedName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => finished += value);
        listener.Start();

        var before = consultBefore is null ? null : new ConsultState { ConsultId = consultBefore, Pending = openBefore ? "caudaEquina" : null, Answers = Emergency };
        var after = new ConsultState { ConsultId = "c1", Answers = Emergency };
        telemetry.TurnTaken(new Activity(ActivityTypes.Message) { ChannelId = "msteams" }, before, new ConsultTurn(after, [new GiveAdvice("c1", new ImagingDecision(Guidance).Decide(Emergency))]));

        Assert.Equal(expected, finished);
        Assert.Equal(expected, logs.Lines.Count(line => line.Category == RecommendationAudit.Category));
    }
}
