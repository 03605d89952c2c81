namespace ImagingBot.Guidance.Tests;

/// <summary>The shipped data file, loaded once for the test run.</summary>
public static class Shipped
{
    public static GuidanceDocument Guidance { get; } = GuidanceLoader.LoadDefault();

    public static ImagingDecision Decision { get; } = new(Guidance);
}
