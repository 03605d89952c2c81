namespace ImagingBot.Guidance.Tests;

public class FaqSearchTests
{
    private static readonly FaqSearch Search = new(Shipped.Guidance);

    public static TheoryData<string, string> Paraphrases() => new()
    {
        { "Why do I need both pre and post gadolinium images?", "contrast-without-and-with" },
        { "why with and without contrast", "contrast-without-and-with" },
        { "Isn't a contrast-only MRI enough?", "contrast-without-and-with" },
        { "do we really need the dye", "contrast-without-and-with" },
        { "why not just a plain MRI", "contrast-without-and-with" },
        { "is gad necessary for this", "contrast-without-and-with" },
        { "why contrst", "contrast-without-and-with" },
        { "gadolinum for back pain?", "contrast-without-and-with" },
        { "My patient has a pacemaker, what now?", "mri-contraindicated" },
        { "pt has an ICD", "mri-contraindicated" },
        { "what if there is an implanted defibrillator", "mri-contraindicated" },
        { "patient can't have an MRI", "mri-contraindicated" },
        { "MRI contraindicated - what is the alternative?", "mri-contraindicated" },
        { "pacemker not MRI compatible", "mri-contraindicated" },
        { "claustrophobic patient, alternative to MRI?", "claustrophobia" },
        { "very anxious in the scanner, does she need sedation?", "claustrophobia" },
        { "cochlear implant and suspected abscess", "mri-contraindicated" },
        { "should I get a CT myelogram instead", "mri-contraindicated" },
        { "shrapnel fragments in the body", "mri-contraindicated" },
        { "metal rods and pedicle screws from a fusion, can he have an MRI?", "spinal-hardware" },
        { "is his spinal hardware MRI conditional", "spinal-hardware" },
        { "on dialysis with kidney failure, is gadolinium safe?", "kidney-gadolinium" },
        { "eGFR of 22: is gadolinium safe for her kidneys?", "kidney-gadolinium" },
        { "risk of NSF with renal failure", "kidney-gadolinium" },
        { "pregnant patient, is CT ok?", "pregnancy" },
        { "second trimester pregnancy and back pain", "pregnancy" },
        { "why no imaging for uncomplicated back pain?", "no-imaging-first" },
        { "patient wants an MRI but there are no red flags", "no-imaging-first" },
        { "why not x-ray first?", "radiography-first" },
        { "should I just get plain films of the lumbar spine", "radiography-first" },
        { "is a lumbar radiograph enough", "radiography-first" },
        { "when is CT better than MRI?", "mri-contraindicated" },
        { "CT or MRI for this patient?", "mri-contraindicated" },
        { "Are ESR and CRP enough to rule out infection?", "esr-crp" },
        { "normal inflammatory markers, can I skip imaging?", "esr-crp" },
        { "what labs should I send", "esr-crp" },
        { "blood tests normal, still need MRI?", "esr-crp" },
        { "sed rate is normal", "esr-crp" },
        { "C-reactive protein negative", "esr-crp" },
        { "can bloodwork exclude discitis", "esr-crp" },
        { "patient on prednisone", "immunosuppression" },
        { "long term steroids, does that change anything", "immunosuppression" },
        { "kidney transplant recipient with back pain", "immunosuppression" },
        { "HIV positive patient", "immunosuppression" },
        { "on chemo for lymphoma", "immunosuppression" },
        { "immunocompromised host", "immunosuppression" },
        { "imunosupressed patient imaging", "immunosuppression" },
        { "poorly controlled diabetic", "immunosuppression" },
        { "Should I order a bone scan?", "bone-scan" },
        { "whole body bone scintigraphy for mets", "bone-scan" },
        { "nuclear medicine scan instead?", "bone-scan" },
        { "technetium scan for metastases", "bone-scan" },
        { "Tc-99m MDP", "bone-scan" },
        { "is scintigrafy useful", "bone-scan" },
    };

    [Fact]
    public void There_are_at_least_30_paraphrases_and_10_unrelated_questions()
    {
        Assert.True(Paraphrases().Count >= 30);
        Assert.True(Unrelated().Count >= 10);
    }

    [Theory]
    [MemberData(nameof(Paraphrases))]
    public void A_paraphrased_question_finds_its_entry_first(string query, string expectedId)
    {
        var result = Search.Search(query);

        Assert.True(result.IsMatch, $"no match for '{query}'");
        Assert.Equal(expectedId, result.Best!.Entry.Id);
        Assert.InRange(result.Best.Score, FaqSearch.MatchThreshold, 1.0);
        Assert.Empty(result.Suggestions);
    }

    public static TheoryData<string> Unrelated() =>
    [
        "pizza recipe",
        "what's the weather",
        "hello",
        "asdfgh",
        "knee MRI for meniscus tear",
        "thanks!",
        "how do I reset my password",
        "best treatment for migraine",
        "schedule an appointment for tomorrow",
        "",
        "   ",
        "who won the game last night",
        "CT head for headache",
        "what time is it",
        "ICD-10 code for low back pain",
        "whole body MRI",
    ];

    [Theory]
    [MemberData(nameof(Unrelated))]
    public void Unrelated_text_gets_no_answer_but_suggestions(string query)
    {
        var result = Search.Search(query);

        Assert.False(result.IsMatch);
        Assert.Null(result.Best);
        Assert.Equal(3, result.Suggestions.Count);
        Assert.All(result.Suggestions, s => Assert.Contains(s, Shipped.Guidance.Faq));
    }

    [Fact]
    public void Claustrophobia_and_spinal_hardware_are_not_answered_with_ct()
    {
        Assert.All(
            new[] { "claustrophobic", "claustrophobia", "metal", "metal in the spine" },
            query => Assert.NotEqual("mri-contraindicated", Search.Search(query).Best?.Entry.Id));
        var contraindicated = Shipped.Guidance.Faq.Single(f => f.Id == "mri-contraindicated");
        Assert.DoesNotContain("claustrophobic", contraindicated.Keywords);
        Assert.DoesNotContain("metal", contraindicated.Keywords);
        Assert.Contains("an MRI-unsafe pacemaker", contraindicated.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void Hits_are_ranked_best_first_and_capped()
    {
        var result = Search.Search("pacemaker patient on steroids with normal ESR, why contrast, bone scan?", maxResults: 2);

        Assert.Equal(2, result.Hits.Count);
        Assert.True(result.Hits[0].Score >= result.Hits[1].Score);
        Assert.All(result.Hits, h => Assert.InRange(h.Score, 0.0, 1.0));
    }

    [Fact]
    public void A_question_that_names_more_keywords_scores_higher()
    {
        var weak = Search.Search("contrast").Best!.Score;
        var strong = Search.Search("why gadolinium contrast both without and with").Best!.Score;

        Assert.True(strong > weak);
    }

    [Fact]
    public void Suggestions_prefer_entries_the_query_touches()
    {
        var result = Search.Search("bone density");

        Assert.False(result.IsMatch);
        Assert.Equal("bone-scan", result.Suggestions[0].Id);
    }
}
