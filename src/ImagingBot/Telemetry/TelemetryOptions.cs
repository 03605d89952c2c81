namespace ImagingBot.Telemetry;

/// <summary>
/// Settings of the <c>Telemetry</c> section. Nothing is exported by default: a deployment turns on an OTLP exporter,
/// the Prometheus <c>/metrics</c> endpoint, or both. The recommendation audit does not depend on these settings: it
/// goes through the logging pipeline (category <see cref="RecommendationAudit.Category"/>).
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public OtlpTelemetryOptions Otlp { get; set; } = new();

    public PrometheusTelemetryOptions Prometheus { get; set; } = new();

    /// <summary>
    /// The key of the tenant's keyed hash (HMAC-SHA256) on the consult metrics, so that a deployment serving several
    /// tenants can tell them apart without their ids; empty: the metrics carry no tenant at all.
    /// </summary>
    public string TenantHashKey { get; set; } = string.Empty;

    /// <summary>True when metrics or traces leave the process, so the SDK has to collect them.</summary>
    public bool Exports => Otlp.Endpoint is not null || Prometheus.Enabled;
}

/// <summary>The OTLP exporter: metrics and traces (and, when asked, logs) sent to a collector.</summary>
public sealed class OtlpTelemetryOptions
{
    /// <summary>The collector's address, for example <c>http://otel-collector:4317</c> (gRPC) or <c>:4318</c> (HTTP); null: no OTLP export.</summary>
    public Uri? Endpoint { get; set; }

    public OtlpProtocol Protocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>Also send the logs (every category the <c>Logging</c> settings let through, the audit among them).</summary>
    public bool ExportLogs { get; set; }
}

public enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}

/// <summary>The Prometheus scraping endpoint.</summary>
public sealed class PrometheusTelemetryOptions
{
    public const string Path = "/metrics";

    public bool Enabled { get; set; }

    /// <summary>
    /// When set, <c>/metrics</c> answers only on this port (add it to <c>Urls</c>), so that it can stay off the
    /// public address; 0: on every address the app listens on.
    /// </summary>
    public int Port { get; set; }
}
