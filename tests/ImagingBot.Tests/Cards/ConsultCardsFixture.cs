using ImagingBot.Cards;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Hosting;
using ImagingBot.Templating;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Cards;

/// <summary>
/// The real cards: the templates the build copied next to the bot, the real guidance file, the real decision.
/// Also the patients (one per variant, the emergencies, the contraindications and the out-of-scope answers) whose
/// advice the golden cards in cards/golden/bot are built from.
/// </summary>
public sealed class ConsultCardsFixture
{
    public const string ConsultId = "c-fixture";

    /// <summary>A Teams user id (MRI) as a clinician's refresh <c>userIds</c> carries it.</summary>
    public const string ClinicianId = "29:1bSnHZ7Js2STWrgk6ScEErLk1Lp2zQuD5H2qQ960rtvst";

    /// <summary>Teams (and the Agents Playground): Universal Actions, the recommendation refreshing for this clinician.</summary>
    public static readonly CardAudience Teams = new(UniversalActions: true, ClinicianId);

    public ConsultCardsFixture()
    {
        Guidance = GuidanceLoader.LoadDefault();
        Decision = new ImagingDecision(Guidance);
        Catalog = CardTemplateCatalog.Load(CardsExtensions.DefaultCardDirectory);
        Cards = new TemplatedConsultCards(Catalog, Guidance);
    }

    public GuidanceDocument Guidance { get; }

    public ImagingDecision Decision { get; }

    public CardTemplateCatalog Catalog { get; }

    public TemplatedConsultCards Cards { get; }

    /// <summary>Each case, named as its golden file is: "recommendation.*" must give a recommendation, "out-of-scope.*" not.</summary>
    public static TheoryData<string> CaseNames => [.. Patients.Keys];

    public static TheoryData<string> RecommendationCaseNames => [.. Patients.Keys.Where(n => n.StartsWith("recommendation.", StringComparison.Ordinal))];

    public static TheoryData<string> OutOfScopeCaseNames => [.. Patients.Keys.Where(n => n.StartsWith("out-of-scope.", StringComparison.Ordinal))];

    /// <summary>
    /// Everything about each patient, whether the consult would ask it or not: the consult's own order of questions
    /// (<see cref="Answered"/>) decides which of these answers the decision sees.
    /// </summary>
    public static IReadOnlyDictionary<string, ClinicalAnswers> Patients { get; } = new Dictionary<string, ClinicalAnswers>
    {
        // 38F, 3 days of low back pain after gardening.
        ["recommendation.v1"] = Routine(),
        ["recommendation.v2"] = Routine() with { Course = PainCourse.SubacuteOrChronic },
        // 10 weeks of pain despite physical therapy, referred for an epidural injection.
        ["recommendation.v3"] = Routine() with { Course = PainCourse.AfterOptimalManagement },
        // New urinary retention and saddle numbness.
        ["recommendation.v4"] = Routine() with { CaudaEquinaSigns = true },
        // 72, two years after a lumbar fusion, worsening pain: variant 5, and variant 6 (65 or older) also applies.
        ["recommendation.v5"] = Routine() with { Age = AgeGroup.Older, PriorLumbarSurgery = true },
        // 82F with osteoporosis after a stumble.
        ["recommendation.v6"] = Routine() with { Age = AgeGroup.Older, FractureRisk = true },
        // The article's patient: 58F, breast cancer in remission, night pain, subjective fevers, no deficits.
        ["recommendation.v7"] = Routine() with { SuspectedCancer = true, SuspectedInfection = true },
        // 67M, IV drug use, febrile 39.4, BP 82/50, confused.
        ["recommendation.v7-sepsis"] = Routine() with { SepsisSigns = true, SuspectedInfection = true },
        ["recommendation.v7-mri-not-possible"] = Routine() with { SuspectedCancer = true, Contraindication = Contraindication.MriNotPossible },
        ["recommendation.v7-contrast-not-possible"] = Routine() with { Immunosuppressed = true, Contraindication = Contraindication.ContrastNotPossible },
        ["recommendation.v7-kidney"] = Routine() with { SuspectedInfection = true, Contraindication = Contraindication.SevereKidneyDisease },
        ["out-of-scope.child"] = Routine() with { Age = AgeGroup.Child },
        // A high-speed motorcycle crash.
        ["out-of-scope.trauma"] = Routine() with { MajorTrauma = true },
    };

