using ImagingBot.Adapter;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace ImagingBot.Hosting;

public static class BotRuntimeExtensions
{
    /// <summary>
    /// The Bot Framework runtime: authentication from the standard settings (MicrosoftAppType,
    /// MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId; an empty app id means anonymous,
    /// as the Emulator and the Agents Playground expect) and the CloudAdapter with our error handler.
    /// </summary>
    public static WebApplicationBuilder AddBotRuntime(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter, ImagingBotAdapter>();
        return builder;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, Microsoft.Bot.Builder.IBot bot)
            => adapter.ProcessAsync(request, response, bot, request.HttpContext.RequestAborted));
        return app;
    }
}
