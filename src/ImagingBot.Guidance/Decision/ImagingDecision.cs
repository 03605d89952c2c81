namespace ImagingBot.Guidance;

/// <summary>
/// Answers in, recommendation out. Which pathway applies is decided here; everything the recommendation says
/// (studies, ratings, radiation, wording) comes from the guidance data.
/// </summary>
public sealed class ImagingDecision
{
    private readonly GuidanceDocument _guidance;

    public ImagingDecision(GuidanceDocument guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        _guidance = guidance;
    }

    /// <summary>
    /// The pathway the answers lead to, or null while the red-flag and deficit answers cannot settle it yet.
    /// One red flag is enough for the red-flag work-up, whatever else is unknown.
    /// </summary>
    public static Pathway? PathwayFor(ClinicalAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.HasRedFlag)
        {
            return Pathway.RedFlagWorkup;
        }

        if (!answers.HasNoRedFlag || answers.NeurologicDeficits is null)
        {
            return null;
        }

        return answers.NeurologicDeficits.Value ? Pathway.CaudaEquina : Pathway.NoRedFlags;
    }

    /// <summary>True only when the answers lead to a pathway whose first study is an MRI.</summary>
    public bool NeedsContraindicationQuestion(ClinicalAnswers answers)
    {
        var pathway = PathwayFor(answers);
        if (pathway is null)
        {
            return false;
        }

        var choice = _guidance.PathwayGuidance(pathway.Value).ChoiceFor(Contraindication.None);
        return choice is not null && _guidance.Procedure(choice.ProcedureId).Modality == Modality.Mri;
    }

    /// <summary>Decides the first imaging step. Throws <see cref="ArgumentException"/> when answers are missing.</summary>
    public Recommendation Decide(ClinicalAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var missing = answers.NextQuestion(this);
        if (missing is not null)
        {
            throw new ArgumentException($"The answers are incomplete: {missing} is not answered yet.", nameof(answers));
        }

        var pathway = _guidance.PathwayGuidance(PathwayFor(answers)!.Value);
        var choice = pathway.ChoiceFor(pathway.Choices.Count > 0 ? answers.Contraindication ?? Contraindication.None : Contraindication.None);
        var contraindication = choice?.Contraindication ?? Contraindication.None;
        var conditions = ConditionsFor(answers, pathway.Id, contraindication);
        var urgency = answers.NeurologicDeficits == true ? Urgency.Emergent : Urgency.Routine;
        var recommended = choice is null ? null : pathway.RatingOf(choice.ProcedureId).Rated;

        return new Recommendation(
            pathway.Id,
            pathway.Title,
            urgency,
            contraindication,
            recommended,
            Headline(recommended is null || urgency == Urgency.Routine ? pathway.Headline : pathway.EmergentHeadline, recommended),
            Alternatives(pathway, recommended, contraindication),
            Because(answers, pathway.Id, contraindication),
            choice?.Reasons ?? pathway.Reasons,
            Applicable(_guidance.Escalation, conditions),
            choice?.Warnings ?? [],
            Applicable(_guidance.Pitfalls, conditions),
            [.. _guidance.AfterTheScan.Where(r => r.When.All(conditions.Contains)).Select(r => r.Step)],
            [.. _guidance.Faq.Where(f => f.RelatedWhen.Any(conditions.Contains))],
            Applicable(_guidance.WhatWouldChange, conditions),
            recommended is null ? null : OrderIndication(answers, pathway, recommended, urgency, contraindication),
            _guidance.Source);
    }

    private static HashSet<GuidanceCondition> ConditionsFor(ClinicalAnswers answers, Pathway pathway, Contraindication contraindication)
    {
        var conditions = new HashSet<GuidanceCondition>
        {
            GuidanceCondition.Always,
            pathway switch
            {
                Pathway.RedFlagWorkup => GuidanceCondition.RedFlagWorkup,
                Pathway.CaudaEquina => GuidanceCondition.CaudaEquina,
                _ => GuidanceCondition.NoRedFlags,
            },
        };
        AddIf(conditions, answers.SuspectedCancer == true, GuidanceCondition.SuspectedCancer);
        AddIf(conditions, answers.SuspectedInfection == true, GuidanceCondition.SuspectedInfection);
        AddIf(conditions, answers.Immunosuppressed == true, GuidanceCondition.Immunosuppression);
        AddIf(conditions, answers.NeurologicDeficits == true, GuidanceCondition.NeurologicDeficits);
        AddIf(conditions, contraindication == Contraindication.MriNotPossible, GuidanceCondition.MriNotPossible);
        AddIf(conditions, contraindication == Contraindication.ContrastNotPossible, GuidanceCondition.ContrastNotPossible);
        return conditions;
    }

    private static void AddIf(HashSet<GuidanceCondition> conditions, bool holds, GuidanceCondition condition)
    {
        if (holds)
        {
            conditions.Add(condition);
        }
    }

    private static string[] Applicable(IReadOnlyList<ConditionalText> texts, HashSet<GuidanceCondition> conditions) =>
        [.. texts.Where(t => t.When.All(conditions.Contains)).Select(t => t.Text)];

    private static string Headline(string template, RatedProcedure? recommended) =>
        recommended is null
            ? template
            : template.Replace("{procedure}", recommended.Name, StringComparison.Ordinal)
                .Replace("{category}", recommended.CategoryLabel, StringComparison.Ordinal);

    private Alternative[] Alternatives(PathwayGuidance pathway, RatedProcedure? recommended, Contraindication contraindication) =>
        [.. pathway.Ratings
            .Where(r => r.Rated.ProcedureId != recommended?.ProcedureId && IsPossible(r.Rated.ProcedureId, contraindication))
            .OrderBy(r => r.Rated.Category) // stable: equal categories keep the data file's order
            .Select(r => new Alternative(r.Rated, r.Comparison))];

    private bool IsPossible(string procedureId, Contraindication contraindication)
    {
        var procedure = _guidance.Procedure(procedureId);
        return contraindication switch
        {
            Contraindication.MriNotPossible => procedure.Modality != Modality.Mri,
            Contraindication.ContrastNotPossible => !(procedure.Modality == Modality.Mri && procedure.UsesIvContrast),
            _ => true,
        };
    }

    private List<string> Because(ClinicalAnswers answers, Pathway pathway, Contraindication contraindication)
    {
        var because = new List<string>();
        foreach (var question in _guidance.Questions)
        {
            var answer = answers.Answer(question.Id);
            if (answer == true)
            {
                because.Add(question.Finding);
            }
            else if (answer == false && pathway != Pathway.RedFlagWorkup)
            {
                // Without red flags the "no" answers are the reason for the pathway, so they are named too.
                because.Add(question.AbsentFinding);
            }
        }

        if (contraindication != Contraindication.None)
        {
            because.Add(_guidance.ContraindicationOptions.First(o => o.Value == contraindication).Finding);
        }

        return because;
    }

    private string OrderIndication(
        ClinicalAnswers answers, PathwayGuidance pathway, RatedProcedure recommended, Urgency urgency, Contraindication contraindication)
    {
        var positive = _guidance.Questions.Where(q => answers.Answer(q.Id) == true).ToList();
        var terms = string.Join("; ", positive.Select(q => q.OrderTerm));
        var evaluateFor = string.Join(", ", positive.SelectMany(q => q.EvaluateFor).Distinct(StringComparer.Ordinal));
        var prefix = urgency == Urgency.Emergent ? "EMERGENT. " : string.Empty;
        var notPossible = contraindication == Contraindication.None
            ? string.Empty
            : "; " + _guidance.ContraindicationOptions.First(o => o.Value == contraindication).Finding;
        return $"{prefix}{recommended.Name}. Indication: {pathway.OrderPhrase} ({terms}){notPossible}. Evaluate for {evaluateFor}.";
    }
}
