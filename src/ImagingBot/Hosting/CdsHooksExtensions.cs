using ImagingBot.CdsHooks;
using ImagingBot.CdsHooks.Feedback;
using ImagingBot.CdsHooks.Security;
using ImagingBot.Guidance;

namespace ImagingBot.Hosting;

public static class CdsHooksExtensions
{
    /// <summary>
    /// The CDS Hooks service on the same guidance and decision as the bot: its settings (checked at start-up), the
    /// token check, the FHIR order reader, the card builder and the feedback counts in the configured store, with their metrics.
    /// </summary>
    public static WebApplicationBuilder AddCdsHooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CdsHooksOptions>()
            .Bind(builder.Configuration.GetSection(CdsHooksOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidation>();
        builder.Services.AddHttpClient(nameof(CdsHooksTokenValidator), client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CdsHooksTokenValidator>();
        builder.Services.AddSingleton(services => new CodedCaseReader(services.GetRequiredService<ImagingDecision>()));
        builder.Services.AddSingleton<FhirOrderReader>();
        builder.Services.AddSingleton<ImagingOrderAdvisor>();
        builder.Services.AddSingleton<StoredCdsFeedbackCounts>();
        builder.Services.AddSingleton<ICdsFeedbackCounts>(services => services.GetRequiredService<StoredCdsFeedbackCounts>());
        builder.Services.AddSingleton<Telemetry.CdsFeedbackMetrics>();
        builder.Services.AddHostedService<CdsFeedbackRefresh>();
        builder.Services.AddSingleton<OrderHookService>();
        // EHRs that run CDS Hooks in the browser (the CDS Hooks sandbox) call from another origin; the bearer token,
        // not a cookie, carries the authority, so any origin may call.
        builder.Services.AddCors(cors => cors.AddPolicy(CdsHooksEndpoints.CorsPolicy, policy => policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST")));
        return builder;
    }

    public static WebApplication MapCdsHooks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCors();
        app.MapCdsHooksEndpoints();
        return app;
    }
}
