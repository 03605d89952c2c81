namespace ImagingBot.Templating;
/// <summary>Marks the assembly until the engine lands.</summary>
public static class AssemblyMarker;
