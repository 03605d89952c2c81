namespace ImagingBot.State;

/// <summary>Where conversation state lives and how long it is kept. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Memory</c> (one instance, the default) or <c>Redis</c> (shared by several instances).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>
    /// How long a conversation's state is kept after its last change (Redis store), so clinical answers
    /// do not linger. <c>Storage:TimeToLive</c>, a TimeSpan such as <c>24:00:00</c>.
    /// </summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(24);

    public RedisStorageOptions Redis { get; set; } = new();
}

public enum StorageProvider
{
    Memory,
    Redis,
}

/// <summary>The <c>Storage:Redis</c> section.</summary>
public sealed class RedisStorageOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>host:6380,password=...,ssl=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Put in front of every key (followed by <c>:</c>) so deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "imagingbot";
}
