namespace ImagingBot.Guidance;

/// <summary>
/// The clinician's answers so far; null means not asked or not known yet. Each answer has a short value
/// (<see cref="Value"/>, <see cref="With"/>) that the guidance file's answer options and the cards' buttons carry.
/// </summary>
public sealed record ClinicalAnswers(
    bool? CaudaEquinaSigns = null,
    bool? SepsisSigns = null,
    AgeGroup? Age = null,
    bool? MajorTrauma = null,
    bool? SuspectedCancer = null,
    bool? SuspectedInfection = null,
    bool? Immunosuppressed = null,
    bool? PriorLumbarSurgery = null,
    bool? FractureRisk = null,
    PainCourse? Course = null,
    Contraindication? Contraindication = null,
    bool? Pregnant = null)
{
    public const string Yes = "yes";
    public const string No = "no";

    private static readonly (AgeGroup Value, string Text)[] AgeValues = [(AgeGroup.Child, "child"), (AgeGroup.Adult, "adult"), (AgeGroup.Older, "older")];
    private static readonly (PainCourse Value, string Text)[] CourseValues = [(PainCourse.Acute, "acute"), (PainCourse.SubacuteOrChronic, "chronic"), (PainCourse.AfterOptimalManagement, "managed")];

    private static readonly (Guidance.Contraindication Value, string Text)[] ContraindicationValues =
    [
        (Guidance.Contraindication.None, "none"),
        (Guidance.Contraindication.MriNotPossible, "mri"),
        (Guidance.Contraindication.ContrastNotPossible, "contrast"),
        (Guidance.Contraindication.SevereKidneyDisease, "kidney"),
    ];

    public static ClinicalAnswers Empty { get; } = new();

    /// <summary>True when an emergency sign (cauda equina, sepsis or a suspected epidural abscess) is answered yes.</summary>
    public bool IsEmergency => CaudaEquinaSigns == true || SepsisSigns == true;

    /// <summary>The answer's value as the guidance file's options and the cards name it, or null when unanswered.</summary>
    public string? Value(IntakeQuestionId question) => question switch
    {
        IntakeQuestionId.CaudaEquina => YesNo(CaudaEquinaSigns),
        IntakeQuestionId.Sepsis => YesNo(SepsisSigns),
        IntakeQuestionId.Age => Text(AgeValues, Age),
        IntakeQuestionId.MajorTrauma => YesNo(MajorTrauma),
        IntakeQuestionId.SuspectedCancer => YesNo(SuspectedCancer),
        IntakeQuestionId.SuspectedInfection => YesNo(SuspectedInfection),
        IntakeQuestionId.Immunosuppression => YesNo(Immunosuppressed),
        IntakeQuestionId.PriorLumbarSurgery => YesNo(PriorLumbarSurgery),
        IntakeQuestionId.FractureRisk => YesNo(FractureRisk),
        IntakeQuestionId.Course => Text(CourseValues, Course),
        IntakeQuestionId.Contraindication => Text(ContraindicationValues, Contraindication),
        IntakeQuestionId.Pregnancy => YesNo(Pregnant),
        _ => null,
    };

    public bool IsAnswered(IntakeQuestionId question) => Value(question) is not null;

    /// <summary>
    /// A copy with one answer set from its value (null clears it), or null when the value is not one of the
    /// question's values.
    /// </summary>
    public ClinicalAnswers? With(IntakeQuestionId question, string? value)
    {
        if (value is null)
        {
            return Cleared(question);
        }

        return question switch
        {
            IntakeQuestionId.CaudaEquina => Bool(value) is { } b ? this with { CaudaEquinaSigns = b } : null,
            IntakeQuestionId.Sepsis => Bool(value) is { } b ? this with { SepsisSigns = b } : null,
            IntakeQuestionId.Age => Parse(AgeValues, value) is { } a ? this with { Age = a } : null,
            IntakeQuestionId.MajorTrauma => Bool(value) is { } b ? this with { MajorTrauma = b } : null,
            IntakeQuestionId.SuspectedCancer => Bool(value) is { } b ? this with { SuspectedCancer = b } : null,
            IntakeQuestionId.SuspectedInfection => Bool(value) is { } b ? this with { SuspectedInfection = b } : null,
            IntakeQuestionId.Immunosuppression => Bool(value) is { } b ? this with { Immunosuppressed = b } : null,
            IntakeQuestionId.PriorLumbarSurgery => Bool(value) is { } b ? this with { PriorLumbarSurgery = b } : null,
            IntakeQuestionId.FractureRisk => Bool(value) is { } b ? this with { FractureRisk = b } : null,
            IntakeQuestionId.Course => Parse(CourseValues, value) is { } c ? this with { Course = c } : null,
            IntakeQuestionId.Contraindication => Parse(ContraindicationValues, value) is { } x ? this with { Contraindication = x } : null,
            IntakeQuestionId.Pregnancy => Bool(value) is { } b ? this with { Pregnant = b } : null,
            _ => null,
        };
    }

    /// <summary>Every value a question accepts (the guidance file's options must use these).</summary>
    public static IReadOnlyList<string> ValuesOf(IntakeQuestionId question) => question switch
    {
        IntakeQuestionId.Age => [.. AgeValues.Select(v => v.Text)],
        IntakeQuestionId.Course => [.. CourseValues.Select(v => v.Text)],
        IntakeQuestionId.Contraindication => [.. ContraindicationValues.Select(v => v.Text)],
        _ => [Yes, No],
    };

    /// <summary>This record's answers filled in where <paramref name="other"/> has one and this has none.</summary>
    public ClinicalAnswers FilledFrom(ClinicalAnswers other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var filled = this;
        foreach (var question in Enum.GetValues<IntakeQuestionId>())
        {
            if (!filled.IsAnswered(question) && other.Value(question) is { } value)
            {
                filled = filled.With(question, value)!;
            }
        }

        return filled;
    }

    private ClinicalAnswers Cleared(IntakeQuestionId question) => question switch
    {
        IntakeQuestionId.CaudaEquina => this with { CaudaEquinaSigns = null },
        IntakeQuestionId.Sepsis => this with { SepsisSigns = null },
        IntakeQuestionId.Age => this with { Age = null },
        IntakeQuestionId.MajorTrauma => this with { MajorTrauma = null },
        IntakeQuestionId.SuspectedCancer => this with { SuspectedCancer = null },
        IntakeQuestionId.SuspectedInfection => this with { SuspectedInfection = null },
        IntakeQuestionId.Immunosuppression => this with { Immunosuppressed = null },
        IntakeQuestionId.PriorLumbarSurgery => this with { PriorLumbarSurgery = null },
        IntakeQuestionId.FractureRisk => this with { FractureRisk = null },
        IntakeQuestionId.Course => this with { Course = null },
        IntakeQuestionId.Contraindication => this with { Contraindication = null },
        IntakeQuestionId.Pregnancy => this with { Pregnant = null },
        _ => this,
    };

    private static string? YesNo(bool? answer) => answer switch
    {
        true => Yes,
        false => No,
        null => null,
    };

    private static bool? Bool(string value) => value switch
    {
        Yes => true,
        No => false,
        _ => null,
    };

    private static string? Text<T>((T Value, string Text)[] values, T? answer)
        where T : struct, Enum =>
        answer is { } set ? values.First(v => EqualityComparer<T>.Default.Equals(v.Value, set)).Text : null;

    private static T? Parse<T>((T Value, string Text)[] values, string value)
        where T : struct, Enum
    {
        foreach (var (v, text) in values)
        {
            if (text == value)
            {
                return v;
            }
        }

        return null;
    }
}
