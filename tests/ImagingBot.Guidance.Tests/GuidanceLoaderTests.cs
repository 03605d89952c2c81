using System.Text.Json.Nodes;

namespace ImagingBot.Guidance.Tests;

public class GuidanceLoaderTests
{
    [Fact]
    public void The_shipped_file_loads_from_next_to_the_assembly()
    {
        var guidance = GuidanceLoader.LoadDefault();

        Assert.Equal(3, guidance.SchemaVersion);
        Assert.Equal("2026.12.07-1", guidance.ContentVersion);
        Assert.Equal(new GuidanceSource("ACR Appropriateness Criteria: Low Back Pain", 2021, "Which Imaging Is Best for Low Back Pain with Suspected Cancer or Infection?", new DateOnly(2026, 5, 29)), guidance.Source);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], guidance.Variants.Select(v => v.Id));
        Assert.Equal(11, guidance.Procedures.Count);
        Assert.Equal(11, guidance.Faq.Count);
        Assert.Equal(Path.GetFullPath(GuidanceLoader.DefaultPath), guidance.FilePath);
        Assert.Equal("low-back-pain.json", Path.GetFileName(GuidanceLoader.DefaultPath));
    }

    [Fact]
    public void The_question_tree_is_in_the_files_order_with_the_emergency_screen_first()
    {
        Assert.Equal(
            ["caudaEquina", "sepsis", "age", "majorTrauma", "cancer", "infection", "immunosuppression", "priorSurgery", "fractureRisk", "course", "contraindication", "pregnancy"],
            Shipped.Guidance.Questions.Select(q => q.Key));
        Assert.Equal([true, true], Shipped.Guidance.Questions.Take(2).Select(q => q.IsEmergencyScreen));
        Assert.All(Shipped.Guidance.Questions.Skip(2), q => Assert.False(q.IsEmergencyScreen));
        Assert.All(Shipped.Guidance.Questions, q =>
        {
            Assert.Equal(ClinicalAnswers.ValuesOf(q.Id), q.Options.Select(o => o.Value));
            Assert.All(q.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Label) || string.IsNullOrWhiteSpace(o.Finding)));
            Assert.DoesNotContain("answer yes if", q.Prompt, StringComparison.OrdinalIgnoreCase);
            Assert.False(string.IsNullOrWhiteSpace(q.Source));
        });
        Assert.Equal(["under 18", "aged 18 to 64", "aged 65 or older"], Shipped.Guidance.Question(IntakeQuestionId.Age).Options.Select(o => o.Finding));
        Assert.Equal("Not pregnant or not applicable", Shipped.Guidance.Question(IntakeQuestionId.Pregnancy).Option(ClinicalAnswers.No)!.Label);
    }

    [Fact]
    public void The_emergency_criteria_name_every_sign_the_facts_give()
    {
        var caudaEquina = string.Join(" | ", Shipped.Guidance.Question(IntakeQuestionId.CaudaEquina).Criteria);
        foreach (var sign in new[] { "urinary retention", "overflow incontinence", "fecal incontinence", "saddle or perineal numbness", "both legs", "progressive leg weakness", "rectal" })
        {
            Assert.Contains(sign, caudaEquina, StringComparison.Ordinal);
        }

        var sepsis = string.Join(" | ", Shipped.Guidance.Question(IntakeQuestionId.Sepsis).Criteria);
        foreach (var sign in new[] { "low blood pressure", "fast heart rate", "rigors", "confusion", "epidural abscess", "fever is often absent" })
        {
            Assert.Contains(sign, sepsis, StringComparison.Ordinal);
        }

        Assert.Contains(Shipped.Guidance.Question(IntakeQuestionId.SuspectedInfection).Criteria, c => c.Contains("epidural", StringComparison.Ordinal) && c.Contains("facet", StringComparison.Ordinal));
    }

    [Fact]
    public void The_file_also_loads_by_path()
    {
        using var file = new DataFile();

        var guidance = GuidanceLoader.Load(file.Write());

        Assert.Equal(file.Path, guidance.FilePath);
        Assert.Equal(Shipped.Guidance.Procedures.Select(p => (p.Id, p.Name, p.Radiation.Symbol)), guidance.Procedures.Select(p => (p.Id, p.Name, p.Radiation.Symbol)));
    }

    public static TheoryData<string, string> BrokenFiles() => new()
    {
        { "rating-without-source", "variants[6].ratings[0].source is missing: every fact row names one or more source ids" },
        { "pitfall-without-source", "variants[0].pitfalls[0].source is missing" },
        { "faq-without-source", "faq[3].source is missing" },
        { "question-without-source", "questions[1].source is missing" },
        { "procedure-without-source", "procedures[0].source is missing" },
        { "unknown-source", "variants[4].escalation[0].source[0] 'wikipedia' is not one of the sources' ids" },
        { "duplicate-source-id", "sources[1].id 'acr-2021' is used by more than one source" },
        { "unknown-procedure", "variants[6].ratings[2].procedure 'ct-of-the-knee' is not a known procedure id" },
        { "unknown-category", "category 'Sometimes Appropriate' is not in the allowed set" },
        { "category-the-variant-does-not-allow", "variants[4].ratings[0].category 'Usually Not Appropriate' ('radiography-lumbar') is not a category variant 5's sources give" },
        { "appropriate-in-a-no-red-flag-variant", "'May Be Appropriate' ('radiography-lumbar') is not a category variant 1's sources give" },
        { "rated-twice", "variant 7 rates 'ct-lumbar-with-contrast' more than once" },
        { "first-line-without-answers", "('radiography-lumbar', Usually Appropriate in variant 6) has no 'answers'" },
        { "lower-without-why", "('bone-scan-whole-body' in variant 7) has no 'whyLower'" },
        { "ranking-of-unrated", "variants[5].ranking.procedures[0] 'bone-scan-whole-body' is not rated in variant 6" },
        { "ranking-of-a-lower-study", "variants[6].ranking.procedures[1] 'ct-lumbar-with-contrast' is not Usually Appropriate in variant 7" },
        { "mri-alternative-unrated", "variants[2].whenMriNotPossible.procedures[0] 'ct-lumbar-with-contrast' is not rated in variant 3" },
        { "mri-alternative-is-mri", "variants[6].whenMriNotPossible.procedures[0] 'mri-lumbar-without-contrast' is an MRI" },
        { "mri-only-first-line-without-alternatives", "variants[3].whenMriNotPossible.procedures is empty, but every first-line study of variant 4 is an MRI" },
        { "missing-variant", "variants must contain variant 3 exactly once" },
        { "routine-question-first", "is an emergency question after the routine question 'age': the emergency screen must come first" },
        { "contraindication-before-course", "questions[9] (contraindication) must come after every question that decides the variant; 'course' comes later" },
        { "missing-question", "questions must contain Immunosuppression exactly once" },
        { "question-twice", "question SuspectedCancer appears more than once" },
        { "sepsis-not-an-emergency", "questions[1].emergencyScreen must be true for Sepsis" },
        { "bad-option-value", "questions[2].options[2].value 'elderly' is not an answer Age accepts (child, adult, older)" },
        { "missing-option", "questions[10].options has no option for the value 'kidney'" },
        { "prompt-says-answer-yes-twice", "questions[4].prompt says \"Answer yes if any...\"" },
        { "unknown-condition", "faq[0].relatedWhen[0] 'Sometimes' is not a known condition" },
        { "faq-without-keywords", "(FAQ 'esr-crp') has no keywords" },
        { "missing-radiation", "(procedure 'bone-scan-whole-body') has no radiationLevel" },
        { "unknown-radiation", "radiationLevel '☢☢☢☢☢' (procedure 'radiography-lumbar') is not one of the radiationLevels symbols" },
        { "bad-date", "source.articleReviewedOn '29 May 2026' is not a date" },
        { "old-schema", "schemaVersion 1 is not supported (expected 3)" },
        { "missing-content-version", "contentVersion is missing or empty" },
        { "missing-out-of-scope", "outOfScope must contain Child exactly once" },
        { "not-json", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_stops_loading_with_a_message_naming_the_file_and_the_problem(string breakage, string problem)
    {
        using var file = new DataFile();
        var path = Break(file, breakage);

        var error = Assert.Throws<GuidanceValidationException>(() => GuidanceLoader.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-guidance-" + Guid.NewGuid() + ".json");

        var error = Assert.Throws<GuidanceValidationException>(() => GuidanceLoader.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    private static string Break(DataFile file, string breakage)
    {
        switch (breakage)
        {
            case "rating-without-source":
                file.Rating(7, "mri-lumbar-without-and-with-contrast").Remove("source");
                break;
            case "pitfall-without-source":
                file.Variant(1)["pitfalls"]![0]!.AsObject().Remove("source");
                break;
            case "faq-without-source":
                file.Json["faq"]![3]!.AsObject().Remove("source");
                break;
            case "question-without-source":
                file.Question("sepsis")["source"] = new JsonArray();
                break;
            case "procedure-without-source":
                file.Procedure("radiography-lumbar").Remove("source");
                break;
            case "unknown-source":
                file.Variant(5)["escalation"]![0]!["source"] = new JsonArray("wikipedia");
                break;
            case "duplicate-source-id":
                file.Json["sources"]![1]!["id"] = "acr-2021";
                break;
            case "unknown-procedure":
                file.Variant(7)["ratings"]![2]!["procedure"] = "ct-of-the-knee";
                break;
            case "unknown-category":
                file.Rating(4, "ct-myelography-lumbar")["category"] = "Sometimes Appropriate";
                break;
            case "category-the-variant-does-not-allow":
                file.Rating(5, "radiography-lumbar")["category"] = "Usually Not Appropriate";
                file.Rating(5, "radiography-lumbar")["whyLower"] = "edited";
                break;
            case "appropriate-in-a-no-red-flag-variant":
                file.Rating(1, "radiography-lumbar")["category"] = "May Be Appropriate";
                break;
            case "rated-twice":
                file.Variant(7)["ratings"]!.AsArray().Add(file.Rating(7, "ct-lumbar-with-contrast").DeepClone());
                break;
            case "first-line-without-answers":
                file.Rating(6, "radiography-lumbar").Remove("answers");
                break;
            case "lower-without-why":
                file.Rating(7, "bone-scan-whole-body").Remove("whyLower");
                break;
            case "ranking-of-unrated":
                file.Variant(6)["ranking"]!["procedures"] = new JsonArray("bone-scan-whole-body");
                break;
            case "ranking-of-a-lower-study":
                file.Variant(7)["ranking"]!["procedures"]![1] = "ct-lumbar-with-contrast";
                break;
            case "mri-alternative-unrated":
                file.Variant(3)["whenMriNotPossible"]!["procedures"]![0] = "ct-lumbar-with-contrast";
                break;
            case "mri-alternative-is-mri":
                file.Variant(7)["whenMriNotPossible"]!["procedures"]![0] = "mri-lumbar-without-contrast";
                break;
            case "mri-only-first-line-without-alternatives":
                file.Variant(4)["whenMriNotPossible"]!["procedures"] = new JsonArray();
                break;
            case "missing-variant":
                file.Json["variants"]!.AsArray().RemoveAt(2);
                break;
            case "routine-question-first":
                Move(file.Questions, from: 2, to: 0);
                break;
            case "contraindication-before-course":
                Move(file.Questions, from: 10, to: 9);
                break;
            case "missing-question":
                file.Questions.RemoveAt(6);
                break;
            case "question-twice":
                file.Questions[5]!["id"] = "SuspectedCancer";
                break;
            case "sepsis-not-an-emergency":
                file.Question("sepsis")["emergencyScreen"] = false;
                break;
            case "bad-option-value":
                file.Question("age")["options"]![2]!["value"] = "elderly";
                break;
            case "missing-option":
                file.Question("contraindication")["options"]!.AsArray().RemoveAt(3);
                break;
            case "prompt-says-answer-yes-twice":
                file.Question("cancer")["prompt"] = "Is cancer known or suspected? Answer yes if any of these apply.";
                break;
            case "unknown-condition":
                file.Json["faq"]![0]!["relatedWhen"] = new JsonArray("Sometimes");
                break;
            case "faq-without-keywords":
                file.Json["faq"]![2]!["keywords"] = new JsonArray();
                break;
            case "missing-radiation":
                file.Procedure("bone-scan-whole-body").Remove("radiationLevel");
                break;
            case "unknown-radiation":
                file.Procedure("radiography-lumbar")["radiationLevel"] = "☢☢☢☢☢";
                break;
            case "bad-date":
                file.Json["source"]!["articleReviewedOn"] = "29 May 2026";
                break;
            case "old-schema":
                file.Json["schemaVersion"] = 1;
                break;
            case "missing-content-version":
                file.Json.Remove("contentVersion");
                break;
            case "missing-out-of-scope":
                file.Json["outOfScope"]!.AsArray().RemoveAt(0);
                break;
            case "not-json":
                return file.WriteText("{ \"schemaVersion\": 2, ");
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }

        return file.Write();
    }

    private static void Move(JsonArray array, int from, int to)
    {
        var item = array[from]!;
        array.RemoveAt(from);
        array.Insert(to, item);
    }
}
