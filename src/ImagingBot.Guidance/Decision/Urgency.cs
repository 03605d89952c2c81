namespace ImagingBot.Guidance;

/// <summary>How fast the imaging must happen.</summary>
public enum Urgency
{
    Routine,
    Emergent,
}
