namespace ImagingBot.Guidance.Tests;

/// <summary>
/// From answers to codes and back: every code the file lists reads as its answer and nothing else, and every variant
/// the codes can carry is reached from codes alone, through the same decision the consult runs.
/// </summary>
public class CodedCaseTableTests
{
    private const string Cpt = "http://www.ama-assn.org/go/cpt";
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    private const string Snomed = "http://snomed.info/sct";

    private static readonly CodedCaseReader Reader = new(Shipped.Decision);

    // The oracle, written from the topic's routing (docs/guidance-data.md), not from the code under test: the
    // variant an adult with coded low back pain and this one answer leads with.
    private static readonly Dictionary<(IntakeQuestionId, string), int> LeadVariant = new()
    {
        [(IntakeQuestionId.CaudaEquina, "yes")] = 4,
        [(IntakeQuestionId.Sepsis, "yes")] = 7,
        [(IntakeQuestionId.SuspectedCancer, "yes")] = 7,
        [(IntakeQuestionId.SuspectedInfection, "yes")] = 7,
        [(IntakeQuestionId.Immunosuppression, "yes")] = 7,
        [(IntakeQuestionId.PriorLumbarSurgery, "yes")] = 5,
        [(IntakeQuestionId.FractureRisk, "yes")] = 6,
        [(IntakeQuestionId.Course, "acute")] = 1,
        [(IntakeQuestionId.Course, "chronic")] = 2,
        [(IntakeQuestionId.Contraindication, "kidney")] = 1,
    };

