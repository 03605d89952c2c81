using ImagingBot.State;
using Microsoft.Bot.Builder;

namespace ImagingBot.Hosting;

public static class ConversationStateExtensions
{
    /// <summary>ConversationState on the IStorage that the <c>Storage</c> settings choose.</summary>
    public static WebApplicationBuilder AddConversationState(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        switch (options.Provider)
        {
            case StorageProvider.Memory:
                builder.Services.AddSingleton<IStorage, MemoryStorage>();
                break;
            default:
                throw new InvalidOperationException(
                    $"Setting '{StorageOptions.SectionName}:Provider' is '{options.Provider}', which this build does not support. Use 'Memory'.");
        }

        builder.Services.AddSingleton<ConversationState>();
        return builder;
    }
}
