namespace ImagingBot.Guidance.Tests;

/// <summary>
/// The expected reading of a one-line case, written short: every answer the line must give, and nothing else, so an
/// answer not listed must stay null (the consult still asks it). Words: <c>ces</c>, <c>sepsis</c>,
/// <c>child|adult|older</c>, <c>age=82</c>, <c>trauma</c>, <c>cancer</c>, <c>infection</c>, <c>immune</c>,
/// <c>surgery</c> (each also as <c>:no</c>), <c>fracture</c>, <c>acute|chronic|managed</c>, <c>mri|contrast|kidney</c>,
/// <c>pregnant</c>, <c>pregnant:no</c>, and <c>case</c> or <c>not-case</c>. The emergency screen has no "no" form: free
/// text never answers it no.
/// </summary>
public sealed record CaseExpectation(ClinicalAnswers Answers, int? AgeInYears, bool IsCase)
{
    public static CaseExpectation Parse(string expected)
    {
        var answers = ClinicalAnswers.Empty;
        int? age = null;
        bool? isCase = null;
        foreach (var word in expected.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.StartsWith("age=", StringComparison.Ordinal))
            {
                age = int.Parse(word[4..], System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            answers = word switch
            {
                "ces" => answers with { CaudaEquinaSigns = true },
                "sepsis" => answers with { SepsisSigns = true },
                "child" => answers with { Age = AgeGroup.Child },
                "adult" => answers with { Age = AgeGroup.Adult },
                "older" => answers with { Age = AgeGroup.Older },
                "trauma" => answers with { MajorTrauma = true },
                "trauma:no" => answers with { MajorTrauma = false },
                "cancer" => answers with { SuspectedCancer = true },
                "cancer:no" => answers with { SuspectedCancer = false },
                "infection" => answers with { SuspectedInfection = true },
                "infection:no" => answers with { SuspectedInfection = false },
                "immune" => answers with { Immunosuppressed = true },
                "immune:no" => answers with { Immunosuppressed = false },
                "surgery" => answers with { PriorLumbarSurgery = true },
                "surgery:no" => answers with { PriorLumbarSurgery = false },
                "fracture" => answers with { FractureRisk = true },
                "acute" => answers with { Course = PainCourse.Acute },
                "chronic" => answers with { Course = PainCourse.SubacuteOrChronic },
                "managed" => answers with { Course = PainCourse.AfterOptimalManagement },
                "mri" => answers with { Contraindication = Contraindication.MriNotPossible },
                "contrast" => answers with { Contraindication = Contraindication.ContrastNotPossible },
                "kidney" => answers with { Contraindication = Contraindication.SevereKidneyDisease },
                "pregnant" => answers with { Pregnant = true },
                "pregnant:no" => answers with { Pregnant = false },
                "case" or "not-case" => answers,
                _ => throw new ArgumentException($"Unknown expectation word '{word}'.", nameof(expected)),
            };

            isCase = word switch
            {
                "case" => true,
                "not-case" => false,
                _ => isCase,
            };
        }

        return new CaseExpectation(answers, age, isCase ?? throw new ArgumentException("Say 'case' or 'not-case'.", nameof(expected)));
    }

    public static CaseExpectation Of(CaseSummary read) => new(read.Answers, read.AgeInYears, read.IsCase);
}
