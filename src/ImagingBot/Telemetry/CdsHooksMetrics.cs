using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ImagingBot.Telemetry;

/// <summary>
/// How long a CDS Hooks call takes. A CDS service's endpoint records itself by its metadata
/// (<see cref="CdsHooksEndpointConventions.RecordsCdsHooksLatency"/>, measured by <see cref="CdsHooksLatencyMiddleware"/>),
/// or calls <see cref="Record"/> itself.
/// </summary>
public sealed class CdsHooksMetrics
{
    public const string DurationName = "imagingbot.cds_hooks.duration";

    private readonly Histogram<double> _duration;

    public CdsHooksMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ImagingBotTelemetry.MeterName);
        _duration = meter.CreateHistogram(DurationName, "s", "Time to answer a CDS Hooks call (discovery, a hook, feedback), from routing to the response.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ImagingBotTelemetry.DurationBuckets });
    }

    /// <param name="service">A name fixed in code (the CDS service's id, or "discovery"), never a value from the request.</param>
    public void Record(string service, TimeSpan duration, int statusCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (_duration.Enabled)
        {
            _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(TelemetryAttributes.CdsHooksService, service), new KeyValuePair<string, object?>(TelemetryAttributes.HttpStatusCode, statusCode));
        }
    }
}

/// <summary>Endpoint metadata: this endpoint is a CDS Hooks call, recorded under <see cref="Service"/>.</summary>
public sealed record CdsHooksEndpoint(string Service);

public static class CdsHooksEndpointConventions
{
    /// <summary>Records the endpoint's latency as <see cref="CdsHooksMetrics.DurationName"/> under <paramref name="service"/>.</summary>
    public static TBuilder RecordsCdsHooksLatency<TBuilder>(this TBuilder builder, string service)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        return builder.WithMetadata(new CdsHooksEndpoint(service));
    }
}

/// <summary>Times the requests whose endpoint carries <see cref="CdsHooksEndpoint"/>; any other request passes untouched.</summary>
public sealed class CdsHooksLatencyMiddleware(RequestDelegate next, CdsHooksMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<CdsHooksEndpoint>() is not { } endpoint)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context).ConfigureAwait(false);
            statusCode = context.Response.StatusCode;
        }
        finally
        {
            metrics.Record(endpoint.Service, Stopwatch.GetElapsedTime(started), statusCode);
        }
    }
}
