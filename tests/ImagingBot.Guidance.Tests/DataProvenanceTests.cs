namespace ImagingBot.Guidance.Tests;

/// <summary>
/// The data file against ../shared/GUIDANCE-FACTS.md, transcribed here by hand: every sourced category in the facts
/// appears in the file, and nothing else; names and radiation levels are ACR's.
/// </summary>
public class DataProvenanceTests
{
    private const string UA = "Usually Appropriate";
    private const string MBA = "May Be Appropriate";
    private const string MBAD = "May Be Appropriate (Disagreement)";
    private const string UNA = "Usually Not Appropriate";

    /// <summary>The 11 procedures of the 2021 tables with ACR's names and adult relative radiation levels.</summary>
    private static readonly (string Id, string Name, string Level)[] Procedures =
    [
        ("radiography-lumbar", "Radiography lumbar spine", "☢☢☢"),
        ("mri-lumbar-with-contrast", "MRI lumbar spine with IV contrast", "O"),
        ("mri-lumbar-without-and-with-contrast", "MRI lumbar spine without and with IV contrast", "O"),
        ("mri-lumbar-without-contrast", "MRI lumbar spine without IV contrast", "O"),
        ("bone-scan-whole-body", "Bone scan whole body with SPECT or SPECT/CT complete spine", "☢☢☢"),
        ("ct-lumbar-with-contrast", "CT lumbar spine with IV contrast", "☢☢☢"),
        ("ct-lumbar-without-contrast", "CT lumbar spine without IV contrast", "☢☢☢"),
        ("discography-lumbar", "Discography and post-discography CT lumbar spine", "☢☢☢"),
        ("ct-lumbar-without-and-with-contrast", "CT lumbar spine without and with IV contrast", "☢☢☢☢"),
        ("ct-myelography-lumbar", "CT myelography lumbar spine", "☢☢☢☢"),
        ("fdg-pet-ct-whole-body", "FDG-PET/CT whole body", "☢☢☢☢"),
    ];

