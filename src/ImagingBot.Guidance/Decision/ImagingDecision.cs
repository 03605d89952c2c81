using System.Collections.Concurrent;
using System.Text;

namespace ImagingBot.Guidance;

/// <summary>
/// Answers in, recommendation out. Which pathway applies is decided here; everything the recommendation says
/// (studies, ratings, radiation, wording) comes from the guidance data.
/// </summary>
public sealed class ImagingDecision
{
    private readonly GuidanceDocument _guidance;
    private readonly Dictionary<(Pathway, Contraindication), DecisionPlan> _plans = [];
    private readonly (int Mask, string Text)[] _escalation;
    private readonly (int Mask, string Text)[] _pitfalls;
    private readonly (int Mask, string Text)[] _whatWouldChange;
    private readonly (int Mask, NextStep Step)[] _afterTheScan;
    private readonly (int AnyOf, FaqEntry Entry)[] _faq;
    private readonly IntakeQuestion[] _yesNoQuestions;
    private readonly Dictionary<Contraindication, string> _contraindicationFindings;

    // Deciding is a pure function of the answers, and there are few complete sets of answers (four yes/no questions
    // and the contraindication): each is decided once and the same immutable recommendation returned after that, so
    // the bot layer can keep the card it made for it.
    private readonly ConcurrentDictionary<ClinicalAnswers, Recommendation> _decided = new();

    public ImagingDecision(GuidanceDocument guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        _guidance = guidance;
        foreach (var pathway in guidance.Pathways)
        {
            foreach (var contraindication in Enum.GetValues<Contraindication>())
            {
                _plans[(pathway.Id, contraindication)] = Plan(pathway, contraindication);
            }
        }

        _escalation = [.. guidance.Escalation.Select(t => (AllOf(t.When), t.Text))];
        _pitfalls = [.. guidance.Pitfalls.Select(t => (AllOf(t.When), t.Text))];
        _whatWouldChange = [.. guidance.WhatWouldChange.Select(t => (AllOf(t.When), t.Text))];
        _afterTheScan = [.. guidance.AfterTheScan.Select(r => (AllOf(r.When), r.Step))];
        _faq = [.. guidance.Faq.Select(f => (AllOf(f.RelatedWhen), f))];
        _yesNoQuestions = [.. guidance.Questions.Where(q => q.Id != IntakeQuestionId.Contraindication)];
        _contraindicationFindings = guidance.ContraindicationOptions.ToDictionary(o => o.Value, o => o.Finding);
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

        var choice = _plans[(pathway.Value, Contraindication.None)].Choice;
        return choice is not null && _guidance.Procedure(choice.ProcedureId).Modality == Modality.Mri;
    }

    /// <summary>
    /// Decides the first imaging step. Equal answers get the very same recommendation. Throws
    /// <see cref="ArgumentException"/> when answers are missing.
    /// </summary>
    public Recommendation Decide(ClinicalAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return _decided.TryGetValue(answers, out var decided) ? decided : _decided.GetOrAdd(answers, DecideOnce(answers));
    }

    private Recommendation DecideOnce(ClinicalAnswers answers)
    {
        var missing = answers.NextQuestion(this);
        if (missing is not null)
        {
            throw new ArgumentException($"The answers are incomplete: {missing} is not answered yet.", nameof(answers));
        }

        var pathwayId = PathwayFor(answers)!.Value;
        var plan = _plans[(pathwayId, answers.Contraindication ?? Contraindication.None)];
        var pathway = plan.Pathway;
        var contraindication = plan.Choice?.Contraindication ?? Contraindication.None;
        var conditions = ConditionsFor(answers, pathwayId, contraindication);
        var urgency = answers.NeurologicDeficits == true ? Urgency.Emergent : Urgency.Routine;

        return new Recommendation(
            pathwayId,
            pathway.Title,
            urgency,
            contraindication,
            plan.Recommended,
            urgency == Urgency.Emergent ? plan.EmergentHeadline : plan.RoutineHeadline,
            plan.Alternatives,
            Because(answers, pathwayId, contraindication),
            plan.Choice?.Reasons ?? pathway.Reasons,
            Applicable(_escalation, conditions),
            plan.Choice?.Warnings ?? [],
            Applicable(_pitfalls, conditions),
            Applicable(_afterTheScan, conditions),
            [.. _faq.Where(f => (f.AnyOf & conditions) != 0).Select(f => f.Entry)],
            Applicable(_whatWouldChange, conditions),
            plan.Recommended is null ? null : OrderIndication(answers, pathway, plan.Recommended, urgency, contraindication),
            _guidance.Source);
    }

