using Microsoft.Extensions.Options;

namespace ImagingBot.Telemetry;

/// <summary>Start-up checks of the <c>Telemetry</c> settings, each failure naming the setting to fix.</summary>
public sealed class TelemetryOptionsValidation : IValidateOptions<TelemetryOptions>
{
    /// <summary>An HMAC key shorter than this is too easy to guess, and with it every tenant's hash.</summary>
    public const int ShortestTenantHashKey = 16;

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = TelemetryOptions.SectionName;
        if (options.Otlp.Endpoint is { } endpoint
            && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"Setting '{section}:Otlp:Endpoint' must be an absolute http or https address such as http://otel-collector:4317 (or empty for no OTLP export).");
        }

        if (!Enum.IsDefined(options.Otlp.Protocol))
        {
            failures.Add($"Setting '{section}:Otlp:Protocol' must be 'Grpc' or 'HttpProtobuf'.");
        }

        if (options.Otlp.ExportLogs && options.Otlp.Endpoint is null)
        {
            failures.Add($"Setting '{section}:Otlp:ExportLogs' is true but '{section}:Otlp:Endpoint' is empty: set the collector's address.");
        }

        if (options.Prometheus.Port is < 0 or > 65535)
        {
            failures.Add($"Setting '{section}:Prometheus:Port' must be a port number from 1 to 65535, or 0 for every address the app listens on (got {options.Prometheus.Port}).");
        }

        if (options.TenantHashKey.Length is > 0 and < ShortestTenantHashKey)
        {
            // The key itself is never repeated: it is a secret.
            failures.Add($"Setting '{section}:TenantHashKey' must be empty (no tenant on the metrics) or a random secret of at least {ShortestTenantHashKey} characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
