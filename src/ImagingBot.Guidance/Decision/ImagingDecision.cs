using System.Collections.Concurrent;
using System.Text;

namespace ImagingBot.Guidance;

/// <summary>
/// Answers in, advice out. Which variant applies, which question comes next and which studies are possible are
/// decided here; everything the advice says (studies, categories, radiation, ranking, wording) comes from the
/// guidance data, and the order of the questions is the data file's.
/// </summary>
public sealed class ImagingDecision
{
    /// <summary>The order variants outrank each other in: the first one the answers establish leads.</summary>
    private static readonly int[] RoutingOrder = [4, 7, 5, 6, 3, 2, 1];

    private readonly IntakeQuestion[] _questions;
    private readonly Dictionary<(int Variant, Contraindication Contraindication), VariantPlan> _plans = [];
    private readonly Dictionary<int, VariantGuidance> _variants;
    private readonly Dictionary<int, bool> _asksContraindication = [];
    private readonly Dictionary<OutOfScopeReason, OutOfScopeGuidance> _outOfScope;

    // Deciding is a pure function of the answers, and there are few complete sets of answers: each is decided once
    // and the same immutable advice returned after that, so the bot layer can keep the card it made for it.
    private readonly ConcurrentDictionary<ClinicalAnswers, Advice> _decided = new();

    public ImagingDecision(GuidanceDocument guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        Guidance = guidance;
        _questions = [.. guidance.Questions];
        _variants = guidance.Variants.ToDictionary(v => v.Id);
        _outOfScope = guidance.OutOfScope.ToDictionary(o => o.Reason);
        foreach (var variant in guidance.Variants)
        {
            foreach (var contraindication in Enum.GetValues<Contraindication>())
            {
                _plans[(variant.Id, contraindication)] = Plan(variant, contraindication);
            }

            // Asked only when an MRI is among the studies the clinician would order first: the ranked first study
            // where a source ranks them, any first-line study where they are equal options.
            var firstLine = _plans[(variant.Id, Contraindication.None)].FirstLine;
            var ordered = variant.Ranking is null ? firstLine : firstLine.Take(1);
            _asksContraindication[variant.Id] = ordered.Any(s => guidance.Procedure(s.Procedure.ProcedureId).IsMri);
        }
    }

    public GuidanceDocument Guidance { get; }

    /// <summary>The variants the answers establish, in routing order (4, 7, 5, 6, 3, 2, 1); the first one leads.</summary>
    public static IReadOnlyList<int> Variants(ClinicalAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var variants = new List<int>(4);
        foreach (var variant in RoutingOrder)
        {
            if (Establishes(answers, variant))
            {
                variants.Add(variant);
            }
        }

        return variants;
    }

    /// <summary>
    /// The first question, in the guidance file's order, that is unanswered and can still change the advice; null
    /// when <see cref="Decide"/> can run. An emergency sign ends the questions at once, and so does a patient
    /// outside the topic.
    /// </summary>
    public IntakeQuestion? NextQuestion(ClinicalAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.IsEmergency || IsOutOfScope(answers))
        {
            return null;
        }

        foreach (var question in _questions)
        {
            if (!answers.IsAnswered(question.Id) && CanChangeAdvice(question.Id, answers))
            {
                return question;
            }
        }

