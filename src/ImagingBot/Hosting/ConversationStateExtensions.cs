using ImagingBot.State;
using ImagingBot.Telemetry;
using ImagingBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ImagingBot.Hosting;

public static class ConversationStateExtensions
{
    /// <summary>
    /// <see cref="ChangeTrackedConversationState"/> on the IStorage that the <c>Storage</c> settings choose (Memory by default, Redis
    /// to share state between instances). The settings are checked at start-up; Redis itself is only
    /// contacted by the first turn or readiness probe, so the app starts while Redis is down.
    /// </summary>
    public static WebApplicationBuilder AddConversationState(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(configuration.GetSection(StorageOptions.SectionName), options))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>();

        builder.Services.AddSingleton(services =>
            new RedisConnection(services.GetRequiredService<IOptions<StorageOptions>>().Value.Redis.ConnectionString!));
        builder.Services.AddSingleton<IStorage>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.Redis => new RedisStorage(services.GetRequiredService<RedisConnection>(), options.Redis.KeyPrefix, options.TimeToLive, services.GetService<StoreMetrics>()),
                _ => new ConcurrentMemoryStorage(options.TimeToLive),
            };
        });
        builder.Services.AddSingleton<ChangeTrackedConversationState>();
        builder.Services.AddSingleton<IConversationState>(services => services.GetRequiredService<ChangeTrackedConversationState>());

        // One turn at a time per conversation (the conversation state's write is last-write-wins): a lock
        // in Redis shared by every instance, or in process for the Memory store.
        builder.Services.AddSingleton<ConversationLockTiming>();
        builder.Services.AddSingleton<IConversationLock>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.Redis => new RedisConversationLock(services.GetRequiredService<RedisConnection>(), options.Redis.KeyPrefix, services.GetRequiredService<ConversationLockTiming>()),
                _ => new InProcessConversationLock(),
            };
        });
        builder.Services.AddSingleton<OneTurnPerConversationMiddleware>();
        return builder;
    }

    // The configuration binder's own error for an unknown enum value does not list the allowed values.
    private static void Bind(IConfigurationSection section, StorageOptions options)
    {
        var provider = section[nameof(StorageOptions.Provider)];
        if (!string.IsNullOrEmpty(provider) && !Enum.GetNames<StorageProvider>().Contains(provider, StringComparer.OrdinalIgnoreCase))
        {
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), [StorageOptionsValidation.UnknownProvider(provider)]);
        }

        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            // e.g. "Failed to convert configuration value at 'Storage:TimeToLive' to type 'System.TimeSpan'".
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), [exception.Message]);
        }
    }
}