    public static TheoryData<string, string, string, string> EveryAnswerCode()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var answer in Shipped.Guidance.Coding.Answers)
        {
            foreach (var code in answer.Codes)
            {
                data.Add(answer.Question.ToString(), answer.Value, code.SystemUri, code.Code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAnswerCode))]
    public void Each_answer_code_reads_back_as_its_answer_and_reaches_its_variant(string question, string value, string system, string code)
    {
        var id = Enum.Parse<IntakeQuestionId>(question);
        var coded = Reader.Read([new(Icd10Cm, "M54.50"), new(system, code)], [], AgeGroup.Adult);

        Assert.True(coded.InTopic);
        Assert.Equal(value, coded.Answers.Value(id));
        var alsoCarries = Shipped.Guidance.Coding.Answers.Where(a => a.Codes.Any(c => c.Code == code)).Select(a => a.Question).ToHashSet();
        foreach (var other in Enum.GetValues<IntakeQuestionId>().Where(q => q is not IntakeQuestionId.Age && !alsoCarries.Contains(q)))
        {
            Assert.Null(coded.Answers.Value(other));
        }

        // A code that carries two answers (long-term steroids: immunosuppression and fracture risk) leads with the
        // higher of their variants in the routing order.
        var expected = new[] { 4, 7, 5, 6, 3, 2, 1 }.First(v => Shipped.Guidance.Coding.Answers.Any(a => a.Codes.Any(c => c.Code == code) && LeadVariant[(a.Question, a.Value)] == v));
        var advice = Assert.IsType<Recommendation>(Reader.Decide(coded)!.Advice);
        Assert.Equal(expected, advice.Variant);
    }

    [Fact]
    public void Every_answer_with_codes_is_in_the_table_so_a_new_code_list_needs_its_expected_variant()
    {
        Assert.Equal(LeadVariant.Keys.Order(), Shipped.Guidance.Coding.Answers.Select(a => (a.Question, a.Value)).Order());
    }

    public static TheoryData<string, string[], int, string> VariantsFromCodesAlone() => new()
    {
        { "acute low back pain, SNOMED CT only", [$"{Snomed}|278862001"], 1, "Routine" },
        { "low back pain with no course coded (assumed acute)", [$"{Icd10Cm}|M54.50"], 1, "Routine" },
        { "chronic low back pain, ICD-10-CM only", [$"{Icd10Cm}|M54.59", $"{Icd10Cm}|G89.29"], 2, "Routine" },
        { "cauda equina syndrome, ICD-10-CM only", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G83.4"], 4, "Emergent" },
        { "cauda equina syndrome, SNOMED CT alone", [$"{Snomed}|192970008"], 4, "Emergent" },
        { "after a lumbar laminectomy", [$"{Icd10Cm}|M54.16", $"{Icd10Cm}|M96.1"], 5, "Routine" },
        { "osteoporosis", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|M81.0"], 6, "Routine" },
        { "history of breast cancer", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|Z85.3"], 7, "Routine" },
        { "sepsis", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|A41.9"], 7, "Emergent" },
        { "spinal epidural abscess", [$"{Icd10Cm}|M54.50", $"{Icd10Cm}|G06.1"], 7, "Emergent" },
        { "the deleted M54.5 still read as low back pain", [$"{Icd10Cm}|M54.5"], 1, "Routine" },
        { "ICD-10 labelled with the WHO system URI", ["http://hl7.org/fhir/sid/icd-10|M54.50", "http://hl7.org/fhir/sid/icd-10|G83.4"], 4, "Emergent" },
    };

    [Theory]
    [MemberData(nameof(VariantsFromCodesAlone))]
    public void Every_variant_but_3_is_reached_from_codes_alone(string patient, string[] codes, int variant, string urgency)
    {
        var coded = Reader.Read(codes.Select(Reference), [], AgeGroup.Adult);

        var advice = Assert.IsType<Recommendation>(Reader.Decide(coded)!.Advice);
        Assert.True(coded.InTopic, patient);
        Assert.Equal((variant, urgency), (advice.Variant, advice.Urgency.ToString()));
    }

    [Fact]
    public void Variant_3_needs_the_consult_no_code_says_six_weeks_of_optimal_management_failed()
    {
        Assert.Empty(Shipped.Guidance.Coding.CodesOf(IntakeQuestionId.Course, "managed"));
        var reached = VariantsFromCodesAlone().Select(row => (int)row[2]).ToHashSet();
        Assert.Equal([1, 2, 4, 5, 6, 7], reached.Order());
    }

    [Fact]
    public void Sixty_five_or_older_from_the_age_alone_is_variant_6()
    {
        var coded = Reader.Read([new(Icd10Cm, "M54.50")], [], AgeGroups.Of(82));

        Assert.Equal(6, Assert.IsType<Recommendation>(Reader.Decide(coded)!.Advice).Variant);
    }

    [Fact]
    public void A_red_flag_on_the_problem_list_counts_but_does_not_place_the_order_in_the_topic()
    {
        var onlyProblemList = Reader.Read([new(Icd10Cm, "S83.511")], [new(Icd10Cm, "Z85.3")], AgeGroup.Adult);
        var withBackPain = Reader.Read([new(Icd10Cm, "M54.50")], [new(Icd10Cm, "Z85.3")], AgeGroup.Adult);

        Assert.False(onlyProblemList.InTopic);
        Assert.True(withBackPain.InTopic);
        Assert.Equal(7, Assert.IsType<Recommendation>(Reader.Decide(withBackPain)!.Advice).Variant);
        Assert.Contains(withBackPain.Findings, f => f.Code.Code == "Z85.3" && !f.FromOrder);
    }

    [Fact]
    public void An_emergency_code_anywhere_places_the_order_in_the_topic_and_is_emergent_even_without_an_age()
    {
        var coded = Reader.Read([], [new(Snomed, "192970008")], age: null);

        Assert.True(coded.InTopic);
        var advice = Assert.IsType<Recommendation>(Reader.Decide(coded)!.Advice);
        Assert.Equal((4, Urgency.Emergent), (advice.Variant, advice.Urgency));
    }

    [Fact]
    public void Without_an_age_and_without_an_emergency_the_codes_cannot_be_rated()
    {
        Assert.Null(Reader.Decide(Reader.Read([new(Icd10Cm, "M54.50")], [], age: null)));
    }

    [Fact]
    public void A_child_is_outside_the_topic_and_a_childs_emergency_is_not_hidden()
    {
        Assert.IsType<OutOfScope>(Reader.Decide(Reader.Read([new(Icd10Cm, "M54.50")], [], AgeGroups.Of(12)))!.Advice);
        var emergency = Assert.IsType<OutOfScope>(Reader.Decide(Reader.Read([new(Icd10Cm, "M54.50"), new(Icd10Cm, "G83.4")], [], AgeGroups.Of(12)))!.Advice);
        Assert.True(emergency.Emergency);
    }

    [Fact]
    public void What_no_code_says_is_assumed_for_the_rating_named_and_never_read_as_absent()
    {
        var coded = Reader.Read([new(Icd10Cm, "M54.50")], [], AgeGroup.Adult);
        var decided = Reader.Decide(coded)!;

        Assert.All(Enum.GetValues<IntakeQuestionId>().Where(q => q != IntakeQuestionId.Age), q => Assert.Null(coded.Answers.Value(q)));
        Assert.Equal(
            [IntakeQuestionId.CaudaEquina, IntakeQuestionId.Sepsis, IntakeQuestionId.MajorTrauma, IntakeQuestionId.SuspectedCancer, IntakeQuestionId.SuspectedInfection, IntakeQuestionId.Immunosuppression, IntakeQuestionId.PriorLumbarSurgery, IntakeQuestionId.FractureRisk, IntakeQuestionId.Course],
            decided.Assumed.Select(a => a.Question));
        Assert.Contains(decided.Assumed, a => a.Finding == "no sign of cauda equina syndrome");
        Assert.Contains(decided.Assumed, a => a.Finding == "pain for under 6 weeks");
    }

    [Fact]
    public void Codes_of_unknown_systems_unknown_codes_and_empty_codings_are_ignored()
    {
        var coded = Reader.Read([new(null, "M54.50"), new(Icd10Cm, null), new(Icd10Cm, "   "), new("http://loinc.org", "G83.4"), new(Icd10Cm, "Q99.9")], [], AgeGroup.Adult);

        Assert.False(coded.InTopic);
        Assert.Empty(coded.Findings);
    }

    public static TheoryData<string[], string?> OrderCodes() => new()
    {
        { [$"{Cpt}|72148"], "mri-lumbar-without-contrast" },
        { [$"{Cpt}|72158"], "mri-lumbar-without-and-with-contrast" },
        { [$"{Cpt}|72133"], "ct-lumbar-without-and-with-contrast" },
        { [$"{Cpt}|72132"], "ct-lumbar-with-contrast" },
        { [$"{Cpt}|72132", $"{Cpt}|62284"], "ct-myelography-lumbar" },
        { [$"{Cpt}|62284"], "ct-myelography-lumbar" },
        { [$"{Cpt}|72110"], "radiography-lumbar" },
        { [$"{Cpt}|72295", $"{Cpt}|62290"], "discography-lumbar" },
        { [$"{Cpt}|70450"], null },
        { ["http://loinc.org|36801-9"], null },
        { [$"{Cpt}|72148", $"{Cpt}|72131"], null },
    };

    [Theory]
    [MemberData(nameof(OrderCodes))]
    public void An_orders_cpt_codes_name_one_procedure_or_none(string[] codes, string? procedure)
    {
        Assert.Equal(procedure, Reader.ProcedureFor(codes.Select(Reference)));
    }

    [Fact]
    public void Each_procedures_order_code_names_that_procedure()
    {
        Assert.All(Shipped.Guidance.Procedures, p => Assert.Equal(p.Id, Reader.ProcedureFor([new(Cpt, Shipped.Guidance.Coding.OrderCode(p.Id).Code)])));
    }

    private static CodeReference Reference(string systemAndCode)
    {
        var parts = systemAndCode.Split('|');
        return new CodeReference(parts[0], parts[1]);
    }
}
