namespace ImagingBot.Guidance;

/// <summary>How long the pain has lasted and what has been tried: tells variants 1, 2 and 3 apart.</summary>
public enum PainCourse
{
    /// <summary>Under 6 weeks (variant 1).</summary>
    Acute,

    /// <summary>6 weeks or more, no optimal management yet (variant 2).</summary>
    SubacuteOrChronic,

    /// <summary>Persisting or progressing after 6 weeks of optimal medical management, a candidate for surgery or intervention (variant 3).</summary>
    AfterOptimalManagement,
}
