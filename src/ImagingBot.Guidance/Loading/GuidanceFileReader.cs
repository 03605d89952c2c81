using System.Globalization;
using System.Text.Json;

namespace ImagingBot.Guidance;

/// <summary>
/// Reads the data file into a <see cref="GuidanceDocument"/> and checks that it is complete and consistent.
/// Read by hand rather than deserialised so that every problem is reported with its place in the file.
/// </summary>
internal sealed class GuidanceFileReader(string filePath)
{
    public const int SupportedSchemaVersion = 1;

    private static readonly Pathway[] AllPathways = Enum.GetValues<Pathway>();
    private static readonly Contraindication[] AllContraindications = Enum.GetValues<Contraindication>();

    public GuidanceDocument Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail("the top level must be a JSON object.");
        }

        var schemaVersion = Int(root, "schemaVersion", "");
        if (schemaVersion != SupportedSchemaVersion)
        {
            throw Fail($"schemaVersion {schemaVersion} is not supported (expected {SupportedSchemaVersion}).");
        }

        var contentVersion = Str(root, "contentVersion", "");
        var source = ReadSource(Obj(root, "source", ""), "source");
        var categories = ReadCategories(root);
        var radiationLevels = ReadRadiationLevels(root);
        var procedures = ReadProcedures(root, radiationLevels);
        var questions = ReadQuestions(root);
        var options = ReadContraindicationOptions(root);
        var pathways = ReadPathways(root, procedures, categories);

        return new GuidanceDocument(
            filePath,
            schemaVersion,
            contentVersion,
            source,
            categories,
            radiationLevels,
            procedures,
            questions,
            options,
            StrList(root, "neurologicDeficitExamples", "", requireItems: true),
            [.. Items(root, "differential", "", requireItems: true).Select(i => new DifferentialDiagnosis(Str(i.Element, "name", i.Path), Str(i.Element, "note", i.Path)))],
            StrList(root, "whyMriWithoutAndWithContrast", "", requireItems: true),
            pathways,
            ReadConditionalTexts(root, "escalation"),
            ReadConditionalTexts(root, "pitfalls"),
            [.. Items(root, "afterTheScan", "", requireItems: true).Select(i => new NextStepRule(Conditions(i.Element, "when", i.Path), new NextStep(Str(i.Element, "finding", i.Path), Str(i.Element, "action", i.Path))))],
            ReadConditionalTexts(root, "whatWouldChange"),
            ReadFaq(root));
    }

    private GuidanceSource ReadSource(JsonElement element, string path)
    {
        var reviewed = Str(element, "reviewedOn", path);
        if (!DateOnly.TryParseExact(reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewedOn))
        {
            throw Fail($"{path}.reviewedOn '{reviewed}' is not a date in the form yyyy-MM-dd.");
        }

        return new GuidanceSource(Str(element, "title", path), Int(element, "revisedYear", path), Str(element, "variant", path), reviewedOn);
    }

    private List<CategoryLabel> ReadCategories(JsonElement root)
    {
        var categories = Items(root, "categories", "", requireItems: true)
            .Select(i => new CategoryLabel(Named<AppropriatenessCategory>(i.Element, "id", i.Path), Str(i.Element, "label", i.Path)))
            .ToList();
        foreach (var category in Enum.GetValues<AppropriatenessCategory>())
        {
            if (categories.Count(c => c.Category == category) != 1)
            {
                throw Fail($"categories must define {category} exactly once.");
            }
        }

        if (categories.Select(c => c.Label).Distinct(StringComparer.Ordinal).Count() != categories.Count)
        {
            throw Fail("categories have duplicate labels.");
        }

        return categories;
    }

    private List<RadiationLevel> ReadRadiationLevels(JsonElement root)
    {
        var levels = Items(root, "radiationLevels", "", requireItems: true)
            .Select(i => new RadiationLevel(Str(i.Element, "symbol", i.Path), Str(i.Element, "adultDose", i.Path)))
            .ToList();
        var duplicate = levels.GroupBy(l => l.Symbol, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? levels : throw Fail($"radiationLevels define the symbol '{duplicate.Key}' more than once.");
    }

    private List<Procedure> ReadProcedures(JsonElement root, List<RadiationLevel> levels)
    {
        var procedures = new List<Procedure>();
        foreach (var (element, path) in Items(root, "procedures", "", requireItems: true))
        {
            var id = Str(element, "id", path);
            if (procedures.Any(p => p.Id == id))
            {
                throw Fail($"{path}.id '{id}' is used by more than one procedure.");
            }

            if (!element.TryGetProperty("radiationLevel", out var levelElement) || levelElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(levelElement.GetString()))
            {
                throw Fail($"{path} (procedure '{id}') has no radiationLevel.");
            }

            var symbol = levelElement.GetString()!;
            var level = levels.FirstOrDefault(l => l.Symbol == symbol)
                ?? throw Fail($"{path}.radiationLevel '{symbol}' (procedure '{id}') is not one of the radiationLevels symbols.");
            procedures.Add(new Procedure(id, Str(element, "name", path), Named<Modality>(element, "modality", path), Bool(element, "usesIvContrast", path), level));
        }

        return procedures;
    }

    private List<IntakeQuestion> ReadQuestions(JsonElement root)
    {
        var questions = Items(root, "questions", "", requireItems: true)
            .Select(i => new IntakeQuestion(
                Named<IntakeQuestionId>(i.Element, "id", i.Path),
                Str(i.Element, "title", i.Path),
                Str(i.Element, "prompt", i.Path),
                StrList(i.Element, "criteria", i.Path, requireItems: true),
                Str(i.Element, "finding", i.Path),
                Str(i.Element, "absentFinding", i.Path),
                Str(i.Element, "orderTerm", i.Path),
                StrList(i.Element, "evaluateFor", i.Path, requireItems: false)))
            .OrderBy(q => q.Id)
            .ToList();
        foreach (var id in Enum.GetValues<IntakeQuestionId>())
        {
            if (questions.Count(q => q.Id == id) != 1)
            {
                throw Fail($"questions must contain {id} exactly once.");
            }
        }

        var silent = questions.FirstOrDefault(q => q.Id != IntakeQuestionId.Contraindication && q.EvaluateFor.Count == 0);
        return silent is null ? questions : throw Fail($"question {silent.Id} has no evaluateFor entries for the order line.");
    }

    private List<ContraindicationOption> ReadContraindicationOptions(JsonElement root)
    {
        var options = Items(root, "contraindicationOptions", "", requireItems: true)
            .Select(i => new ContraindicationOption(Named<Contraindication>(i.Element, "value", i.Path), Str(i.Element, "label", i.Path), Str(i.Element, "finding", i.Path)))
            .ToList();
        var missing = AllContraindications.FirstOrDefault(c => options.Count(o => o.Value == c) != 1, (Contraindication)(-1));
        return (int)missing == -1 ? options : throw Fail($"contraindicationOptions must contain {missing} exactly once.");
    }

    private List<PathwayGuidance> ReadPathways(JsonElement root, List<Procedure> procedures, List<CategoryLabel> categories)
    {
        var pathways = Items(root, "pathways", "", requireItems: true).Select(i => ReadPathway(i.Element, i.Path, procedures, categories)).ToList();
        foreach (var id in AllPathways)
        {
            if (pathways.Count(p => p.Id == id) != 1)
            {
                throw Fail($"pathways must contain {id} exactly once.");
            }
        }

        return pathways;
    }

    private PathwayGuidance ReadPathway(JsonElement element, string path, List<Procedure> procedures, List<CategoryLabel> categories)
    {
        var id = Named<Pathway>(element, "id", path);
        var ratings = new List<PathwayRating>();
        foreach (var (rating, ratingPath) in Items(element, "ratings", path, requireItems: true))
        {
            var procedureId = Str(rating, "procedure", ratingPath);
            var procedure = procedures.FirstOrDefault(p => p.Id == procedureId)
                ?? throw Fail($"{ratingPath}.procedure '{procedureId}' is not a known procedure id.");
            if (ratings.Any(r => r.Rated.ProcedureId == procedureId))
            {
                throw Fail($"{ratingPath}.procedure '{procedureId}' is rated twice on pathway {id}.");
            }

            var label = Str(rating, "category", ratingPath);
            var category = categories.FirstOrDefault(c => c.Label == label)
                ?? throw Fail($"{ratingPath}.category '{label}' is not in the allowed set ({string.Join(", ", categories.Select(c => $"'{c.Label}'"))}).");
            ratings.Add(new PathwayRating(
                new RatedProcedure(procedure.Id, procedure.Name, category.Category, category.Label, procedure.Radiation),
                Str(rating, "comparison", ratingPath)));
        }

        var choices = new List<PathwayChoice>();
        foreach (var (choice, choicePath) in Items(element, "choices", path, requireItems: false))
        {
            var contraindication = Named<Contraindication>(choice, "contraindication", choicePath);
            var procedureId = Str(choice, "procedure", choicePath);
            if (procedures.All(p => p.Id != procedureId))
            {
                throw Fail($"{choicePath}.procedure '{procedureId}' is not a known procedure id.");
            }

            var rated = ratings.FirstOrDefault(r => r.Rated.ProcedureId == procedureId)
                ?? throw Fail($"{choicePath}.procedure '{procedureId}' is not rated on pathway {id}.");
            if (rated.Rated.Category == AppropriatenessCategory.UsuallyNotAppropriate)
            {
                throw Fail($"{choicePath}.procedure '{procedureId}' is rated Usually Not Appropriate on pathway {id} and cannot be recommended.");
            }

            var procedure = procedures.First(p => p.Id == procedureId);
            var impossible = contraindication switch
            {
                Contraindication.MriNotPossible => procedure.Modality == Modality.Mri,
                Contraindication.ContrastNotPossible => procedure.Modality == Modality.Mri && procedure.UsesIvContrast,
                _ => false,
            };
            if (impossible)
            {
                throw Fail($"{choicePath}.procedure '{procedureId}' cannot be done when the answer is {contraindication}.");
            }

            if (choices.Any(c => c.Contraindication == contraindication))
            {
                throw Fail($"{choicePath}.contraindication {contraindication} appears twice on pathway {id}.");
            }

            choices.Add(new PathwayChoice(contraindication, procedureId, StrList(choice, "reasons", choicePath, requireItems: true), StrList(choice, "warnings", choicePath, requireItems: false)));
        }

        if (choices.Count > 0 && choices.Count != AllContraindications.Length)
        {
            throw Fail($"{path}.choices must cover every contraindication answer ({string.Join(", ", AllContraindications)}) or be empty.");
        }

        var headline = Str(element, "headline", path);
        if (choices.Count > 0 && !headline.Contains("{procedure}", StringComparison.Ordinal))
        {
            throw Fail($"{path}.headline must contain {{procedure}} because pathway {id} recommends a study.");
        }

        var emergentHeadline = element.TryGetProperty("emergentHeadline", out _) ? Str(element, "emergentHeadline", path) : headline;
        if (choices.Count > 0 && !emergentHeadline.Contains("{procedure}", StringComparison.Ordinal))
        {
            throw Fail($"{path}.emergentHeadline must contain {{procedure}} because pathway {id} recommends a study.");
        }

        var reasons = element.TryGetProperty("reasons", out _) ? StrList(element, "reasons", path, requireItems: false) : [];
        if (choices.Count == 0 && reasons.Count == 0)
        {
            throw Fail($"{path}.reasons are required when pathway {id} recommends no imaging.");
        }

        return new PathwayGuidance(id, Str(element, "title", path), headline, emergentHeadline, Str(element, "orderPhrase", path), reasons, ratings, choices);
    }

    private List<ConditionalText> ReadConditionalTexts(JsonElement root, string name) =>
        [.. Items(root, name, "", requireItems: true).Select(i => new ConditionalText(Conditions(i.Element, "when", i.Path), Str(i.Element, "text", i.Path)))];

    private List<FaqEntry> ReadFaq(JsonElement root)
    {
        var entries = new List<FaqEntry>();
        foreach (var (element, path) in Items(root, "faq", "", requireItems: true))
        {
            var id = Str(element, "id", path);
            if (entries.Any(e => e.Id == id))
            {
                throw Fail($"{path}.id '{id}' is used by more than one FAQ entry.");
            }

            var keywords = element.TryGetProperty("keywords", out _) ? StrList(element, "keywords", path, requireItems: false) : [];
            if (keywords.Count == 0)
            {
                throw Fail($"{path} (FAQ '{id}') has no keywords; search could never find it.");
            }

            entries.Add(new FaqEntry(id, Str(element, "question", path), Str(element, "answer", path), keywords, Conditions(element, "relatedWhen", path)));
        }

        return entries;
    }

    private List<GuidanceCondition> Conditions(JsonElement element, string name, string path)
    {
        var values = StrList(element, name, path, requireItems: true);
        return [.. values.Select((v, index) => Enum.TryParse<GuidanceCondition>(v, ignoreCase: false, out var condition) && Enum.IsDefined(condition)
            ? condition
            : throw Fail($"{path}.{name}[{index}] '{v}' is not a known condition ({string.Join(", ", Enum.GetNames<GuidanceCondition>())})."))];
    }

    private List<(JsonElement Element, string Path)> Items(JsonElement element, string name, string path, bool requireItems)
    {
        var at = Join(path, name);
        if (!element.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"{at} is missing or is not a list.");
        }

        if (requireItems && array.GetArrayLength() == 0)
        {
            throw Fail($"{at} is empty.");
        }

        var items = new List<(JsonElement Element, string Path)>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Fail($"{at}[{index}] must be an object.");
            }

            items.Add((item, $"{at}[{index}]"));
            index++;
        }

        return items;
    }

    private List<string> StrList(JsonElement element, string name, string path, bool requireItems)
    {
        var at = Join(path, name);
        if (!element.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"{at} is missing or is not a list.");
        }

        var values = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw Fail($"{at}[{values.Count}] must be a non-empty text.");
            }

            values.Add(item.GetString()!);
        }

        return requireItems && values.Count == 0 ? throw Fail($"{at} is empty.") : values;
    }

    private JsonElement Obj(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw Fail($"{Join(path, name)} is missing or is not an object.");

    private string Str(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Fail($"{Join(path, name)} is missing or empty.");

    private int Int(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Fail($"{Join(path, name)} is missing or is not a whole number.");

    private bool Bool(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Fail($"{Join(path, name)} is missing or is not true/false.");

    private T Named<T>(JsonElement element, string name, string path)
        where T : struct, Enum
    {
        var text = Str(element, name, path);
        return Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0])
            ? value
            : throw Fail($"{Join(path, name)} '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private GuidanceValidationException Fail(string problem) => new(filePath, problem);
}
