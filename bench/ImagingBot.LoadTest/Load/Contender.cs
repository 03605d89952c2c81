using ImagingBot.LoadTest.Hosting;

namespace ImagingBot.LoadTest.Load;

/// <summary>One bot of an interleaved comparison: its host, its users and what it measures, kept from round to round.</summary>
internal sealed record Contender(IBotHost Host, StepResult Template, IReadOnlyList<IVirtualUser> Users, TurnProfile? Profile = null);
