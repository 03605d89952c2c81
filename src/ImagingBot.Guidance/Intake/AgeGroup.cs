namespace ImagingBot.Guidance;

/// <summary>The patient's age as the topic needs it: children are outside it, 65 or older is variant 6's "elderly".</summary>
public enum AgeGroup
{
    Child,
    Adult,
    Older,
}
