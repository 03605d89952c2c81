namespace ImagingBot.State;

/// <summary>Where conversation state lives. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Memory</c> (one instance, the default) or <c>Redis</c> (shared by several instances).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;
}

public enum StorageProvider
{
    Memory,
    Redis,
}
