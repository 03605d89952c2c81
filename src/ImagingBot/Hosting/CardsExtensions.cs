using ImagingBot.Cards;
using ImagingBot.Guidance;
using ImagingBot.Templating;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImagingBot.Hosting;

public static class CardsExtensions
{
    /// <summary>The card folder in the app's output (build/Cards.props copies cards/ there).</summary>
    public static string DefaultCardDirectory => Path.Combine(AppContext.BaseDirectory, "cards");

    /// <summary>
    /// The card templates, compiled and checked against their sample data once, and <see cref="IConsultCards"/> on
    /// top of them. A broken template stops the start-up with the list of problems (ValidateOnStart-like: the
    /// catalog is built eagerly when the host starts, not on the first message). Uses the registered
    /// <see cref="GuidanceDocument"/>, or the default guidance file when none is registered.
    /// </summary>
    public static WebApplicationBuilder AddConsultCards(this WebApplicationBuilder builder, string? cardDirectory = null)
    {
        var catalog = CardTemplateCatalog.Load(cardDirectory ?? DefaultCardDirectory);
        builder.Services.AddSingleton(catalog);
        builder.Services.TryAddSingleton(_ => GuidanceLoader.LoadDefault());
        builder.Services.AddSingleton<IConsultCards, TemplatedConsultCards>();
        return builder;
    }
}
