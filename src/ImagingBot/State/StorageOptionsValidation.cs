using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ImagingBot.State;

/// <summary>Start-up checks of the <c>Storage</c> settings, each failure naming the setting to fix.</summary>
public sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add(UnknownProvider(options.Provider.ToString()));
        }

        if (options.TimeToLive <= TimeSpan.Zero)
        {
            failures.Add($"Setting '{StorageOptions.SectionName}:TimeToLive' must be a positive TimeSpan such as 24:00:00 (got {options.TimeToLive}).");
        }

        if (options.Provider == StorageProvider.Redis)
        {
            ValidateRedis(options.Redis, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static string UnknownProvider(string value) =>
        $"Setting '{StorageOptions.SectionName}:Provider' is '{value}'; allowed values are {string.Join(", ", Enum.GetNames<StorageProvider>().Select(allowed => $"'{allowed}'"))}.";

    private static void ValidateRedis(RedisStorageOptions redis, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(redis.ConnectionString))
        {
            failures.Add($"Setting '{StorageOptions.SectionName}:Provider' is 'Redis' but '{StorageOptions.SectionName}:Redis:ConnectionString' is empty: set it (environment: Storage__Redis__ConnectionString), or use the 'Memory' provider.");
        }
        else
        {
            try
            {
                ConfigurationOptions.Parse(redis.ConnectionString);
            }
            catch (ArgumentException)
            {
                // The message is not repeated: the connection string may hold a password.
                failures.Add($"Setting '{StorageOptions.SectionName}:Redis:ConnectionString' is not a valid StackExchange.Redis configuration string.");
            }
        }

        if (string.IsNullOrWhiteSpace(redis.KeyPrefix))
        {
            failures.Add($"Setting '{StorageOptions.SectionName}:Redis:KeyPrefix' must not be empty (default 'imagingbot').");
        }
    }
}