    private DecisionPlan Plan(PathwayGuidance pathway, Contraindication contraindication)
    {
        // A pathway that recommends no imaging ignores the contraindication answer.
        var choice = pathway.ChoiceFor(pathway.Choices.Count > 0 ? contraindication : Contraindication.None);
        var applied = choice?.Contraindication ?? Contraindication.None;
        var recommended = choice is null ? null : pathway.RatingOf(choice.ProcedureId).Rated;
        Alternative[] alternatives =
        [
            .. pathway.Ratings
                .Where(r => r.Rated.ProcedureId != recommended?.ProcedureId && IsPossible(r.Rated.ProcedureId, applied))
                .OrderBy(r => r.Rated.Category) // stable: equal categories keep the data file's order
                .Select(r => new Alternative(r.Rated, r.Comparison)),
        ];
        return new DecisionPlan(pathway, choice, recommended, Headline(pathway.Headline, recommended), Headline(pathway.EmergentHeadline, recommended), alternatives);
    }

    private bool IsPossible(string procedureId, Contraindication contraindication)
    {
        var procedure = _guidance.Procedure(procedureId);
        return contraindication switch
        {
            Contraindication.MriNotPossible => procedure.Modality != Modality.Mri,
            // Gadolinium is the MRI agent; CT contrast is iodinated, so CT with IV contrast stays on the list.
            Contraindication.ContrastNotPossible => !(procedure.Modality == Modality.Mri && procedure.UsesIvContrast),
            _ => true,
        };
    }

    private static string Headline(string template, RatedProcedure? recommended) =>
        recommended is null
            ? template
            : template.Replace("{procedure}", recommended.Name, StringComparison.Ordinal)
                .Replace("{category}", recommended.CategoryLabel, StringComparison.Ordinal);

    private static int Bit(GuidanceCondition condition) => 1 << (int)condition;

    private static int AllOf(IReadOnlyList<GuidanceCondition> conditions) => conditions.Aggregate(0, (mask, c) => mask | Bit(c));

    private static int ConditionsFor(ClinicalAnswers answers, Pathway pathway, Contraindication contraindication)
    {
        var mask = Bit(GuidanceCondition.Always) | Bit(pathway switch
        {
            Pathway.RedFlagWorkup => GuidanceCondition.RedFlagWorkup,
            Pathway.CaudaEquina => GuidanceCondition.CaudaEquina,
            _ => GuidanceCondition.NoRedFlags,
        });
        mask |= answers.SuspectedCancer == true ? Bit(GuidanceCondition.SuspectedCancer) : 0;
        mask |= answers.SuspectedInfection == true ? Bit(GuidanceCondition.SuspectedInfection) : 0;
        mask |= answers.Immunosuppressed == true ? Bit(GuidanceCondition.Immunosuppression) : 0;
        mask |= answers.NeurologicDeficits == true ? Bit(GuidanceCondition.NeurologicDeficits) : 0;
        mask |= contraindication == Contraindication.MriNotPossible ? Bit(GuidanceCondition.MriNotPossible) : 0;
        mask |= contraindication == Contraindication.ContrastNotPossible ? Bit(GuidanceCondition.ContrastNotPossible) : 0;
        return mask;
    }

    private static List<T> Applicable<T>((int Mask, T Item)[] rules, int conditions)
    {
        var applicable = new List<T>();
        foreach (var (mask, item) in rules)
        {
            if ((mask & conditions) == mask)
            {
                applicable.Add(item);
            }
        }

        return applicable;
    }

    private List<string> Because(ClinicalAnswers answers, Pathway pathway, Contraindication contraindication)
    {
        var because = new List<string>(5);
        foreach (var question in _yesNoQuestions)
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
            because.Add(_contraindicationFindings[contraindication]);
        }

        return because;
    }

    private string OrderIndication(
        ClinicalAnswers answers, PathwayGuidance pathway, RatedProcedure recommended, Urgency urgency, Contraindication contraindication)
    {
        var line = new StringBuilder(256);
        if (urgency == Urgency.Emergent)
        {
            line.Append("EMERGENT. ");
        }

        line.Append(recommended.Name).Append(". Indication: ").Append(pathway.OrderPhrase).Append(" (");
        var evaluateFor = new List<string>(4);
        var first = true;
        foreach (var question in _yesNoQuestions)
        {
            if (answers.Answer(question.Id) != true)
            {
                continue;
            }

            line.Append(first ? string.Empty : "; ").Append(question.OrderTerm);
            first = false;
            foreach (var target in question.EvaluateFor)
            {
                if (!evaluateFor.Contains(target))
                {
                    evaluateFor.Add(target);
                }
            }
        }

        line.Append(')');
        if (contraindication != Contraindication.None)
        {
            line.Append("; ").Append(_contraindicationFindings[contraindication]);
        }

        return line.Append(". Evaluate for ").AppendJoin(", ", evaluateFor).Append('.').ToString();
    }
}
