using ImagingBot.Guidance;
using Newtonsoft.Json;

namespace ImagingBot.Dialogs.Consult;

/// <summary>
/// The consult's answers as stored in the conversation state every turn: one letter per answer, nulls
/// left out, so a whole consult stays far below the 2 KB budget. Immutable, like everything stored there.
/// The clinical core's <see cref="ClinicalAnswers"/> is not stored directly so that renaming it never breaks
/// open consults.
/// </summary>
public sealed record ConsultAnswers
{
    [JsonProperty("c", NullValueHandling = NullValueHandling.Ignore)]
    public bool? SuspectedCancer { get; init; }

    [JsonProperty("i", NullValueHandling = NullValueHandling.Ignore)]
    public bool? SuspectedInfection { get; init; }

    [JsonProperty("s", NullValueHandling = NullValueHandling.Ignore)]
    public bool? Immunosuppressed { get; init; }

    [JsonProperty("d", NullValueHandling = NullValueHandling.Ignore)]
    public bool? NeurologicDeficits { get; init; }

    [JsonProperty("x", NullValueHandling = NullValueHandling.Ignore)]
    public Contraindication? Contraindication { get; init; }

    /// <summary>True while answers read from a one-line case wait for the clinician's confirmation.</summary>
    [JsonProperty("k", NullValueHandling = NullValueHandling.Ignore)]
    public bool? CaseToConfirm { get; init; }

    public ClinicalAnswers ToClinical() =>
        new(SuspectedCancer, SuspectedInfection, Immunosuppressed, NeurologicDeficits, Contraindication);

    /// <summary>Answers read from a one-line case; when it stated anything, the consult first asks to confirm it.</summary>
    public static ConsultAnswers FromCase(ClinicalAnswers read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var answers = new ConsultAnswers
        {
            SuspectedCancer = read.SuspectedCancer,
            SuspectedInfection = read.SuspectedInfection,
            Immunosuppressed = read.Immunosuppressed,
            NeurologicDeficits = read.NeurologicDeficits,
        };
        var stated = answers.SuspectedCancer is not null || answers.SuspectedInfection is not null
            || answers.Immunosuppressed is not null || answers.NeurologicDeficits is not null;
        return stated ? answers with { CaseToConfirm = true } : answers;
    }
}
