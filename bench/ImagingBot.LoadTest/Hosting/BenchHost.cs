using ImagingBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace ImagingBot.LoadTest.Hosting;

/// <summary>
/// The bot hosted in this process on real Kestrel at 127.0.0.1 on a free port, wired by the app's own
/// extension methods (the same adapter, middleware, endpoint and store as Program.cs). Only the IBot
/// differs for the floor.
/// </summary>
internal sealed class BenchHost : IBotHost
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public IServiceProvider Services => _app.Services;

    /// <param name="storeSettings">Storage:* settings (Provider, Redis:ConnectionString, Redis:KeyPrefix).</param>
    /// <param name="profile">When given, the IBot and the IStorage are wrapped in timing decorators that add to it.</param>
    /// <param name="stockAuthentication">Register Bot Framework's plain ConfigurationBotFrameworkAuthentication instead of
    /// the app's (which reuses connector clients), to show what that costs.</param>
    /// <param name="telemetryOn">Turn the OpenTelemetry SDK on as a deployment does, with the Prometheus <c>/metrics</c>
    /// endpoint as the exporter (nothing leaves the process): the metrics are collected and the traces recorded. Off,
    /// the instruments are there as in Program.cs but nothing collects them.</param>
    public static async Task<BenchHost> StartAsync(BotUnderTest bot, IReadOnlyDictionary<string, string?> storeSettings, LogLevel logLevel, TurnProfile? profile = null, bool stockAuthentication = false, bool telemetryOn = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        var settings = new Dictionary<string, string?>
        {
            // Anonymous, as the Emulator and the Agents Playground talk to a local bot.
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            ["MicrosoftAppTenantId"] = string.Empty,
            // The app's appsettings.json filters, with the default level chosen by the bench.
            ["Logging:LogLevel:Default"] = logLevel.ToString(),
            ["Logging:LogLevel:Microsoft.AspNetCore"] = LogLevel.Warning.ToString(),
            // The recommendation audit has its own Information filter there; the bench's level holds for it too, so the
            // console does not write one line per finished consult (the "log level Information" floor variant shows that cost).
            [$"Logging:LogLevel:{ImagingBot.Telemetry.RecommendationAudit.Category}"] = logLevel.ToString(),
            ["Telemetry:Prometheus:Enabled"] = telemetryOn ? "true" : "false",
        };
        foreach (var (key, value) in storeSettings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        // Only 127.0.0.1, on a port the OS picks (instead of the Urls of the app's appsettings.json).
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        builder.AddTelemetry();
        builder.AddBotRuntime();
        builder.AddConversationState();
        if (bot == BotUnderTest.Echo)
        {
            builder.Services.AddTransient<IBot, EchoBot>();
        }
        else
        {
            builder.AddImagingBot();
            builder.AddConsultCards();
        }

        if (stockAuthentication)
        {
            builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        }

        if (profile is not null)
        {
            Decorate<IStorage>(builder.Services, (_, inner) => new TimedStorage(inner, profile));
            Decorate<IBot>(builder.Services, (_, inner) => new TimedBot(inner, profile));
        }

        var app = builder.Build();
        app.MapTelemetryEndpoints();
        app.MapHealthEndpoints();
        app.MapBotEndpoints();
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BenchHost(app, new Uri(address));
    }

    /// <summary>The store the app resolved, unwrapped from the profiling decorator.</summary>
    public IStorage Storage => Services.GetRequiredService<IStorage>() is TimedStorage timed ? timed.Inner : Services.GetRequiredService<IStorage>();

    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(descriptor);
        Func<IServiceProvider, TService> create = descriptor switch
        {
            { ImplementationInstance: TService instance } => _ => instance,
            { ImplementationFactory: { } factory } => provider => (TService)factory(provider),
            { ImplementationType: { } type } => provider => (TService)ActivatorUtilities.CreateInstance(provider, type),
            _ => throw new InvalidOperationException($"Cannot decorate {typeof(TService).Name}."),
        };
        services.Add(new ServiceDescriptor(typeof(TService), provider => decorate(provider, create(provider)), descriptor.Lifetime));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