    /// <summary>The facts' table "The whole topic": per variant, every procedure with a sourced category.</summary>
    public static TheoryData<int, string[]> SourcedCategories() => new()
    {
        { 1, [.. Procedures.Select(p => $"{p.Id}={UNA}")] },
        { 2, [.. Procedures.Select(p => $"{p.Id}={UNA}")] },
        {
            3,
            [
                $"mri-lumbar-without-contrast={UA}", $"radiography-lumbar={MBA}", $"mri-lumbar-without-and-with-contrast={MBA}",
                $"bone-scan-whole-body={MBA}", $"ct-lumbar-without-contrast={MBA}", $"ct-myelography-lumbar={MBA}",
            ]
        },
        { 4, [$"mri-lumbar-without-and-with-contrast={UA}", $"mri-lumbar-without-contrast={UA}", $"ct-lumbar-without-contrast={MBA}", $"ct-myelography-lumbar={MBA}"] },
        {
            5,
            [
                $"radiography-lumbar={UA}", $"mri-lumbar-without-and-with-contrast={UA}", $"mri-lumbar-without-contrast={UA}",
                $"ct-lumbar-without-contrast={MBA}", $"ct-myelography-lumbar={MBA}",
            ]
        },
        {
            6,
            [
                $"radiography-lumbar={UA}", $"mri-lumbar-without-contrast={UA}", $"ct-lumbar-without-contrast={UA}",
                $"mri-lumbar-without-and-with-contrast={MBA}", $"ct-myelography-lumbar={MBA}",
            ]
        },
        {
            7,
            [
                $"mri-lumbar-without-and-with-contrast={UA}", $"mri-lumbar-without-contrast={UA}", $"radiography-lumbar={MBAD}",
                $"ct-lumbar-without-contrast={MBA}", $"ct-lumbar-with-contrast={MBA}", $"ct-myelography-lumbar={MBA}", $"bone-scan-whole-body={UNA}",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(SourcedCategories))]
    public void Every_sourced_category_in_the_facts_is_in_the_data_file_and_nothing_else(int variant, string[] facts)
    {
        var inFile = Shipped.Guidance.Variant(variant).Ratings.Select(r => $"{r.Rated.ProcedureId}={r.Rated.CategoryLabel}");

        Assert.Equal(facts.Order(StringComparer.Ordinal), inFile.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_table_covers_all_seven_variants() => Assert.Equal([1, 2, 3, 4, 5, 6, 7], SourcedCategories().Select(row => (int)row[0]));

    [Fact]
    public void The_procedures_have_acrs_names_and_adult_radiation_levels()
    {
        Assert.Equal(Procedures, Shipped.Guidance.Procedures.Select(p => (p.Id, p.Name, p.Radiation.Symbol)));
        Assert.Equal(
            [("O", "0 mSv (adult)"), ("☢", "<0.1 mSv (adult)"), ("☢☢☢", "1-10 mSv (adult)"), ("☢☢☢☢", "10-30 mSv (adult)")],
            Shipped.Guidance.RadiationLevels.Select(l => (l.Symbol, l.AdultDose)));
        Assert.All(Shipped.Guidance.Procedures, p => Assert.Equal(p.Radiation.Symbol != "O", p.UsesIonizingRadiation));
        Assert.Equal(
            ["mri-lumbar-with-contrast", "mri-lumbar-without-and-with-contrast"],
            Shipped.Guidance.Procedures.Where(p => p.UsesGadolinium).Select(p => p.Id));
        Assert.Equal(
            ["ct-lumbar-with-contrast", "ct-lumbar-without-and-with-contrast"],
            Shipped.Guidance.Procedures.Where(p => p.UsesIodinatedContrast).Select(p => p.Id));
    }

    [Fact]
    public void Rankings_are_only_where_a_source_ranks()
    {
        var ranked = Shipped.Guidance.Variants.Where(v => v.Ranking is not null).ToDictionary(v => v.Id, v => v.Ranking!);

        Assert.Equal([6, 7], ranked.Keys.Order());
        Assert.Equal("radiography-lumbar", ranked[6].Procedures[0]);
        Assert.Equal(["article-minor-trauma"], ranked[6].Sources);
        Assert.Equal("mri-lumbar-without-and-with-contrast", ranked[7].Procedures[0]);
        Assert.Equal(["article"], ranked[7].Sources);
    }

    public static TheoryData<int, string[]> WhenMriNotPossible() => new()
    {
        { 1, [] },
        { 2, [] },
        { 3, ["ct-lumbar-without-contrast", "ct-myelography-lumbar"] },
        { 4, ["ct-myelography-lumbar", "ct-lumbar-without-contrast"] },
        { 5, ["radiography-lumbar"] },
        { 6, ["radiography-lumbar", "ct-lumbar-without-contrast"] },
        { 7, ["ct-lumbar-with-contrast", "ct-myelography-lumbar"] },
    };

    [Theory]
    [MemberData(nameof(WhenMriNotPossible))]
    public void Each_variant_names_its_rated_studies_for_when_mri_is_not_possible(int variant, string[] procedures) =>
        Assert.Equal(procedures, Shipped.Guidance.Variant(variant).WhenMriNotPossible.Procedures);

    [Fact]
    public void Every_fact_row_names_known_sources()
    {
        var known = Shipped.Guidance.Sources.Select(s => s.Id).ToHashSet();
        var rows = new List<IReadOnlyList<string>>();
        rows.AddRange(Shipped.Guidance.Procedures.Select(p => p.Sources));
        rows.AddRange(Shipped.Guidance.RadiationLevels.Select(l => l.Sources));
        rows.AddRange(Shipped.Guidance.Faq.Select(f => f.Sources));
        rows.AddRange(Shipped.Guidance.Warnings.Select(w => w.Sources));
        rows.AddRange(Shipped.Guidance.OutOfScope.SelectMany(o => o.Escalation.Select(e => e.Sources).Append(o.Sources)));
        foreach (var variant in Shipped.Guidance.Variants)
        {
            rows.Add(variant.Sources);
            rows.AddRange(variant.Ratings.Select(r => r.Sources));
            rows.AddRange(new[] { variant.Reasons, variant.Warnings, variant.Escalation, variant.Pitfalls, variant.WhatWouldChange }.SelectMany(t => t.Select(x => x.Sources)));
            rows.AddRange(variant.AfterTheScan.Select(s => s.Sources));
        }

        var coding = Shipped.Guidance.Coding;
        rows.AddRange(coding.Systems.Select(s => s.Sources));
        rows.AddRange(coding.Retired.Select(r => r.Sources));
        rows.AddRange(coding.Topic.Concat(coding.ProcedureCodes.Values.SelectMany(c => c)).Concat(coding.Answers.SelectMany(a => a.Codes)).Select(c => c.Sources));

        Assert.All(rows, sources => Assert.NotEmpty(sources));
        Assert.All(rows.SelectMany(s => s), id => Assert.Contains(id, known));
        Assert.All(Shipped.Guidance.Questions, q => Assert.All(q.Source.Split(", "), id => Assert.Contains(id, known)));
        Assert.Equal(
            ["acr-2021", "acr-patient-summary", "article", "article-minor-trauma", "acr-nkf-gadolinium", "acr-contrast-manual", "medscape-sea", "ajnr-digest", "acr-back-pain-child", "acr-spine-trauma", "clinical-review", "ama-cpt", "cms-icd10cm", "snomed-ct", "hl7-terminology"],
            Shipped.Guidance.Sources.Select(s => s.Id));
        Assert.Contains("PMC7873723", Shipped.Guidance.Citation("acr-nkf-gadolinium"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_first_line_study_says_what_it_answers_and_every_other_why_it_ranks_lower()
    {
        foreach (var rating in Shipped.Guidance.Variants.SelectMany(v => v.Ratings))
        {
            if (rating.Rated.Category == AppropriatenessCategory.UsuallyAppropriate)
            {
                Assert.False(string.IsNullOrWhiteSpace(rating.Answers), rating.Rated.ProcedureId);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(rating.WhyLower), rating.Rated.ProcedureId);
            }
        }
    }

    [Fact]
    public void The_answers_carry_the_facts_clinical_questions()
    {
        Assert.Contains("scar", Shipped.Guidance.Variant(5).RatingOf("mri-lumbar-without-and-with-contrast")!.Answers, StringComparison.Ordinal);
        Assert.Contains("hardware", Shipped.Guidance.Variant(5).RatingOf("radiography-lumbar")!.Answers, StringComparison.Ordinal);
        Assert.Contains("marrow edema", Shipped.Guidance.Variant(6).RatingOf("mri-lumbar-without-contrast")!.Answers, StringComparison.Ordinal);
        Assert.Contains("fracture", Shipped.Guidance.Variant(6).RatingOf("radiography-lumbar")!.Answers, StringComparison.Ordinal);
        Assert.Contains("fracture", Shipped.Guidance.Variant(6).RatingOf("ct-lumbar-without-contrast")!.Answers, StringComparison.Ordinal);
    }

    [Fact]
    public void The_negative_study_step_carries_the_thoracic_caveat_inline()
    {
        var negative = Shipped.Guidance.Variant(7).AfterTheScan.Single(s => s.Step.Finding == "Negative study");

        Assert.Contains("thoracic spine", negative.Step.Action, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_four_acr_category_labels_are_used()
    {
        Assert.Equal([UA, MBA, MBAD, UNA], Enum.GetValues<AppropriatenessCategory>().Select(Shipped.Guidance.LabelOf));
    }

    [Fact]
    public void Changing_a_label_or_a_dose_in_the_file_changes_the_advice()
    {
        using var file = new DataFile();
        file.Json["categories"]![0]!["label"] = "Usually appropriate (edited)";
        foreach (var rating in file.Json["variants"]!.AsArray().SelectMany(v => v!["ratings"]!.AsArray()))
        {
            if ((string?)rating!["category"] == UA)
            {
                rating["category"] = "Usually appropriate (edited)";
            }
        }

        foreach (var variant in file.Json["variants"]!.AsArray())
        {
            var sourced = variant!["sourcedCategories"]!.AsArray();
            for (var i = 0; i < sourced.Count; i++)
            {
                if ((string?)sourced[i] == UA)
                {
                    sourced[i] = "Usually appropriate (edited)";
                }
            }
        }

        file.Json["radiationLevels"]![0]!["adultDose"] = "0 mSv (adult, edited)";
        var decision = new ImagingDecision(GuidanceLoader.Load(file.Write()));

        var advice = (Recommendation)decision.Decide(Answers.Routine(cancer: true) with { Contraindication = Contraindication.None, Pregnant = false });

        Assert.Equal("Usually appropriate (edited)", advice.Recommended!.CategoryLabel);
        Assert.Equal("0 mSv (adult, edited)", advice.Recommended.Radiation.AdultDose);
        Assert.Contains("(Usually appropriate (edited))", advice.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_file_is_versioned_and_copied_to_the_output()
    {
        Assert.True(File.Exists(GuidanceLoader.DefaultPath));
        Assert.Matches(@"^\d{4}\.\d{2}\.\d{2}-\d+$", Shipped.Guidance.ContentVersion);
    }
}
