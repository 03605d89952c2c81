using ImagingBot.Adapter;
using ImagingBot.Security;
using ImagingBot.Telemetry;
using ImagingBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace ImagingBot.Hosting;

public static class BotRuntimeExtensions
{
    /// <summary>
    /// The Bot Framework runtime: authentication from the standard settings (MicrosoftAppType,
    /// MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId; an empty app id means anonymous,
    /// as the Emulator and the Agents Playground expect), the CloudAdapter with our error handler,
    /// and the tenant allow-list.
    /// </summary>
    public static WebApplicationBuilder AddBotRuntime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotOptions>()
            .Bind(builder.Configuration.GetSection(BotOptions.SectionName))
            .Validate(options => options.MaxRequestBodyBytes > 0, $"Setting '{BotOptions.SectionName}:MaxRequestBodyBytes' must be a positive number of bytes.")
            .ValidateOnStart();
        builder.Services.AddHttpClient();

        // IHttpClientFactory's own loggers write each URL in full, and the Bot Connector's name the conversation.
        builder.Services.AddSingleton<PhiFreeHttpClientLogger>();
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers().AddLogger<PhiFreeHttpClientLogger>());
        builder.Services.AddSingleton<BotFrameworkAuthentication>(services =>
            new ConnectorReusingAuthentication(ActivatorUtilities.CreateInstance<ConfigurationBotFrameworkAuthentication>(services)));
        builder.Services.AddSingleton<TenantAllowListMiddleware>();
        builder.Services.AddSingleton<MessageLengthMiddleware>();
        builder.Services.AddSingleton<ImagingBotAdapter>();
        return builder;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        var authenticationEnabled = !string.IsNullOrEmpty(app.Configuration["MicrosoftAppId"]);
        app.MapPost("/api/messages", async (HttpContext context, ImagingBotAdapter adapter, IBot bot, IOptions<BotOptions> options) =>
        {
            if (authenticationEnabled && !BotTokenPrecheck.LooksLikeASignedBotToken(context.Request.Headers.Authorization))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var (activity, refusal) = await MessagesRequestReader.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
            if (refusal is not null)
            {
                await refusal.ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            InvokeResponse? invokeResponse;
            try
            {
                invokeResponse = await adapter.TurnAsync(context.Request.Headers.Authorization, activity!, bot, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception exception) when (BotTokenPrecheck.IsAuthenticationFailure(exception))
            {
                // Turn errors are handled inside the adapter; what escapes here is the token check.
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await HttpHelper.WriteResponseAsync(context.Response, invokeResponse).ConfigureAwait(false);
        });
        return app;
    }
}
