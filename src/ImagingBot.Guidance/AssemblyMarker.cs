namespace ImagingBot.Guidance;
/// <summary>Marks the assembly until the clinical core lands.</summary>
public static class AssemblyMarker;
