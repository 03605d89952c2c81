using System.Text.Json.Nodes;

namespace ImagingBot.Guidance.Tests;

/// <summary>The data file's codes: known systems only, well-formed codes, no deleted code, a source on each.</summary>
public class CodingValidationTests
{
    public static TheoryData<string, string> BrokenCodes() => new()
    {
        { "deleted-low-back-pain-code", "coding.topic[0].code 'M54.5' (ICD-10-CM) was deleted on 2021-10-01: use M54.50 or M54.51 or M54.59" },
        { "unknown-system", "coding.answers[0].codes[0].system 'icd9cm' is not one of the code systems in coding.systems (cpt, icd10cm, snomed)" },
        { "malformed-icd-10-cm", "coding.answers[0].codes[0].code 'G834' is not a ICD-10-CM code" },
        { "snomed-check-digit", "coding.topic[8].code '279039008' is not a SNOMED CT code (it does not have the system's form or check digit)" },
        { "code-without-source", "coding.procedures[0].codes[0].source is missing" },
        { "code-with-unknown-source", "coding.topic[1].source[0] 'a-blog' is not one of the sources' ids" },
        { "procedure-without-codes", "coding.procedures has no codes for procedure 'fdg-pet-ct-whole-body'" },
        { "procedure-ordered-with-a-diagnosis-code", "'M54.50' is a icd10cm code; procedures are ordered with cpt codes" },
        { "two-procedures-ordered-with-one-code", "coding.procedures[2]: '72158' is already the code to order 'mri-lumbar-with-contrast' with" },
        { "code-answers-no", "a code can say that a sign is present, never that it is absent (cancer 'no')" },
        { "answer-of-an-unknown-question", "coding.answers[0].question 'weakness' is not the key of a question" },
        { "assumed-value-not-offered", "coding.assumedWhenNotCoded[8].value 'weeks' is not an answer course offers (acute, chronic, managed)" },
        { "code-listed-twice", "coding.topic[1].code 'M54.50' is listed twice" },
        { "procedure-code-on-order-line", "only icd10cm codes go on an order line (onOrders)" },
        { "system-uri-twice", "coding.systems[1]: the URI 'http://www.ama-assn.org/go/cpt' already names another code system" },
        { "bad-pattern", "coding.systems[0].pattern is not a valid regular expression" },
    };

    [Theory]
    [MemberData(nameof(BrokenCodes))]
    public void A_file_with_an_unknown_deleted_or_unsourced_code_does_not_load(string breakage, string problem)
    {
        using var file = new DataFile();
        var coding = file.Json["coding"]!.AsObject();
        switch (breakage)
        {
            case "deleted-low-back-pain-code":
                Code(coding, "topic", 0)["code"] = "M54.5";
                break;
            case "unknown-system":
                Code(coding, "answers", 0, 0)["system"] = "icd9cm";
                break;
            case "malformed-icd-10-cm":
                Code(coding, "answers", 0, 0)["code"] = "G834";
                break;
            case "snomed-check-digit":
                Code(coding, "topic", 8)["code"] = "279039008";
                break;
            case "code-without-source":
                Code(coding, "procedures", 0, 0).Remove("source");
                break;
            case "code-with-unknown-source":
                Code(coding, "topic", 1)["source"] = new JsonArray("a-blog");
                break;
            case "procedure-without-codes":
                coding["procedures"]!.AsArray().RemoveAt(10);
                break;
            case "procedure-ordered-with-a-diagnosis-code":
                Code(coding, "procedures", 0)["codes"]!.AsArray().Insert(0, Code(coding, "topic", 0).DeepClone());
                break;
            case "two-procedures-ordered-with-one-code":
                Code(coding, "procedures", 1, 0)["code"] = "72158";
                break;
            case "code-answers-no":
                Code(coding, "answers", 2)["value"] = "no";
                break;
            case "answer-of-an-unknown-question":
                Code(coding, "answers", 0)["question"] = "weakness";
                break;
            case "assumed-value-not-offered":
                Code(coding, "assumedWhenNotCoded", 8)["value"] = "weeks";
                break;
            case "code-listed-twice":
                Code(coding, "topic", 1)["code"] = "M54.50";
                break;
            case "procedure-code-on-order-line":
                Code(coding, "procedures", 0, 0)["onOrders"] = true;
                break;
            case "system-uri-twice":
                Code(coding, "systems", 1)["uri"] = "http://www.ama-assn.org/go/cpt";
                break;
            case "bad-pattern":
                Code(coding, "systems", 0)["pattern"] = "([0-9";
                break;
        }

        var path = file.Write();
        var error = Assert.Throws<GuidanceValidationException>(() => GuidanceLoader.Load(path));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_known_code_systems_and_the_deleted_codes_are_the_files()
    {
        var coding = Shipped.Guidance.Coding;

        Assert.Equal(
            [("cpt", "http://www.ama-assn.org/go/cpt"), ("icd10cm", "http://hl7.org/fhir/sid/icd-10-cm"), ("snomed", "http://snomed.info/sct")],
            coding.Systems.Select(s => (s.Id, s.Uri)));
        var deleted = Assert.Single(coding.Retired);
        Assert.Equal(("M54.5", new DateOnly(2021, 10, 1)), (deleted.Code, deleted.RetiredOn));
        Assert.Equal(["M54.50", "M54.51", "M54.59"], deleted.ReplacedBy);
    }

    [Fact]
    public void Every_procedure_has_its_cpt_codes_and_every_code_a_display_and_a_source()
    {
        var coding = Shipped.Guidance.Coding;
        Assert.Equal(Shipped.Guidance.Procedures.Select(p => p.Id).Order(), coding.ProcedureCodes.Keys.Order());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["radiography-lumbar"] = "72100",
                ["mri-lumbar-with-contrast"] = "72149",
                ["mri-lumbar-without-and-with-contrast"] = "72158",
                ["mri-lumbar-without-contrast"] = "72148",
                ["bone-scan-whole-body"] = "78306",
                ["ct-lumbar-with-contrast"] = "72132",
                ["ct-lumbar-without-contrast"] = "72131",
                ["discography-lumbar"] = "62290",
                ["ct-lumbar-without-and-with-contrast"] = "72133",
                ["ct-myelography-lumbar"] = "62284",
                ["fdg-pet-ct-whole-body"] = "78816",
            },
            coding.ProcedureCodes.ToDictionary(p => p.Key, p => coding.OrderCode(p.Key).Code));
        var every = coding.Topic.Concat(coding.ProcedureCodes.Values.SelectMany(c => c)).Concat(coding.Answers.SelectMany(a => a.Codes)).ToList();
        Assert.All(every, code =>
        {
            Assert.False(string.IsNullOrWhiteSpace(code.Display));
            Assert.NotEmpty(code.Sources);
            Assert.True(coding.System(code.SystemId).IsWellFormed(code.Code), code.Code);
            Assert.DoesNotContain(coding.Retired, r => r.SystemId == code.SystemId && r.Code == code.Code);
        });
    }

    private static JsonObject Code(JsonObject coding, string list, int index, int? code = null)
    {
        var item = coding[list]![index]!.AsObject();
        return code is { } c ? item["codes"]![c]!.AsObject() : item;
    }
}
