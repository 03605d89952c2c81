using ImagingBot.Bots;
using Microsoft.Bot.Builder;

namespace ImagingBot.Hosting;

public static class ImagingBotExtensions
{
    public static WebApplicationBuilder AddImagingBot(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<IBot, ImagingBotActivityHandler>();
        return builder;
    }
}
