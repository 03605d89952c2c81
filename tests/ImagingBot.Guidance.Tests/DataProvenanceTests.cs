namespace ImagingBot.Guidance.Tests;

/// <summary>Every category and radiation level a recommendation shows comes from the data file, never from code.</summary>
public class DataProvenanceTests
{
    public static TheoryData<ClinicalAnswers> AllCompleteAnswers()
    {
        var rows = new TheoryData<ClinicalAnswers>();
        foreach (var row in DecisionTableTests.EveryCombination())
        {
            rows.Add(new ClinicalAnswers((bool)row[0], (bool)row[1], (bool)row[2], (bool)row[3], (Contraindication)row[4]));
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(AllCompleteAnswers))]
    public void Every_category_and_radiation_shown_is_the_one_in_the_data_file(ClinicalAnswers answers)
    {
        var recommendation = Shipped.Decision.Decide(answers);
        var pathway = Shipped.Guidance.PathwayGuidance(recommendation.Pathway);

        var shown = recommendation.Alternatives.Select(a => a.Procedure).Concat(recommendation.Recommended is null ? [] : [recommendation.Recommended]);
        Assert.All(shown, rated =>
        {
            var inFile = pathway.RatingOf(rated.ProcedureId).Rated;
            Assert.Equal(inFile, rated);
            Assert.Equal(Shipped.Guidance.LabelOf(rated.Category), rated.CategoryLabel);
            Assert.Contains(rated.Radiation, Shipped.Guidance.RadiationLevels);
            Assert.Equal(Shipped.Guidance.Procedure(rated.ProcedureId).Radiation, rated.Radiation);
        });
    }

    [Fact]
    public void Changing_a_label_or_a_dose_in_the_file_changes_the_recommendation()
    {
        using var file = new DataFile();
        file.Json["categories"]![0]!["label"] = "Usually appropriate (edited)";
        foreach (var rating in file.Json["pathways"]!.AsArray().SelectMany(p => p!["ratings"]!.AsArray()))
        {
            if ((string?)rating!["category"] == "Usually Appropriate")
            {
                rating["category"] = "Usually appropriate (edited)";
            }
        }

        file.Json["radiationLevels"]![0]!["adultDose"] = "0 mSv (edited)";
        var decision = new ImagingDecision(GuidanceLoader.Load(file.Write()));

        var recommendation = decision.Decide(new ClinicalAnswers(true, false, false, false, Contraindication.None));

        Assert.Equal("Usually appropriate (edited)", recommendation.Recommended!.CategoryLabel);
        Assert.Equal(new RadiationLevel("O", "0 mSv (edited)"), recommendation.Recommended.Radiation);
        Assert.Contains("(Usually appropriate (edited))", recommendation.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_four_acr_category_labels_are_used()
    {
        Assert.Equal(
            ["Usually Appropriate", "May Be Appropriate", "May Be Appropriate (Disagreement)", "Usually Not Appropriate"],
            Enum.GetValues<AppropriatenessCategory>().Select(Shipped.Guidance.LabelOf));
    }

    [Fact]
    public void The_data_file_is_versioned_and_copied_to_the_output()
    {
        Assert.True(File.Exists(GuidanceLoader.DefaultPath));
        Assert.Equal("low-back-pain-red-flags.json", Path.GetFileName(GuidanceLoader.DefaultPath));
        Assert.Matches(@"^\d{4}\.\d{2}\.\d{2}-\d+$", Shipped.Guidance.ContentVersion);
    }
}
