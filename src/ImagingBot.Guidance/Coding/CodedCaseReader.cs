namespace ImagingBot.Guidance;

/// <summary>
/// Codes in, the consult's answers out: the same <see cref="ClinicalAnswers"/> the Teams consult collects, read from an
/// order's reason codes, the problem list's codes and the patient's age, for the same <see cref="ImagingDecision"/>.
/// A present code answers its question; an absent code answers nothing. Only a rating needs every question answered,
/// and then the guidance file's <c>assumedWhenNotCoded</c> answers fill the rest, each one named in the result.
/// </summary>
public sealed class CodedCaseReader
{
    private readonly GuidanceDocument _guidance;
    private readonly ImagingDecision _decision;
    private readonly Dictionary<(string System, string Code), List<(ClinicalCode Code, IntakeQuestionId? Question, string? Value)>> _meanings = [];
    private readonly Dictionary<(string System, string Code), RetiredCode> _retired = [];
    private readonly Dictionary<(string System, string Code), List<string>> _procedures = [];

    public CodedCaseReader(ImagingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        _decision = decision;
        _guidance = decision.Guidance;
        var coding = _guidance.Coding;
        foreach (var code in coding.Topic)
        {
            Meaning(code, null, null);
        }

        foreach (var answer in coding.Answers)
        {
            foreach (var code in answer.Codes)
            {
                Meaning(code, answer.Question, answer.Value);
            }
        }

        foreach (var retired in coding.Retired)
        {
            _retired[(retired.SystemId, retired.Code)] = retired;
        }

        foreach (var (procedure, codes) in coding.ProcedureCodes)
        {
            foreach (var code in codes)
            {
                Add(_procedures, (code.SystemId, code.Code), procedure);
            }
        }
    }

    /// <summary>
    /// The procedure an order's codes name, or null when they name none of the topic's, or two equally: the one whose
    /// codes the order carries most of, and on a tie the one whose own code to order it is among them.
    /// </summary>
    public string? ProcedureFor(IEnumerable<CodeReference> orderCodes)
    {
        ArgumentNullException.ThrowIfNull(orderCodes);
        var matched = new Dictionary<string, (int Count, bool Primary)>(StringComparer.Ordinal);
        foreach (var reference in orderCodes.Distinct())
        {
            if (Known(reference) is not { } key || !_procedures.TryGetValue(key, out var procedures))
            {
                continue;
            }

            foreach (var procedure in procedures)
            {
                var (count, primary) = matched.GetValueOrDefault(procedure);
                matched[procedure] = (count + 1, primary || _guidance.Coding.OrderCode(procedure).Code == key.Code);
            }
        }

        var best = matched.OrderByDescending(m => m.Value.Count).ThenByDescending(m => m.Value.Primary).Take(2).ToList();
        return best.Count switch
        {
            0 => null,
            1 => best[0].Key,
            _ => best[0].Value == best[1].Value ? null : best[0].Key,
        };
    }

    /// <summary>What the codes say. Codes the guidance does not know, and codes of unknown systems, are ignored.</summary>
    public CodedCase Read(IEnumerable<CodeReference> orderReasons, IEnumerable<CodeReference> conditions, AgeGroup? age)
    {
        ArgumentNullException.ThrowIfNull(orderReasons);
        ArgumentNullException.ThrowIfNull(conditions);
        var findings = new List<CodedFinding>();
        Recognise(orderReasons, fromOrder: true, findings);
        Recognise(conditions, fromOrder: false, findings);

        var answers = ClinicalAnswers.Empty with { Age = age };
        foreach (var question in _guidance.Questions)
        {
            // Several codes for one question: a yes wins; of several course codes, the longest course (the options' order).
            var values = findings.Where(f => f.Question == question.Id).Select(f => f.Value!).Distinct().ToList();
            var value = question.Options.Select(o => o.Value).LastOrDefault(values.Contains);
            if (value is not null && !answers.IsAnswered(question.Id))
            {
                answers = answers.With(question.Id, value)!;
            }
        }

        var emergencyCoded = findings.Any(f => f.Question is { } q && _guidance.Question(q).IsEmergencyScreen);
        var inTopic = emergencyCoded || findings.Any(f => f.FromOrder && f.Question is null);
        return new CodedCase(answers, inTopic, findings);
    }

    /// <summary>
    /// The consult's decision for the coded answers, each question no code answers filled with its assumed answer.
    /// Null when a question without an assumed answer is still open (the age, when the EHR gave none): then the codes
    /// alone cannot be rated. An emergency asks nothing more, so it is always decided.
    /// </summary>
    public CodedAdvice? Decide(CodedCase coded)
    {
        ArgumentNullException.ThrowIfNull(coded);
        var answers = coded.Answers;
        var assumed = new List<AssumedAnswer>();
        while (_decision.NextQuestion(answers) is { } open)
        {
            if (!_guidance.Coding.AssumedWhenNotCoded.TryGetValue(open.Id, out var value))
            {
                return null;
            }

            answers = answers.With(open.Id, value)!;
            assumed.Add(new AssumedAnswer(open.Id, value, open.Option(value)!.Finding));
        }

        return new CodedAdvice(coded, answers, assumed, _decision.Decide(answers));
    }

    private void Recognise(IEnumerable<CodeReference> references, bool fromOrder, List<CodedFinding> findings)
    {
        foreach (var reference in references)
        {
            if (Known(reference) is not { } key)
            {
                continue;
            }

            if (_meanings.TryGetValue(key, out var meanings))
            {
                findings.AddRange(meanings.Select(m => new CodedFinding(m.Code, m.Question, m.Value, fromOrder)));
            }
            else if (_retired.TryGetValue(key, out var retired) && ReplacementMeaning(retired) is { } replacement)
            {
                findings.AddRange(replacement.Select(m => new CodedFinding(m.Code, m.Question, m.Value, fromOrder) { ReadFrom = retired }));
            }
        }
    }

    /// <summary>What a deleted code means: the meaning its replacements share, when they all have the same one.</summary>
    private List<(ClinicalCode Code, IntakeQuestionId? Question, string? Value)>? ReplacementMeaning(RetiredCode retired)
    {
        var meanings = retired.ReplacedBy.Select(code => _meanings.GetValueOrDefault((retired.SystemId, code))).ToList();
        if (meanings.Count == 0 || meanings.Any(m => m is null))
        {
            return null;
        }

        var first = meanings[0]!.Select(m => (m.Question, m.Value)).ToHashSet();
        return meanings.All(m => m!.Select(x => (x.Question, x.Value)).ToHashSet().SetEquals(first)) ? meanings[0] : null;
    }

    private (string System, string Code)? Known(CodeReference reference)
    {
        var code = reference.Code?.Trim();
        return code is { Length: > 0 } && _guidance.Coding.SystemFor(reference.System?.Trim()) is { } system ? (system.Id, code) : null;
    }

    private void Meaning(ClinicalCode code, IntakeQuestionId? question, string? value)
    {
        if (!_meanings.TryGetValue((code.SystemId, code.Code), out var list))
        {
            _meanings[(code.SystemId, code.Code)] = list = [];
        }

        list.Add((code, question, value));
    }

    private static void Add<TKey>(Dictionary<TKey, List<string>> map, TKey key, string value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