    /// <summary>The patient's answers to exactly the questions the decision asks, in its order, as a consult would give them.</summary>
    public ClinicalAnswers Answered(string caseName)
    {
        var patient = Patients[caseName];
        var answers = ClinicalAnswers.Empty;
        for (var asked = 0; Decision.NextQuestion(answers) is { } question; asked++)
        {
            Assert.True(asked < 20, $"{caseName}: the decision keeps asking {question.Key}.");
            var value = patient.Value(question.Id) ?? throw new InvalidOperationException($"{caseName}: the patient has no answer to {question.Key}.");
            answers = answers.With(question.Id, value)!;
        }

        return answers;
    }

    public Advice AdviceFor(string caseName) => Decision.Decide(Answered(caseName));

    public Recommendation RecommendationFor(string caseName) =>
        Assert.IsType<Recommendation>(AdviceFor(caseName));

    public IMessageActivity AdviceCard(string caseName) => Cards.Advice(new GiveAdvice(ConsultId, AdviceFor(caseName)));

    /// <summary>The advice card as Teams gets it: Action.Execute, and a refresh carrying the answers it was decided from.</summary>
    public IMessageActivity TeamsAdviceCard(string caseName) => Cards.Advice(new GiveAdvice(ConsultId, AdviceFor(caseName), Answered(caseName)), Teams);

    public static AskQuestion Ask(IntakeQuestion question, int number = 1, PromptReason reason = PromptReason.First, bool offerQuickForm = false, string consultId = ConsultId) =>
        new(consultId, question, number, reason, offerQuickForm);

    /// <summary>Every kind of message the bot can send, each as the activity the channel receives.</summary>
    public IReadOnlyDictionary<string, IMessageActivity> EveryCard()
    {
        var cards = new Dictionary<string, IMessageActivity>();
        foreach (var caseName in Patients.Keys)
        {
            cards[caseName] = AdviceCard(caseName);
        }

        foreach (var (question, index) in Guidance.Questions.Select((q, i) => (q, i)))
        {
            cards["question." + question.Key] = Cards.Question(Ask(question, index + 1));
        }

        cards["question.reprompt-with-quick-form"] = Cards.Question(Ask(Guidance.Questions[^1], 5, PromptReason.Reprompt, offerQuickForm: true));
        cards["question.resume"] = Cards.Question(Ask(Guidance.Questions[0], 1, PromptReason.Resume));
        cards["case-confirmation"] = Cards.CaseConfirmation(new ConfirmCase(ConsultId, ["age 58", "history of breast cancer", "subjective fevers"], PromptReason.First));
        cards["case-confirmation.resume"] = Cards.CaseConfirmation(new ConfirmCase(ConsultId, ["age 58"], PromptReason.Resume));
        cards["case-confirmation.reprompt"] = Cards.CaseConfirmation(new ConfirmCase(ConsultId, ["age 58"], PromptReason.Reprompt));
        cards["quickform"] = Cards.QuickForm(new ShowQuickForm(ConsultId, Guidance.Questions, Patients["recommendation.v7"] with { Course = null, Contraindication = null }));
        cards["help"] = Cards.Help();
        foreach (var entry in Guidance.Faq)
        {
            cards["faq-answer." + entry.Id] = Cards.FaqAnswer(entry);
        }

        cards["faq-list"] = Cards.FaqList();
        cards["not-understood"] = Cards.NotUnderstood([.. Guidance.Faq.Take(2)]);
        cards["not-understood.no-suggestions"] = Cards.NotUnderstood([]);
        // Teams (Universal Actions): the cards whose buttons are Action.Execute, and what a clicked card becomes.
        foreach (var caseName in Patients.Keys)
        {
            cards["teams." + caseName] = TeamsAdviceCard(caseName);
        }

        foreach (var (question, index) in Guidance.Questions.Select((q, i) => (q, i)))
        {
            cards["teams.question." + question.Key] = Cards.Question(Ask(question, index + 1), Teams);
            cards["teams.answered." + question.Key] = Cards.Record(new QuestionAnswered(ConsultId, question, question.Options[0].Label, Repeat: index % 2 == 1), Teams);
        }

        cards["teams.question.reprompt-with-quick-form"] = Cards.Question(Ask(Guidance.Questions[^1], 5, PromptReason.Reprompt, offerQuickForm: true), Teams);
        cards["teams.case-confirmation"] = Cards.CaseConfirmation(new ConfirmCase(ConsultId, ["age 58", "history of breast cancer", "subjective fevers"], PromptReason.First), Teams);
        cards["teams.quickform"] = Cards.QuickForm(new ShowQuickForm(ConsultId, Guidance.Questions, Patients["recommendation.v7"] with { Course = null, Contraindication = null }), Teams);
        cards["teams.case-answered.yes"] = Cards.Record(new CaseAnswered(ConsultId, true), Teams);
        cards["teams.case-answered.no"] = Cards.Record(new CaseAnswered(ConsultId, false), Teams);
        cards["teams.case-answered.again"] = Cards.Record(new CaseAnswered(ConsultId, null), Teams);
        cards["teams.quickform-sent"] = Cards.Record(new QuickFormSent(ConsultId, Guidance.Questions, Answered("recommendation.v7") with { Pregnant = null }, Repeat: false), Teams);
        cards["teams.quickform-sent.again"] = Cards.Record(new QuickFormSent(ConsultId, Guidance.Questions, Answered("recommendation.v7"), Repeat: true), Teams);
        foreach (var caseName in (string[])["recommendation.v7", "recommendation.v4", "out-of-scope.trauma"])
        {
            cards[$"teams.advice-changing.{caseName}"] = Cards.Record(new AdviceChanged(ConsultId, AdviceFor(caseName), Answered(caseName), StillChanging: true), Teams);
            cards[$"teams.advice-replaced.{caseName}"] = Cards.Record(new AdviceChanged(ConsultId, AdviceFor(caseName), Answered(caseName), StillChanging: false), Teams);
        }

        foreach (var reason in Enum.GetValues<ClosedReason>())
        {
            cards["teams.closed." + reason] = Cards.Record(new CardClosed(reason), Teams);
        }

        var compose = Activity.CreateMessageActivity();
        compose.Attachments = [Cards.FaqAnswerAttachment(Guidance.Faq[0])];
        cards["faq-answer.compose-box"] = compose;
        return cards;
    }

