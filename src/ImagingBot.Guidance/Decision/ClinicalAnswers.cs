namespace ImagingBot.Guidance;

/// <summary>The clinician's answers so far; null means not asked or not known yet.</summary>
public sealed record ClinicalAnswers(
    bool? SuspectedCancer = null,
    bool? SuspectedInfection = null,
    bool? Immunosuppressed = null,
    bool? NeurologicDeficits = null,
    Contraindication? Contraindication = null)
{
    public static ClinicalAnswers Empty { get; } = new();

    /// <summary>True when cancer, infection or immunosuppression is answered yes.</summary>
    public bool HasRedFlag => SuspectedCancer == true || SuspectedInfection == true || Immunosuppressed == true;

    /// <summary>True when all three red flags are answered no.</summary>
    public bool HasNoRedFlag => SuspectedCancer == false && SuspectedInfection == false && Immunosuppressed == false;

    /// <summary>The yes/no answer to a red-flag or deficit question (null for the contraindication question).</summary>
    public bool? Answer(IntakeQuestionId question) => question switch
    {
        IntakeQuestionId.SuspectedCancer => SuspectedCancer,
        IntakeQuestionId.SuspectedInfection => SuspectedInfection,
        IntakeQuestionId.Immunosuppression => Immunosuppressed,
        IntakeQuestionId.NeurologicDeficits => NeurologicDeficits,
        _ => null,
    };

    /// <summary>A copy with one yes/no question answered.</summary>
    public ClinicalAnswers With(IntakeQuestionId question, bool answer) => question switch
    {
        IntakeQuestionId.SuspectedCancer => this with { SuspectedCancer = answer },
        IntakeQuestionId.SuspectedInfection => this with { SuspectedInfection = answer },
        IntakeQuestionId.Immunosuppression => this with { Immunosuppressed = answer },
        IntakeQuestionId.NeurologicDeficits => this with { NeurologicDeficits = answer },
        _ => throw new ArgumentException("The contraindication is not a yes/no question; set Contraindication.", nameof(question)),
    };

    /// <summary>Fills this record's unanswered items from another (for example a parsed case summary).</summary>
    public ClinicalAnswers MergeMissingFrom(ClinicalAnswers other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ClinicalAnswers(
            SuspectedCancer ?? other.SuspectedCancer,
            SuspectedInfection ?? other.SuspectedInfection,
            Immunosuppressed ?? other.Immunosuppressed,
            NeurologicDeficits ?? other.NeurologicDeficits,
            Contraindication ?? other.Contraindication);
    }

    /// <summary>The next question to ask, or null when the decision can be made.</summary>
    public IntakeQuestionId? NextQuestion(ImagingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (SuspectedCancer is null)
        {
            return IntakeQuestionId.SuspectedCancer;
        }

        if (SuspectedInfection is null)
        {
            return IntakeQuestionId.SuspectedInfection;
        }

        if (Immunosuppressed is null)
        {
            return IntakeQuestionId.Immunosuppression;
        }

        if (NeurologicDeficits is null)
        {
            return IntakeQuestionId.NeurologicDeficits;
        }

        return Contraindication is null && decision.NeedsContraindicationQuestion(this) ? IntakeQuestionId.Contraindication : null;
    }

    /// <summary>True when <see cref="ImagingDecision.Decide"/> can run on these answers.</summary>
    public bool IsComplete(ImagingDecision decision) => NextQuestion(decision) is null;
}
