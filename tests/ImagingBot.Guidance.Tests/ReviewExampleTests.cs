namespace ImagingBot.Guidance.Tests;

/// <summary>The patients of the clinical review and issue 14, each as a consult by buttons or as typed answers.</summary>
public class ReviewExampleTests
{
    private const string Screen = "caudaEquina=no;sepsis=no;majorTrauma=no";

    [Fact]
    public void New_bladder_dysfunction_is_an_emergent_cauda_equina_work_up_asked_first_and_nothing_after()
    {
        var (answers, asked) = Answers.Consult("caudaEquina=yes");

        Assert.Equal(["caudaEquina"], asked);
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(answers));
        Assert.Equal(4, advice.Variant);
        Assert.Equal(Urgency.Emergent, advice.Urgency);
        Assert.Equal(["mri-lumbar-without-and-with-contrast", "mri-lumbar-without-contrast"], advice.FirstLine.Select(s => s.Procedure.ProcedureId));
        Assert.Null(advice.RankingNote); // no source ranks the two MRIs in variant 4
        Assert.Equal(["ct-myelography-lumbar", "ct-lumbar-without-contrast"], advice.IfMriNotPossible.Select(a => a.Procedure.ProcedureId));
        Assert.Contains(advice.Escalation, e => e.Contains("spine surgeon", StringComparison.Ordinal) && e.Contains("on-call radiologist", StringComparison.Ordinal));
        Assert.DoesNotContain(advice.Escalation, e => e.Contains("sepsis", StringComparison.Ordinal));
        Assert.StartsWith("EMERGENT. MRI lumbar spine without and with IV contrast. Indication: low back pain with suspected cauda equina syndrome (signs of cauda equina syndrome).", advice.OrderIndication, StringComparison.Ordinal);
        Assert.Equal(["signs of cauda equina syndrome"], advice.Because);
    }

    [Fact]
    public void Sepsis_in_an_iv_drug_user_is_emergent_at_once()
    {
        var (answers, asked) = Answers.Consult("caudaEquina=no;sepsis=yes");

        Assert.Equal(["caudaEquina", "sepsis"], asked);
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(answers));
        Assert.Equal(7, advice.Variant);
        Assert.Equal(Urgency.Emergent, advice.Urgency);
        Assert.Equal("mri-lumbar-without-and-with-contrast", advice.Recommended!.ProcedureId);
        Assert.StartsWith("Emergency: image now with MRI lumbar spine without and with IV contrast (Usually Appropriate)", advice.Headline, StringComparison.Ordinal);
        Assert.Contains(advice.Escalation, e => e.Contains("watchful waiting", StringComparison.Ordinal));
        Assert.Equal(["ct-lumbar-with-contrast", "ct-myelography-lumbar"], advice.IfMriNotPossible.Select(a => a.Procedure.ProcedureId));
        Assert.Contains(advice.Warnings, w => w.Contains("iodinated", StringComparison.Ordinal));
        Assert.Contains(advice.Warnings, w => w.Contains("may be pregnant", StringComparison.Ordinal));
        Assert.Contains(advice.RelatedFaq, f => f.Id == "esr-crp");
    }

    [Fact]
    public void Cauda_equina_signs_with_sepsis_lead_with_variant_4_and_list_variant_7()
    {
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(new ClinicalAnswers(CaudaEquinaSigns: true, SepsisSigns: true)));

        Assert.Equal(4, advice.Variant);
        Assert.Equal(Urgency.Emergent, advice.Urgency);
        var also = Assert.Single(advice.AlsoApplies);
        Assert.Equal(7, also.Variant);
        Assert.Equal(["mri-lumbar-without-and-with-contrast", "mri-lumbar-without-contrast"], also.FirstLine.Select(p => p.ProcedureId));
        Assert.Equal(["ct-myelography-lumbar", "ct-lumbar-without-contrast", "ct-lumbar-with-contrast"], advice.IfMriNotPossible.Select(a => a.Procedure.ProcedureId));
        Assert.Contains(advice.Escalation, e => e.Contains("sepsis", StringComparison.Ordinal));
    }

    [Fact]
    public void An_82_year_old_with_osteoporosis_after_a_fall_gets_radiography_first()
    {
        var (answers, asked) = Answers.Consult($"{Screen};age=older;cancer=no;infection=no;immunosuppression=no;priorSurgery=no;pregnancy=no");

        Assert.DoesNotContain("fractureRisk", asked); // 65 or older already places her in variant 6
        Assert.DoesNotContain("course", asked);
        Assert.DoesNotContain("contraindication", asked);
        Assert.DoesNotContain("pregnancy", asked);
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(answers));
        Assert.Equal(6, advice.Variant);
        Assert.Equal(["radiography-lumbar", "mri-lumbar-without-contrast", "ct-lumbar-without-contrast"], advice.FirstLine.Select(s => s.Procedure.ProcedureId));
        Assert.All(advice.FirstLine, s => Assert.Equal(AppropriatenessCategory.UsuallyAppropriate, s.Procedure.Category));
        Assert.Contains("sibling article", advice.RankingNote, StringComparison.Ordinal);
        Assert.Equal("Start with Radiography lumbar spine (Usually Appropriate).", advice.Headline);
        Assert.Contains("marrow edema", advice.FirstLine[1].Answers, StringComparison.Ordinal);
        Assert.Equal(
            "Radiography lumbar spine. Indication: low back pain with risk of vertebral fracture (age 65 or older). Evaluate for vertebral fracture.",
            advice.OrderIndication);

        // Typed with osteoporosis and the fall as well: the same advice, with the fracture risk in the order.
        var typed = Assert.IsType<Recommendation>(Shipped.Decision.Decide(Answers.Routine(AgeGroup.Older, fractureRisk: true) with { Pregnant = false }));
        Assert.Equal(6, typed.Variant);
        Assert.Contains("fracture risk", typed.OrderIndication, StringComparison.Ordinal);
    }

    [Fact]
    public void Worse_pain_two_years_after_a_fusion_is_variant_5_with_equal_first_line_options()
    {
        var (answers, asked) = Answers.Consult($"{Screen};age=adult;cancer=no;infection=no;immunosuppression=no;priorSurgery=yes;contraindication=none;pregnancy=no");

        Assert.DoesNotContain("fractureRisk", asked);
        Assert.Contains("contraindication", asked);
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(answers));
        Assert.Equal(5, advice.Variant);
        Assert.Equal(["radiography-lumbar", "mri-lumbar-without-and-with-contrast", "mri-lumbar-without-contrast"], advice.FirstLine.Select(s => s.Procedure.ProcedureId));
        Assert.Null(advice.RankingNote);
        Assert.Contains("hardware", advice.FirstLine[0].Answers, StringComparison.Ordinal);
        Assert.Contains("scar", advice.FirstLine[1].Answers, StringComparison.Ordinal);
        Assert.Contains(advice.RelatedFaq, f => f.Id == "spinal-hardware");
    }

    [Fact]
    public void Ten_weeks_of_failed_physical_therapy_before_an_injection_is_variant_3_mri_without_contrast()
    {
        var (answers, asked) = Answers.Consult($"{Screen};age=adult;cancer=no;infection=no;immunosuppression=no;priorSurgery=no;fractureRisk=no;course=managed;contraindication=none");

        Assert.DoesNotContain("pregnancy", asked); // MRI without contrast: neither gadolinium nor radiation
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(answers));
        Assert.Equal(3, advice.Variant);
        var study = Assert.Single(advice.FirstLine);
        Assert.Equal("MRI lumbar spine without IV contrast", study.Procedure.Name);
        Assert.Equal("Usually Appropriate", study.Procedure.CategoryLabel);
        Assert.Contains(advice.Alternatives, a => a.Procedure.ProcedureId == "mri-lumbar-without-and-with-contrast" && a.Procedure.CategoryLabel == "May Be Appropriate");
    }

    [Fact]
    public void Chronic_steroids_typed_by_a_clinician_lead_with_variant_7_and_list_variant_6()
    {
        var answers = Answers.Routine(immune: true, fractureRisk: true) with { Contraindication = Contraindication.None, Pregnant = false };

        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(answers));

        Assert.Equal(7, advice.Variant);
        var also = Assert.Single(advice.AlsoApplies);
        Assert.Equal(6, also.Variant);
        Assert.Equal(["radiography-lumbar", "mri-lumbar-without-contrast", "ct-lumbar-without-contrast"], also.FirstLine.Select(p => p.ProcedureId));
        Assert.Contains("source article", advice.RankingNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Red_flags_without_mri_show_ct_myelography_beside_ct_with_contrast()
    {
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(Answers.Routine(cancer: true) with { Contraindication = Contraindication.MriNotPossible, Pregnant = false }));

        Assert.Equal(["ct-lumbar-with-contrast", "ct-myelography-lumbar"], advice.FirstLine.Select(s => s.Procedure.ProcedureId));
        Assert.All(advice.FirstLine, s => Assert.Equal("May Be Appropriate", s.Procedure.CategoryLabel));
        Assert.StartsWith("MRI is not possible: consider CT lumbar spine with IV contrast (May Be Appropriate) or CT myelography lumbar spine (May Be Appropriate)", advice.Headline, StringComparison.Ordinal);
        Assert.Contains(advice.Warnings, w => w.Contains("neurologic deficits", StringComparison.Ordinal) && w.Contains("CT myelography", StringComparison.Ordinal));
        Assert.Contains(advice.Warnings, w => w.Contains("iodinated", StringComparison.Ordinal));
        Assert.Contains(advice.RelatedFaq, f => f.Id == "mri-contraindicated");
        Assert.DoesNotContain(advice.Alternatives, a => a.Procedure.Name.StartsWith("MRI", StringComparison.Ordinal));

        // With deficits (cauda equina signs) as well, the emergency leads and both CT studies stay in view.
        var emergent = Assert.IsType<Recommendation>(Shipped.Decision.Decide(new ClinicalAnswers(CaudaEquinaSigns: true, SuspectedCancer: true, Contraindication: Contraindication.MriNotPossible)));
        Assert.Equal(["ct-myelography-lumbar", "ct-lumbar-without-contrast"], emergent.FirstLine.Select(s => s.Procedure.ProcedureId));
        Assert.Equal(["ct-lumbar-with-contrast", "ct-myelography-lumbar"], emergent.AlsoApplies.Single(a => a.Variant == 7).FirstLine.Select(p => p.ProcedureId));
    }

    [Fact]
    public void Dialysis_keeps_the_contrast_mri_with_the_acr_nkf_warning()
    {
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(Answers.Routine(infection: true) with { Contraindication = Contraindication.SevereKidneyDisease, Pregnant = false }));

        Assert.Equal("mri-lumbar-without-and-with-contrast", advice.Recommended!.ProcedureId);
        Assert.Contains(advice.Warnings, w => w.Contains("National Kidney Foundation", StringComparison.Ordinal) && w.Contains("talk to the radiologist", StringComparison.Ordinal));
        Assert.Contains(advice.RelatedFaq, f => f.Id == "kidney-gadolinium");
        Assert.Contains("eGFR under 30 or on dialysis", advice.OrderIndication, StringComparison.Ordinal);
    }

    [Fact]
    public void No_gadolinium_in_the_red_flag_variant_warns_that_an_abscess_can_be_missed()
    {
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(Answers.Routine(infection: true) with { Contraindication = Contraindication.ContrastNotPossible }));

        Assert.Equal(["mri-lumbar-without-contrast"], advice.FirstLine.Select(s => s.Procedure.ProcedureId));
        Assert.Contains(advice.Warnings, w => w.Contains("epidural abscess can be missed", StringComparison.Ordinal));
        Assert.DoesNotContain(advice.Alternatives, a => a.Procedure.ProcedureId == "mri-lumbar-without-and-with-contrast");
    }

    [Fact]
    public void Pregnancy_adds_warnings_and_does_not_re_rank()
    {
        var pregnant = Assert.IsType<Recommendation>(Shipped.Decision.Decide(Answers.Routine(cancer: true) with { Contraindication = Contraindication.None, Pregnant = true }));
        var not = Assert.IsType<Recommendation>(Shipped.Decision.Decide(Answers.Routine(cancer: true) with { Contraindication = Contraindication.None, Pregnant = false }));

        Assert.Equal(not.FirstLine, pregnant.FirstLine);
        Assert.Contains(pregnant.Warnings, w => w.Contains("gadolinium only when it is essential", StringComparison.Ordinal));
        Assert.DoesNotContain(not.Warnings, w => w.Contains("Pregnancy", StringComparison.Ordinal));
        Assert.Contains(pregnant.RelatedFaq, f => f.Id == "pregnancy");

        var fracture = Assert.IsType<Recommendation>(Shipped.Decision.Decide(Answers.Routine(AgeGroup.Older) with { Pregnant = true }));
        Assert.Contains(fracture.Warnings, w => w.Contains("irradiate the fetus", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pregnant_patient_with_an_emergency_is_warned_about_the_ct_studies_shown_for_when_mri_is_not_possible()
    {
        // "29F 20 weeks pregnant, acute LBP with bilateral leg numbness": MRIs first, CT myelography and CT shown at once.
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(new ClinicalAnswers(CaudaEquinaSigns: true, Pregnant: true)));

        Assert.Equal(Urgency.Emergent, advice.Urgency);
        Assert.Contains(advice.IfMriNotPossible, a => a.Procedure.ProcedureId == "ct-myelography-lumbar");
        Assert.Contains(advice.Warnings, w => w.Contains("gadolinium only when it is essential", StringComparison.Ordinal));
        Assert.Contains(advice.Warnings, w => w.Contains("irradiate the fetus", StringComparison.Ordinal));

        // Not pregnant: neither caution.
        var not = Assert.IsType<Recommendation>(Shipped.Decision.Decide(new ClinicalAnswers(CaudaEquinaSigns: true, Pregnant: false)));
        Assert.DoesNotContain(not.Warnings, w => w.Contains("Pregnancy", StringComparison.Ordinal));
    }

    [Fact]
    public void Acute_pain_without_red_flags_gets_no_imaging_and_what_would_change_it()
    {
        var (answers, asked) = Answers.Consult($"{Screen};age=adult;cancer=no;infection=no;immunosuppression=no;priorSurgery=no;fractureRisk=no;course=acute");

        Assert.Equal(10, asked.Count);
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(answers));
        Assert.Equal(1, advice.Variant);
        Assert.Empty(advice.FirstLine);
        Assert.Null(advice.Recommended);
        Assert.Null(advice.OrderIndication);
        Assert.Equal(11, advice.Alternatives.Count);
        Assert.All(advice.Alternatives, a => Assert.Equal(AppropriatenessCategory.UsuallyNotAppropriate, a.Procedure.Category));
        Assert.Contains(advice.WhatWouldChange, w => w.Contains("variant 7", StringComparison.Ordinal));
        Assert.Contains(advice.Escalation, e => e.Contains("emergency MRI", StringComparison.Ordinal));
        Assert.Contains(advice.RelatedFaq, f => f.Id == "no-imaging-first");
        Assert.Contains("no sign of cauda equina syndrome", advice.Because);
    }

    [Fact]
    public void Older_age_does_not_stop_the_questions_that_outrank_variant_6()
    {
        var (_, asked) = Answers.Consult($"{Screen};age=older;cancer=no;infection=no;immunosuppression=no;priorSurgery=yes;contraindication=none;pregnancy=no");

        // Pregnancy is not asked of a patient of 65 or older.
        Assert.Equal(["caudaEquina", "sepsis", "age", "majorTrauma", "cancer", "infection", "immunosuppression", "priorSurgery", "contraindication"], asked);
        var advice = Assert.IsType<Recommendation>(Shipped.Decision.Decide(Answers.Consult($"{Screen};age=older;cancer=no;infection=no;immunosuppression=no;priorSurgery=yes;contraindication=none;pregnancy=no").Answers));
        Assert.Equal(5, advice.Variant);
        Assert.Equal(6, Assert.Single(advice.AlsoApplies).Variant);
    }

    [Fact]
    public void One_red_flag_stops_the_lower_questions()
    {
        var (_, asked) = Answers.Consult($"{Screen};age=adult;cancer=yes;contraindication=none;pregnancy=no");

        Assert.Equal(["caudaEquina", "sepsis", "age", "majorTrauma", "cancer", "contraindication", "pregnancy"], asked);
    }

    [Fact]
    public void A_child_gets_an_out_of_scope_answer_naming_back_pain_child_and_no_adult_ratings()
    {
        var (answers, asked) = Answers.Consult("caudaEquina=no;sepsis=no;age=child");

        Assert.Equal(["caudaEquina", "sepsis", "age"], asked);
        var advice = Assert.IsType<OutOfScope>(Shipped.Decision.Decide(answers));
        Assert.Equal(OutOfScopeReason.Child, advice.Reason);
        Assert.Contains("Back Pain-Child", advice.SeeInstead, StringComparison.Ordinal);
        Assert.False(advice.Emergency);
    }

    [Fact]
    public void A_child_with_an_emergency_sign_is_out_of_scope_and_the_emergency_is_not_hidden()
    {
        var advice = Assert.IsType<OutOfScope>(Shipped.Decision.Decide(new ClinicalAnswers(CaudaEquinaSigns: true, Age: AgeGroup.Child)));

        Assert.True(advice.Emergency);
        Assert.Contains(advice.Escalation, e => e.Contains("spine surgeon", StringComparison.Ordinal) && e.Contains("on-call radiologist", StringComparison.Ordinal));
    }

    [Fact]
    public void A_high_speed_motorcycle_crash_is_out_of_scope_for_the_emergency_department()
    {
        var (answers, asked) = Answers.Consult("caudaEquina=no;sepsis=no;age=adult;majorTrauma=yes");

        Assert.Equal(4, asked.Count);
        var advice = Assert.IsType<OutOfScope>(Shipped.Decision.Decide(answers));
        Assert.Equal(OutOfScopeReason.MajorTrauma, advice.Reason);
        Assert.Contains("emergency department", advice.SeeInstead, StringComparison.Ordinal);
        Assert.Contains(advice.Escalation, e => e.Contains("emergency department", StringComparison.Ordinal));
    }
}