    /// <summary>
    /// The activity as the Bot Framework connector writes it (Newtonsoft, nulls left out), read back and indented so
    /// that a golden diff is readable. Reading it back also proves the wire JSON is valid, the card included.
    /// </summary>
    public static string Serialize(IMessageActivity activity)
    {
        var wire = JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
        using var reader = new JsonTextReader(new StringReader(wire)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader).ToString(Formatting.Indented) + "\n";
    }

    /// <summary>The message as it goes over the wire, unindented: what Teams' 28 KB limit applies to.</summary>
    public static int WireBytes(IMessageActivity activity) =>
        System.Text.Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));

    public static JObject CardOf(IMessageActivity activity)
    {
        var attachment = Assert.Single(activity.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        // Through the wire format, as the channel sees it: this also proves Content serialises as plain JSON.
        using var reader = new JsonTextReader(new StringReader(JsonConvert.SerializeObject(attachment.Content))) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static List<string> Texts(JToken card) =>
        [.. card.SelectTokens("$..[?(@.type == 'TextBlock')].text").Select(t => t.Value<string>()!)];

    public static List<JToken> Submits(JToken card) => [.. card.SelectTokens("$..[?(@.type == 'Action.Submit')]")];

    // An adult with low back pain and nothing else: no emergency sign, no red flag, no other variant's finding.
    private static ClinicalAnswers Routine() => new(
        CaudaEquinaSigns: false,
        SepsisSigns: false,
        Age: AgeGroup.Adult,
        MajorTrauma: false,
        SuspectedCancer: false,
        SuspectedInfection: false,
        Immunosuppressed: false,
        PriorLumbarSurgery: false,
        FractureRisk: false,
        Course: PainCourse.Acute,
        Contraindication: Contraindication.None,
        Pregnant: false);
}
