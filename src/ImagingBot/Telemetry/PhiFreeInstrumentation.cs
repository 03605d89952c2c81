using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;

namespace ImagingBot.Telemetry;

/// <summary>
/// The ASP.NET Core and HttpClient instrumentations, told to keep ids out of their spans: the request's path and the
/// connector's URL pass through <see cref="PhiFreeUrl"/>, queries are dropped, exceptions are not recorded (their
/// messages can echo input), and the probes and the scraping endpoint make no spans.
/// </summary>
public static class PhiFreeInstrumentation
{
    private static readonly string[] Untraced = ["/healthz", "/readyz", PrometheusTelemetryOptions.Path];

    public static void AspNetCore(AspNetCoreTraceInstrumentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RecordException = false;
        options.Filter = context => !Untraced.Contains(context.Request.Path.Value, StringComparer.OrdinalIgnoreCase);
        options.EnrichWithHttpRequest = (span, request) =>
        {
            span.SetTag("url.path", PhiFreeUrl.Path(request.Path.Value));
            span.SetTag("url.query", null);
        };
    }

    public static void HttpClient(HttpClientTraceInstrumentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RecordException = false;
        options.EnrichWithHttpRequestMessage = (span, request) => span.SetTag("url.full", PhiFreeUrl.Of(request.RequestUri));
    }
}
