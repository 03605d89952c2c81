namespace ImagingBot.Telemetry;

/// <summary>The attribute names the bot sets on its metrics and spans (their values: docs/operations.md).</summary>
public static class TelemetryAttributes
{
    public const string Channel = "imagingbot.channel";
    public const string TenantHash = "imagingbot.tenant.hash";
    public const string ConsultEntry = "imagingbot.consult.entry";
    public const string ConsultOutcome = "imagingbot.consult.outcome";
    public const string Variant = "imagingbot.variant";
    public const string Urgency = "imagingbot.urgency";
    public const string OutOfScopeReason = "imagingbot.out_of_scope.reason";
    public const string ActivityType = "imagingbot.activity.type";
    public const string InvokeName = "imagingbot.invoke.name";
    public const string StoreOperation = "imagingbot.store.operation";
    public const string LockResult = "imagingbot.lock.result";
    public const string CdsHooksService = "imagingbot.cds_hooks.service";
    public const string CdsHooksOutcome = "imagingbot.cds_hooks.outcome";
    public const string CdsHooksOverrideReason = "imagingbot.cds_hooks.override_reason";

    /// <summary>OpenTelemetry's own name for the kind of failure: here always an exception's type.</summary>
    public const string ErrorType = "error.type";

    public const string HttpStatusCode = "http.response.status_code";
}
