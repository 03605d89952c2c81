using System.Text.Json.Nodes;

namespace ImagingBot.Guidance.Tests;

public class GuidanceLoaderTests
{
    [Fact]
    public void The_shipped_file_loads_from_next_to_the_assembly()
    {
        var guidance = GuidanceLoader.LoadDefault();

        Assert.Equal(1, guidance.SchemaVersion);
        Assert.False(string.IsNullOrWhiteSpace(guidance.ContentVersion));
        Assert.Equal("ACR Appropriateness Criteria: Low Back Pain", guidance.Source.Title);
        Assert.Equal(2021, guidance.Source.RevisedYear);
        Assert.Equal(new DateOnly(2026, 5, 29), guidance.Source.ReviewedOn);
        Assert.Equal(5, guidance.Faq.Count);
        Assert.Equal(Enum.GetValues<IntakeQuestionId>(), guidance.Questions.Select(q => q.Id));
        Assert.All(guidance.Questions, q => Assert.NotEmpty(q.Criteria));
        Assert.Equal(Path.GetFullPath(GuidanceLoader.DefaultPath), guidance.FilePath);
    }

    [Fact]
    public void The_file_also_loads_by_path()
    {
        using var file = new DataFile();

        var guidance = GuidanceLoader.Load(file.Write());

        Assert.Equal(file.Path, guidance.FilePath);
        Assert.Equal(Shipped.Guidance.Procedures, guidance.Procedures);
    }

    public static TheoryData<string, string> BrokenFiles() => new()
    {
        { "unknown-procedure", "'ct-of-the-knee' is not a known procedure id" },
        { "unknown-category", "category 'Sometimes Appropriate' is not in the allowed set" },
        { "faq-without-keywords", "(FAQ 'esr-crp') has no keywords" },
        { "missing-radiation", "(procedure 'bone-scan-whole-body') has no radiationLevel" },
        { "unknown-radiation", "radiationLevel '☢☢☢☢☢' (procedure 'radiography-lumbar') is not one of the radiationLevels symbols" },
        { "missing-question", "questions must contain Immunosuppression exactly once" },
        { "unrated-choice", "is not rated on pathway CaudaEquina" },
        { "not-appropriate-choice", "is rated Usually Not Appropriate on pathway RedFlagWorkup and cannot be recommended" },
        { "unknown-condition", "'Sometimes' is not a known condition" },
        { "bad-date", "source.reviewedOn '29 May 2026' is not a date" },
        { "future-schema", "schemaVersion 2 is not supported" },
        { "missing-content-version", "contentVersion is missing or empty" },
        { "mri-when-mri-impossible", "'mri-lumbar-without-contrast' cannot be done when the answer is MriNotPossible" },
        { "contrast-mri-when-contrast-impossible", "'mri-lumbar-without-and-with-contrast' cannot be done when the answer is ContrastNotPossible" },
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
            case "unknown-procedure":
                file.Pathway("RedFlagWorkup")["ratings"]![2]!["procedure"] = "ct-of-the-knee";
                break;
            case "unknown-category":
                file.Pathway("CaudaEquina")["ratings"]![0]!["category"] = "Sometimes Appropriate";
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
            case "missing-question":
                file.Json["questions"]!.AsArray().RemoveAt(2);
                break;
            case "unrated-choice":
                file.Pathway("CaudaEquina")["choices"]![1]!["procedure"] = "ct-lumbar-with-contrast";
                break;
            case "not-appropriate-choice":
                file.Pathway("RedFlagWorkup")["choices"]![1]!["procedure"] = "bone-scan-whole-body";
                break;
            case "unknown-condition":
                file.Json["pitfalls"]![0]!["when"] = new JsonArray("Sometimes");
                break;
            case "bad-date":
                file.Json["source"]!["reviewedOn"] = "29 May 2026";
                break;
            case "future-schema":
                file.Json["schemaVersion"] = 2;
                break;
            case "missing-content-version":
                file.Json.Remove("contentVersion");
                break;
            case "mri-when-mri-impossible":
                file.Pathway("RedFlagWorkup")["choices"]![1]!["procedure"] = "mri-lumbar-without-contrast";
                break;
            case "contrast-mri-when-contrast-impossible":
                file.Pathway("CaudaEquina")["choices"]![2]!["procedure"] = "mri-lumbar-without-and-with-contrast";
                break;
            case "not-json":
                return file.WriteText("{ \"schemaVersion\": 1, ");
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }

        return file.Write();
    }
}
