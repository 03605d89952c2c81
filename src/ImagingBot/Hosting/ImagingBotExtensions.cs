using ImagingBot.Bots;
using ImagingBot.Cards;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using Microsoft.Bot.Builder;

namespace ImagingBot.Hosting;

public static class ImagingBotExtensions
{
    /// <summary>
    /// The clinical core, the consult and the bot. The guidance file is read and checked here, while the app
    /// starts: a bad file stops start-up with its message (file and place) instead of failing a clinician's turn.
    /// The cards (<see cref="IConsultCards"/>) are registered by the card templates' own extension.
    /// </summary>
    public static WebApplicationBuilder AddImagingBot(this WebApplicationBuilder builder)
    {
        var guidance = GuidanceLoader.LoadDefault();
        builder.Services.AddSingleton(guidance);
        builder.Services.AddSingleton<ImagingDecision>();
        builder.Services.AddSingleton<FaqSearch>();
        builder.Services.AddSingleton(services => new ClinicalConsult(services.GetRequiredService<ImagingDecision>(), services.GetRequiredService<FaqSearch>()));
        builder.Services.AddSingleton(services =>
        {
            var cards = services.GetRequiredService<IConsultCards>();
            return new FaqSearchExtension(guidance, services.GetRequiredService<FaqSearch>(), cards.FaqAnswerAttachment);
        });
        builder.Services.AddTransient<IBot, ImagingBotActivityHandler>();
        return builder;
    }
}
