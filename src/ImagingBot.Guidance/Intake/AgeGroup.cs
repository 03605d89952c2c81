namespace ImagingBot.Guidance;

/// <summary>The patient's age as the topic needs it: children are outside it, 65 or older is variant 6's "elderly".</summary>
public enum AgeGroup
{
    Child,
    Adult,
    Older,
}

/// <summary>Where the age groups start, in years: the one place an age in years becomes an <see cref="AgeGroup"/>.</summary>
public static class AgeGroups
{
    /// <summary>The topic is for adults; ACR's Back Pain-Child covers the rest.</summary>
    public const int AdultFrom = 18;

    /// <summary>Variant 6's elderly individual: generally 65 or older (the minor-trauma article).</summary>
    public const int OlderFrom = 65;

    public static AgeGroup Of(int years) => years switch
    {
        < AdultFrom => AgeGroup.Child,
        < OlderFrom => AgeGroup.Adult,
        _ => AgeGroup.Older,
    };
}
