using ImagingBot.Guidance;

namespace ImagingBot.Dialogs.Consult;

/// <summary>
/// The intake as waterfall steps, in the guidance's order: confirm a one-line case (only when one was
/// given), the four yes/no questions, then the contraindication question only when the decision says an
/// MRI would be the answer. The ids are the <c>questionId</c> values of the card templates.
/// </summary>
public static class ConsultSteps
{
    public const string Case = "case";
    public const string Cancer = "cancer";
    public const string Infection = "infection";
    public const string Immunosuppression = "immunosuppression";
    public const string NeurologicDeficit = "neurologicDeficit";
    public const string Contraindication = "contraindication";

    public static IReadOnlyList<WaterfallStep<ConsultAnswers>> Create(GuidanceDocument guidance, ImagingDecision decision, IConsultCards cards)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(cards);
        // The yes/no questions are always asked; the contraindication question comes as one more only when MRI is the answer.
        var total = guidance.Questions.Count(question => question.Id != IntakeQuestionId.Contraindication);

        WaterfallStep<ConsultAnswers, bool> YesNo(string id, IntakeQuestionId question, Func<ConsultAnswers, bool?> read, Func<ConsultAnswers, bool?, ConsultAnswers> write) => new()
        {
            Id = id,
            Prompt = prompt => cards.Question(guidance.Question(question), id, prompt, (int)question + 1, total, prompt.OfferQuickForm),
            Recognize = YesNoRecognizer.Recognize,
            Read = read,
            Write = write,
        };

        return
        [
            new WaterfallStep<ConsultAnswers, bool>
            {
                Id = Case,
                AppliesWhen = answers => answers.CaseToConfirm == true,
                Prompt = prompt => cards.CaseConfirmation(Understood(guidance, prompt.Answers), prompt),
                Recognize = YesNoRecognizer.Recognize,

                // Unanswered only while a read case waits; otherwise there is nothing to confirm.
                Read = answers => answers.CaseToConfirm == true ? null : true,

                // "No, that is not right": drop what was read and ask every question.
                Write = (answers, confirmed) => confirmed switch
                {
                    true => answers with { CaseToConfirm = null },
                    false => new ConsultAnswers(),
                    null => answers,
                },
            },
            YesNo(Cancer, IntakeQuestionId.SuspectedCancer, a => a.SuspectedCancer, (a, v) => a with { SuspectedCancer = v }),
            YesNo(Infection, IntakeQuestionId.SuspectedInfection, a => a.SuspectedInfection, (a, v) => a with { SuspectedInfection = v }),
            YesNo(Immunosuppression, IntakeQuestionId.Immunosuppression, a => a.Immunosuppressed, (a, v) => a with { Immunosuppressed = v }),
            YesNo(NeurologicDeficit, IntakeQuestionId.NeurologicDeficits, a => a.NeurologicDeficits, (a, v) => a with { NeurologicDeficits = v }),
            new WaterfallStep<ConsultAnswers, Guidance.Contraindication>
            {
                Id = Contraindication,
                AppliesWhen = answers => decision.NeedsContraindicationQuestion(answers.ToClinical()),
                Prompt = prompt => cards.Contraindication(guidance.ContraindicationOptions, prompt, total + 1, total + 1),
                Recognize = ContraindicationRecognizer.Recognize,
                Read = answers => answers.Contraindication,
                Write = (answers, value) => answers with { Contraindication = value },
            },
        ];
    }

    /// <summary>What was read from the one-line case, in the guidance's words ("fever or suspected infection").</summary>
    private static List<string> Understood(GuidanceDocument guidance, ConsultAnswers answers)
    {
        var clinical = answers.ToClinical();
        return [.. guidance.Questions
            .Select(question => (question, answer: clinical.Answer(question.Id)))
            .Where(read => read.answer is not null)
            .Select(read => read.answer == true ? read.question.Finding : read.question.AbsentFinding)];
    }
}
