using System.Reflection;
using ImagingBot.State;
using ImagingBot.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ImagingBot.Hosting;

public static class TelemetryExtensions
{
    public const string ServiceName = "ImagingBot";

    /// <summary>
    /// The bot's metrics, spans and recommendation audit (docs/operations.md), from the <c>Telemetry</c> settings
    /// (checked at start-up). The instruments and the audit are always there; the OpenTelemetry SDK collects only when
    /// something exports: an OTLP collector, the Prometheus endpoint, or both. Nothing leaves the process by default.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TelemetryOptions.SectionName);
        builder.Services.AddOptions<TelemetryOptions>()
            .Configure(options => Bind(section, options))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidation>();
        builder.Services.AddSingleton<TenantHash>();
        builder.Services.AddSingleton<ConsultMetrics>();
        builder.Services.AddSingleton<TurnMetrics>();
        builder.Services.AddSingleton<StoreMetrics>();
        builder.Services.AddSingleton<CdsHooksMetrics>();
        builder.Services.AddSingleton<RecommendationAudit>();
        builder.Services.AddSingleton<ConsultTelemetry>();
        builder.Services.AddSingleton<TurnTelemetryMiddleware>();

        // Which exporters exist is decided here, while services can still be added; the values are validated at start.
        var settings = new TelemetryOptions();
        Bind(section, settings);
        if (!settings.Exports)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().WithImagingBotSignals();
        if (settings.Otlp.Endpoint is { } endpoint && endpoint.IsAbsoluteUri)
        {
            var protocol = settings.Otlp.Protocol == OtlpProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.WithMetrics(metrics => metrics.AddOtlpExporter(options => Otlp(options, endpoint, protocol, "v1/metrics")))
                .WithTracing(tracing => tracing.AddOtlpExporter(options => Otlp(options, endpoint, protocol, "v1/traces")));
            if (settings.Otlp.ExportLogs)
            {
                telemetry.WithLogging(logging => logging.AddOtlpExporter(options => Otlp(options, endpoint, protocol, "v1/logs")), options => options.IncludeFormattedMessage = true);
            }
        }

        if (settings.Prometheus.Enabled)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        return builder;
    }

    /// <summary>
    /// What the bot collects: its own meter and trace source, ASP.NET Core, HttpClient (the Bot Connector, the token
    /// service) and Redis, each without ids or typed text (<see cref="PhiFreeInstrumentation"/>). Add an exporter.
    /// </summary>
    public static IOpenTelemetryBuilder WithImagingBotSignals(this IOpenTelemetryBuilder telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        var version = typeof(TelemetryExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return telemetry
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithMetrics(metrics => metrics
                .AddMeter(ImagingBotTelemetry.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(ImagingBotTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(PhiFreeInstrumentation.AspNetCore)
                .AddHttpClientInstrumentation(PhiFreeInstrumentation.HttpClient)
                .AddRedisInstrumentation()
                .ConfigureRedisInstrumentation((services, redis) =>
                {
                    // The connection opens lazily (the app starts while Redis is down): each one it opens is instrumented.
                    if (services.GetService<IOptions<StorageOptions>>()?.Value.Provider == StorageProvider.Redis)
                    {
                        services.GetRequiredService<RedisConnection>().WhenConnected(connection => redis.AddConnection(connection));
                    }
                }));
    }

    /// <summary>
    /// <c>/metrics</c> for Prometheus when enabled (only on <c>Telemetry:Prometheus:Port</c> when one is set), and the
    /// CDS Hooks latency of endpoints that ask for it (<see cref="CdsHooksEndpointConventions.RecordsCdsHooksLatency"/>).
    /// </summary>
    public static WebApplication MapTelemetryEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<CdsHooksLatencyMiddleware>();
        var prometheus = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus;
        if (prometheus.Enabled)
        {
            var scraping = app.MapPrometheusScrapingEndpoint(PrometheusTelemetryOptions.Path);
            if (prometheus.Port > 0)
            {
                scraping.RequireHost($"*:{prometheus.Port}");
            }
        }

        return app;
    }

    private static void Otlp(OtlpExporterOptions options, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;

        // Set in code, the HTTP exporter's endpoint is used as it is: the signal's path is added here.
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }

    // The binder's own error for a value it cannot convert names the setting; it is reported like a failed validation.
    private static void Bind(IConfigurationSection section, TelemetryOptions options)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new OptionsValidationException(TelemetryOptions.SectionName, typeof(TelemetryOptions), [exception.Message]);
        }
    }
}
