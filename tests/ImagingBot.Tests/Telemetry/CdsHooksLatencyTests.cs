using System.Diagnostics.Metrics;
using System.Net;
using ImagingBot.Hosting;
using ImagingBot.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingBot.Tests.Telemetry;

/// <summary>
/// The seam a CDS Hooks endpoint uses: its metadata (<c>RecordsCdsHooksLatency</c>) gets its latency recorded under
/// its service name and status, and other endpoints are not recorded.
/// </summary>
public sealed class CdsHooksLatencyTests
{
    [Fact]
    public async Task An_endpoint_that_asks_for_it_has_its_latency_recorded_under_its_service_name()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.AddTelemetry();
        await using var app = builder.Build();
        app.MapTelemetryEndpoints();
        app.MapPost("/cds-services/{id}", (string id) => id == "lumbar-imaging" ? Results.Ok() : Results.NotFound()).RecordsCdsHooksLatency("lumbar-imaging");
        app.MapGet("/other", () => Results.Ok());
        await app.StartAsync();

        var recorded = new List<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        var meterFactory = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == CdsHooksMetrics.DurationName && instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) => recorded.Add((seconds, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value))));
        listener.Start();

        using var client = app.GetTestClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/cds-services/lumbar-imaging", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(new Uri("/cds-services/typed-by-someone", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/other", UriKind.Relative))).StatusCode);

        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, measurement =>
        {
            Assert.True(measurement.Seconds > 0);
            Assert.Equal("lumbar-imaging", measurement.Tags[TelemetryAttributes.CdsHooksService]);
        });
        Assert.Equal([200, 404], recorded.Select(measurement => (int)measurement.Tags[TelemetryAttributes.HttpStatusCode]!));
    }
}
