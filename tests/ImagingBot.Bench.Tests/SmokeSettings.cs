namespace ImagingBot.Bench.Tests;

/// <summary>What the bench's smoke tests host their bots with: the in-memory store, and a bound on every request.</summary>
internal static class SmokeSettings
{
    public static readonly Dictionary<string, string?> MemoryStore = new() { ["Storage:Provider"] = "Memory" };

    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
}