        return null;
    }

    /// <summary>
    /// The advice for complete answers. Equal answers get the very same instance. Throws
    /// <see cref="ArgumentException"/> while <see cref="NextQuestion"/> still has a question.
    /// </summary>
    public Advice Decide(ClinicalAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (_decided.TryGetValue(answers, out var decided))
        {
            return decided;
        }

        if (NextQuestion(answers) is { } missing)
        {
            throw new ArgumentException($"The answers are incomplete: '{missing.Key}' is not answered yet.", nameof(answers));
        }

        return _decided.GetOrAdd(answers, DecideOnce(answers));
    }

    private static bool Establishes(ClinicalAnswers answers, int variant) => variant switch
    {
        4 => answers.CaudaEquinaSigns == true,
        7 => answers.SepsisSigns == true || answers.SuspectedCancer == true || answers.SuspectedInfection == true || answers.Immunosuppressed == true,
        5 => answers.PriorLumbarSurgery == true,
        6 => answers.FractureRisk == true || answers.Age == AgeGroup.Older,
        3 => answers.Course == PainCourse.AfterOptimalManagement,
        2 => answers.Course == PainCourse.SubacuteOrChronic,
        1 => answers.Course == PainCourse.Acute,
        _ => false,
    };

    private static bool IsOutOfScope(ClinicalAnswers answers) => answers.Age == AgeGroup.Child || answers.MajorTrauma == true;

    private static bool IsEmergent(ClinicalAnswers answers) => answers.IsEmergency;

    /// <summary>True when a variant at or above this one in the routing order is already established.</summary>
    private static bool Outranked(ClinicalAnswers answers, int variant)
    {
        foreach (var higher in RoutingOrder)
        {
            if (Establishes(answers, higher))
            {
                return true;
            }

            if (higher == variant)
            {
                return false;
            }
        }

        return false;
    }

    private bool CanChangeAdvice(IntakeQuestionId question, ClinicalAnswers answers) => question switch
    {
        IntakeQuestionId.CaudaEquina or IntakeQuestionId.Sepsis or IntakeQuestionId.Age or IntakeQuestionId.MajorTrauma => true,
        IntakeQuestionId.SuspectedCancer or IntakeQuestionId.SuspectedInfection or IntakeQuestionId.Immunosuppression => !Outranked(answers, 7),
        IntakeQuestionId.PriorLumbarSurgery => !Outranked(answers, 5),
        IntakeQuestionId.FractureRisk => !Outranked(answers, 6),
        IntakeQuestionId.Course => !Outranked(answers, 3),
        IntakeQuestionId.Contraindication => SettledLead(answers) is { } lead && _asksContraindication[lead],
        // Not asked of a patient of 65 or older: the question would only cost a clinician a click.
        IntakeQuestionId.Pregnancy => answers.Age != AgeGroup.Older
            && SettledLead(answers) is { } lead
            && (answers.Contraindication is not null || !_asksContraindication[lead])
            && _plans[(lead, answers.Contraindication ?? Contraindication.None)] is var plan
            && (plan.HasGadolinium || plan.HasRadiation),
        _ => false,
    };

    /// <summary>The lead variant once no routing or scope question can change it any more, else null.</summary>
    private int? SettledLead(ClinicalAnswers answers)
    {
        foreach (var question in _questions)
        {
            if (question.Id is IntakeQuestionId.Contraindication or IntakeQuestionId.Pregnancy)
            {
                continue;
            }

            if (!answers.IsAnswered(question.Id) && CanChangeAdvice(question.Id, answers))
            {
                return null;
            }
        }

        foreach (var variant in RoutingOrder)
        {
            if (Establishes(answers, variant))
            {
                return variant;
            }
        }

        return null;
    }

    private Advice DecideOnce(ClinicalAnswers answers)
    {
        var emergent = IsEmergent(answers);
        if (answers.MajorTrauma == true)
        {
            return OutOfScope(_outOfScope[OutOfScopeReason.MajorTrauma], answers, emergent);
        }

        if (answers.Age == AgeGroup.Child)
        {
            return OutOfScope(_outOfScope[OutOfScopeReason.Child], answers, emergent);
        }

        var variants = Variants(answers);
        if (variants.Count == 0)
        {
            throw new ArgumentException("The answers establish no variant.", nameof(answers));
        }

        var contraindication = answers.Contraindication ?? Contraindication.None;
        var plan = _plans[(variants[0], contraindication)];
        var variant = plan.Variant;
        var urgency = emergent ? Urgency.Emergent : Urgency.Routine;
        var ifMriNotPossible = emergent ? IfMriNotPossible(plan, variants) : [];
        var conditions = ConditionsFor(answers, variants, plan, urgency, ifMriNotPossible);
        var firstLine = plan.FirstLine;

        return new Recommendation(
            variant.Id,
            variant.Title,
            urgency,
            contraindication,
            firstLine,
            plan.RankingNote,
            Headline(variant.Headlines, plan, emergent),
            plan.Alternatives,
            ifMriNotPossible,
            AlsoApplies(variants, contraindication),
            Because(answers),
            Applicable(variant.Reasons, conditions),
            Applicable(variant.Escalation, conditions),
            [.. Applicable(variant.Warnings, conditions), .. Applicable(Guidance.Warnings, conditions)],
            Applicable(variant.Pitfalls, conditions),
            [.. variant.AfterTheScan.Where(r => Holds(r.When, r.Unless, conditions)).Select(r => r.Step)],
            [.. Guidance.Faq.Where(f => f.RelatedWhen.Any(c => (conditions & Bit(c)) != 0))],
            Applicable(variant.WhatWouldChange, conditions),
            firstLine.Length == 0 ? null : OrderIndication(answers, variant, firstLine[0].Procedure, urgency),
            Guidance.Source,
            Guidance.ContentVersion)
        {
            OrderCodes = firstLine.Length == 0 ? null : OrderCodesFor(answers, firstLine[0].Procedure),
        };
    }

    private OrderCodes OrderCodesFor(ClinicalAnswers answers, RatedProcedure procedure)
    {
        var coding = Guidance.Coding;
        var diagnoses = coding.Topic.Where(c => c.OnOrders).ToList();
        foreach (var question in _questions)
        {
            if (answers.Value(question.Id) is { } value)
            {
                diagnoses.AddRange(coding.CodesOf(question.Id, value).Where(c => c.OnOrders && !diagnoses.Contains(c)));
            }
        }

        return new OrderCodes(coding.OrderCode(procedure.ProcedureId), diagnoses);
    }

    private OutOfScope OutOfScope(OutOfScopeGuidance scope, ClinicalAnswers answers, bool emergent)
    {
        var conditions = Bit(GuidanceCondition.Always) | Bit(emergent ? GuidanceCondition.Emergent : GuidanceCondition.Routine)
            | (answers.CaudaEquinaSigns == true ? Bit(GuidanceCondition.CaudaEquina) : 0)
            | (answers.SepsisSigns == true ? Bit(GuidanceCondition.Sepsis) : 0);
        return new OutOfScope(
            scope.Reason,
            scope.Headline,
            scope.Explanation,
            scope.SeeInstead,
            emergent,
            Applicable(scope.Escalation, conditions),
            Because(answers),
            Guidance.Source,
            Guidance.ContentVersion);
    }

    private VariantPlan Plan(VariantGuidance variant, Contraindication contraindication)
    {
        var possible = variant.Ratings.Where(r => IsPossible(r.Rated.ProcedureId, contraindication)).ToList();
        var usuallyAppropriate = possible.Where(r => r.Rated.Category == AppropriatenessCategory.UsuallyAppropriate).ToList();
        if (variant.Ranking is { } ranking)
        {
            // Ranked studies first, in the source's order; any others keep the data file's order (a stable sort).
            usuallyAppropriate = [.. usuallyAppropriate.OrderBy(r => RankOf(ranking, r.Rated.ProcedureId))];
        }

        var fallback = false;
        var firstLine = usuallyAppropriate;
        if (firstLine.Count == 0 && contraindication == Contraindication.MriNotPossible && variant.WhenMriNotPossible.Procedures.Count > 0)
        {
            fallback = true;
            firstLine = [.. variant.WhenMriNotPossible.Procedures.Select(id => variant.RatingOf(id)!)];
        }

        var rankingNote = !fallback && variant.Ranking is { } ranked && firstLine.Count > 1 && firstLine[0].Rated.ProcedureId == ranked.Procedures[0]
            ? ranked.Note
            : null;
        Alternative[] alternatives =
        [
            .. possible
                .Where(r => !firstLine.Contains(r))
                .OrderBy(r => r.Rated.Category) // stable: equal categories keep the data file's order
                .Select(r => new Alternative(r.Rated, r.WhyLower ?? r.Answers!)),
        ];
        var procedures = firstLine.Select(r => Guidance.Procedure(r.Rated.ProcedureId)).ToList();
        return new VariantPlan(
            variant,
            contraindication,
            [.. firstLine.Select(r => new FirstLineStudy(r.Rated, r.Answers!))],
            fallback,
            rankingNote,
            alternatives,
            [.. variant.WhenMriNotPossible.Procedures.Select(id => variant.RatingOf(id)!).Select(r => new Alternative(r.Rated, r.Answers ?? r.WhyLower!))])
        {
            HasGadolinium = procedures.Any(p => p.UsesGadolinium),
            HasIodinatedContrast = procedures.Any(p => p.UsesIodinatedContrast),
            HasRadiation = procedures.Any(p => p.UsesIonizingRadiation),
        };
    }

    private static int RankOf(VariantRanking ranking, string procedureId)
    {
        var rank = -1;
        for (var i = 0; i < ranking.Procedures.Count && rank < 0; i++)
        {
            rank = ranking.Procedures[i] == procedureId ? i : -1;
        }

        return rank < 0 ? ranking.Procedures.Count : rank;
    }

    private bool IsPossible(string procedureId, Contraindication contraindication)
    {
        var procedure = Guidance.Procedure(procedureId);
        return contraindication switch
        {
            Contraindication.MriNotPossible => !procedure.IsMri,
            // Gadolinium is the MRI agent; CT contrast is iodinated, so CT with IV contrast stays on the list.
            Contraindication.ContrastNotPossible => !procedure.UsesGadolinium,
            // Severe kidney disease removes nothing: the ACR-NKF consensus says not to withhold a needed contrast
            // MRI, and a warning sends the clinician to the radiologist instead.
            _ => true,
        };
    }

    /// <summary>
    /// Emergent advice asks no further question, so it shows at once what to order if MRI cannot be done: the lead's
    /// rated non-MRI studies and, when the red-flag variant also applies under cauda equina, its own as well.
    /// </summary>
    private List<Alternative> IfMriNotPossible(VariantPlan plan, IReadOnlyList<int> variants)
    {
        if (plan.Contraindication == Contraindication.MriNotPossible)
        {
            return []; // already the first line
        }

        var shown = new List<Alternative>(plan.WhenMriNotPossible);
        if (plan.Variant.Id == 4 && variants.Contains(7))
        {
            foreach (var alternative in _plans[(7, plan.Contraindication)].WhenMriNotPossible)
            {
                if (shown.All(s => s.Procedure.ProcedureId != alternative.Procedure.ProcedureId))
                {
                    shown.Add(alternative);
                }
            }
        }

        return shown;
    }

    private List<AlsoApplies> AlsoApplies(IReadOnlyList<int> variants, Contraindication contraindication)
    {
        var also = new List<AlsoApplies>(variants.Count);
        for (var i = 1; i < variants.Count; i++)
        {
            // Variants 1 and 2 (no imaging first) never "also apply" under a variant that images.
            if (variants[i] >= 3)
            {
                var plan = _plans[(variants[i], contraindication)];
                also.Add(new AlsoApplies(plan.Variant.Id, plan.Variant.ShortTitle, [.. plan.FirstLine.Select(s => s.Procedure)]));
            }
        }

        return also;
    }

    private List<string> Because(ClinicalAnswers answers)
    {
        var because = new List<string>(_questions.Length);
        foreach (var question in _questions)
        {
            if (question.Option(answers.Value(question.Id)) is { } option)
            {
                because.Add(option.Finding);
            }
        }

        return because;
    }

    private static string Headline(VariantHeadlines headlines, VariantPlan plan, bool emergent)
    {
        var template = (emergent, plan.Fallback) switch
        {
            (true, true) => headlines.EmergentMriNotPossible ?? headlines.Emergent ?? headlines.Routine,
            (true, false) => headlines.Emergent ?? headlines.Routine,
            (false, true) => headlines.MriNotPossible ?? headlines.Routine,
            _ => headlines.Routine,
        };
        if (plan.FirstLine.Length == 0)
        {
            return template;
        }

        var first = plan.FirstLine[0].Procedure;
        var options = string.Join(" or ", plan.FirstLine.Select(s => $"{s.Procedure.Name} ({s.Procedure.CategoryLabel})"));
        return template
            .Replace("{procedure}", first.Name, StringComparison.Ordinal)
            .Replace("{category}", first.CategoryLabel, StringComparison.Ordinal)
            .Replace("{options}", options, StringComparison.Ordinal);
    }

    private string OrderIndication(ClinicalAnswers answers, VariantGuidance variant, RatedProcedure first, Urgency urgency)
    {
        var line = new StringBuilder(256);
        if (urgency == Urgency.Emergent)
        {
            line.Append("EMERGENT. ");
        }

        line.Append(first.Name).Append(". Indication: ").Append(variant.OrderPhrase);
        var terms = new List<string>(4);
        var evaluateFor = new List<string>(4);
        foreach (var question in _questions)
        {
            var value = answers.Value(question.Id);
            if (value is null)
            {
                continue;
            }

            if (value == ClinicalAnswers.Yes && question.IsYesNo)
            {
                if (question.OrderTerm.Length > 0)
                {
                    terms.Add(question.OrderTerm);
                }

                AddNew(evaluateFor, question.EvaluateFor);
            }
            else if (question.Option(value)?.OrderTerm is { } term)
            {
                terms.Add(term);
            }
        }

        AddNew(evaluateFor, variant.EvaluateFor);
        if (terms.Count > 0)
        {
            line.Append(" (").AppendJoin("; ", terms).Append(')');
        }

        if (evaluateFor.Count > 0)
        {
            line.Append(". Evaluate for ").AppendJoin(", ", evaluateFor);
        }

        return line.Append('.').ToString();
    }

    private static void AddNew(List<string> list, IReadOnlyList<string> items)
    {
        foreach (var item in items)
        {
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }
    }

    private static long Bit(GuidanceCondition condition) => 1L << (int)condition;

    private long ConditionsFor(ClinicalAnswers answers, IReadOnlyList<int> variants, VariantPlan plan, Urgency urgency, List<Alternative> ifMriNotPossible)
    {
        var mask = Bit(GuidanceCondition.Always) | Bit(urgency == Urgency.Emergent ? GuidanceCondition.Emergent : GuidanceCondition.Routine);
        foreach (var variant in variants)
        {
            mask |= Bit(GuidanceCondition.Variant1 + (variant - 1));
        }

        mask |= When(answers.CaudaEquinaSigns == true, GuidanceCondition.CaudaEquina)
            | When(answers.SepsisSigns == true, GuidanceCondition.Sepsis)
            | When(answers.SuspectedCancer == true, GuidanceCondition.SuspectedCancer)
            | When(answers.SuspectedInfection == true, GuidanceCondition.SuspectedInfection)
            | When(answers.Immunosuppressed == true, GuidanceCondition.Immunosuppression)
            | When(answers.PriorLumbarSurgery == true, GuidanceCondition.PriorSurgery)
            | When(answers.FractureRisk == true, GuidanceCondition.FractureRisk)
            | When(answers.Age == AgeGroup.Older, GuidanceCondition.Older)
            | When(plan.Contraindication == Contraindication.MriNotPossible, GuidanceCondition.MriNotPossible)
            | When(plan.Contraindication == Contraindication.ContrastNotPossible, GuidanceCondition.ContrastNotPossible)
            | When(plan.Contraindication == Contraindication.SevereKidneyDisease, GuidanceCondition.SevereKidneyDisease)
            | When(answers.Pregnant == true, GuidanceCondition.Pregnant)
            | When(answers.Pregnant is null, GuidanceCondition.PregnancyUnknown)
            | When(plan.FirstLine.Length == 0, GuidanceCondition.NoImaging)
            | When(plan.HasGadolinium, GuidanceCondition.GadoliniumFirstLine)
            | When(plan.HasRadiation || ifMriNotPossible.Any(a => Guidance.Procedure(a.Procedure.ProcedureId).UsesIonizingRadiation), GuidanceCondition.RadiationOffered)
            | When(plan.Fallback, GuidanceCondition.MriFallback)
            | When(plan.HasIodinatedContrast || ifMriNotPossible.Any(a => Guidance.Procedure(a.Procedure.ProcedureId).UsesIodinatedContrast), GuidanceCondition.IodinatedContrastOffered);
        return mask;
    }

    private static long When(bool holds, GuidanceCondition condition) => holds ? Bit(condition) : 0;

    private static bool Holds(IReadOnlyList<GuidanceCondition> when, IReadOnlyList<GuidanceCondition> unless, long conditions)
    {
        foreach (var condition in when)
        {
            if ((conditions & Bit(condition)) == 0)
            {
                return false;
            }
        }

        foreach (var condition in unless)
        {
            if ((conditions & Bit(condition)) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> Applicable(IReadOnlyList<ConditionalText> rules, long conditions)
    {
        var applicable = new List<string>(rules.Count);
        foreach (var rule in rules)
        {
            if (Holds(rule.When, rule.Unless, conditions))
            {
                applicable.Add(rule.Text);
            }
        }

        return applicable;
    }
}
