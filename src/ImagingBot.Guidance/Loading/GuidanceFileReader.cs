using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ImagingBot.Guidance;

/// <summary>
/// Reads the data file into a <see cref="GuidanceDocument"/> and checks that it is complete and consistent.
/// Read by hand rather than deserialised so that every problem is reported with its place in the file.
/// </summary>
internal sealed class GuidanceFileReader(string filePath)
{
    public const int SupportedSchemaVersion = 3;

    // The questions that decide the variant or the scope; the contraindication and pregnancy refine the studies of a
    // variant already chosen, so they must come after all of these.
    private static readonly IntakeQuestionId[] RoutingQuestions =
    [
        .. Enum.GetValues<IntakeQuestionId>().Where(q => q is not IntakeQuestionId.Contraindication and not IntakeQuestionId.Pregnancy),
    ];

    private static readonly IntakeQuestionId[] EmergencyQuestions = [IntakeQuestionId.CaudaEquina, IntakeQuestionId.Sepsis];

    // Variants that can be emergent (cauda equina; sepsis in the red-flag variant) need emergent headlines.
    private static readonly int[] EmergentVariants = [4, 7];

    // Procedures are ordered with CPT codes; an order line's diagnoses are ICD-10-CM codes.
    private const string ProcedureCodeSystem = "cpt";
    private const string OrderDiagnosisCodeSystem = "icd10cm";
    private const string VerhoeffCheckDigit = "verhoeff";

    // The card puts this sentence above the criteria; a prompt that says it too makes the card say it twice.
    private const string CardsOwnInstruction = "answer yes if any";

    private readonly HashSet<string> _sourceIds = new(StringComparer.Ordinal);

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
        var sources = ReadSources(root);
        var categories = ReadCategories(root);
        var radiationLevels = ReadRadiationLevels(root);
        var procedures = ReadProcedures(root, radiationLevels);
        var questions = ReadQuestions(root);
        var coding = ReadCoding(Obj(root, "coding", ""), "coding", procedures, questions);
        var variants = ReadVariants(root, procedures, categories);
        var outOfScope = ReadOutOfScope(root);
        var warnings = Texts(root, "warnings", "", requireItems: true);
        var faq = ReadFaq(root);

        return new GuidanceDocument(
            filePath,
            schemaVersion,
            contentVersion,
            source,
            sources,
            categories,
            radiationLevels,
            procedures,
            questions,
            variants,
            outOfScope,
            warnings,
            faq)
        {
            Coding = coding,
        };
    }

    private GuidanceSource ReadSource(JsonElement element, string path)
    {
        var reviewed = Str(element, "articleReviewedOn", path);
        if (!DateOnly.TryParseExact(reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewedOn))
        {
            throw Fail($"{path}.articleReviewedOn '{reviewed}' is not a date in the form yyyy-MM-dd.");
        }

        return new GuidanceSource(Str(element, "title", path), Int(element, "revisedYear", path), Str(element, "articleTitle", path), reviewedOn);
    }

    private List<SourceCitation> ReadSources(JsonElement root)
    {
        var sources = new List<SourceCitation>();
        foreach (var (element, path) in Items(root, "sources", "", requireItems: true))
        {
            var id = Str(element, "id", path);
            if (!_sourceIds.Add(id))
            {
                throw Fail($"{path}.id '{id}' is used by more than one source.");
            }

            var url = OptStr(element, "url", path);
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw Fail($"{path}.url '{url}' is not an absolute URL.");
            }

            sources.Add(new SourceCitation(id, Str(element, "citation", path)) { Url = url });
        }

        return sources;
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
            .Select(i => new RadiationLevel(Str(i.Element, "symbol", i.Path), Str(i.Element, "adultDose", i.Path)) { Sources = Sources(i.Element, i.Path) })
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
            procedures.Add(new Procedure(id, Str(element, "name", path), Named<Modality>(element, "modality", path), Bool(element, "usesIvContrast", path), level, Sources(element, path)));
        }

        return procedures;
    }

    private List<IntakeQuestion> ReadQuestions(JsonElement root)
    {
        var questions = new List<IntakeQuestion>();
        foreach (var (element, path) in Items(root, "questions", "", requireItems: true))
        {
            var id = Named<IntakeQuestionId>(element, "id", path);
            if (questions.Any(q => q.Id == id))
            {
                throw Fail($"{path}: question {id} appears more than once; the question order must contain each question exactly once.");
            }

            var key = Str(element, "key", path);
            if (questions.Any(q => q.Key == key))
            {
                throw Fail($"{path}.key '{key}' is used by more than one question.");
            }

            var prompt = Str(element, "prompt", path);
            if (prompt.Contains(CardsOwnInstruction, StringComparison.OrdinalIgnoreCase))
            {
                throw Fail($"{path}.prompt says \"Answer yes if any...\": the card already says it above the criteria.");
            }

            var emergency = Bool(element, "emergencyScreen", path);
            if (emergency != EmergencyQuestions.Contains(id))
            {
                throw Fail($"{path}.emergencyScreen must be {(!emergency).ToString().ToLowerInvariant()} for {id}: the emergency screen is exactly {string.Join(" and ", EmergencyQuestions)}.");
            }

            questions.Add(new IntakeQuestion(
                id,
                key,
                Str(element, "title", path),
                prompt,
                StrList(element, "criteria", path, requireItems: false),
                ReadOptions(element, path, id),
                emergency,
                OptStr(element, "orderTerm", path) ?? string.Empty,
                OptStrList(element, "evaluateFor", path),
                string.Join(", ", Sources(element, path))));
        }

        foreach (var id in Enum.GetValues<IntakeQuestionId>())
        {
            if (!questions.Any(q => q.Id == id))
            {
                throw Fail($"questions must contain {id} exactly once (the question order is missing it).");
            }
        }

        CheckOrder(questions);
        return questions;
    }

    private void CheckOrder(List<IntakeQuestion> questions)
    {
        var firstRoutine = questions.FindIndex(q => !q.IsEmergencyScreen);
        var lateEmergency = firstRoutine < 0 ? -1 : questions.FindIndex(firstRoutine, q => q.IsEmergencyScreen);
        if (lateEmergency >= 0)
        {
            throw Fail($"questions[{lateEmergency}] ({questions[lateEmergency].Key}) is an emergency question after the routine question '{questions[firstRoutine].Key}': the emergency screen must come first.");
        }

        var contraindication = questions.FindIndex(q => q.Id == IntakeQuestionId.Contraindication);
        var lastRouting = questions.FindLastIndex(q => RoutingQuestions.Contains(q.Id));
        if (contraindication < lastRouting)
        {
            throw Fail($"questions[{contraindication}] (contraindication) must come after every question that decides the variant; '{questions[lastRouting].Key}' comes later.");
        }

        var pregnancy = questions.FindIndex(q => q.Id == IntakeQuestionId.Pregnancy);
        if (pregnancy < contraindication)
        {
            throw Fail($"questions[{pregnancy}] (pregnancy) must come after the contraindication question.");
        }
    }

    private List<AnswerOption> ReadOptions(JsonElement question, string path, IntakeQuestionId id)
    {
        var accepted = ClinicalAnswers.ValuesOf(id);
        var options = new List<AnswerOption>();
        foreach (var (element, at) in Items(question, "options", path, requireItems: true))
        {
            var value = Str(element, "value", at);
            if (!accepted.Contains(value))
            {
                throw Fail($"{at}.value '{value}' is not an answer {id} accepts ({string.Join(", ", accepted)}).");
            }

            if (options.Any(o => o.Value == value))
            {
                throw Fail($"{at}.value '{value}' is offered twice.");
            }

            options.Add(new AnswerOption(value, Str(element, "label", at), Str(element, "finding", at)) { OrderTerm = OptStr(element, "orderTerm", at) });
        }

        var missing = accepted.FirstOrDefault(v => options.All(o => o.Value != v));
        return missing is null ? options : throw Fail($"{path}.options has no option for the value '{missing}' ({id} must offer {string.Join(", ", accepted)}).");
    }

    private List<VariantGuidance> ReadVariants(JsonElement root, List<Procedure> procedures, List<CategoryLabel> categories)
    {
        var variants = Items(root, "variants", "", requireItems: true).Select(i => ReadVariant(i.Element, i.Path, procedures, categories)).ToList();
        for (var id = 1; id <= 7; id++)
        {
            if (variants.Count(v => v.Id == id) != 1)
            {
                throw Fail($"variants must contain variant {id} exactly once.");
            }
        }

        return variants;
    }

    private VariantGuidance ReadVariant(JsonElement element, string path, List<Procedure> procedures, List<CategoryLabel> categories)
    {
        var id = Int(element, "id", path);
        if (id is < 1 or > 7)
        {
            throw Fail($"{path}.id {id} is not an ACR variant of the topic (1 to 7).");
        }

        var headlines = ReadHeadlines(Obj(element, "headlines", path), $"{path}.headlines");
        var sourced = StrList(element, "sourcedCategories", path, requireItems: true).Select((label, i) => CategoryByLabel(label, $"{path}.sourcedCategories[{i}]", categories)).ToList();
        var ratings = new List<VariantRating>();
        foreach (var (rating, at) in Items(element, "ratings", path, requireItems: true))
        {
            ratings.Add(ReadRating(rating, at, id, procedures, categories, sourced, ratings));
        }

        var ranking = element.TryGetProperty("ranking", out _) ? ReadRanking(Obj(element, "ranking", path), $"{path}.ranking", id, ratings) : null;
        var whenMriNotPossible = ReadMriAlternatives(Obj(element, "whenMriNotPossible", path), $"{path}.whenMriNotPossible", id, ratings, procedures);
        var usuallyAppropriate = ratings.Where(r => r.Rated.Category == AppropriatenessCategory.UsuallyAppropriate).ToList();
        if (usuallyAppropriate.Count > 0 && usuallyAppropriate.All(r => procedures.First(p => p.Id == r.Rated.ProcedureId).IsMri))
        {
            if (whenMriNotPossible.Procedures.Count == 0)
            {
                throw Fail($"{path}.whenMriNotPossible.procedures is empty, but every first-line study of variant {id} is an MRI.");
            }

            if (headlines.MriNotPossible is null)
            {
                throw Fail($"{path}.headlines.mriNotPossible is missing, but every first-line study of variant {id} is an MRI.");
            }
        }

        if (EmergentVariants.Contains(id) && (headlines.Emergent is null || headlines.EmergentMriNotPossible is null))
        {
            throw Fail($"{path}.headlines needs emergent and emergentMriNotPossible: variant {id} can be emergent.");
        }

        return new VariantGuidance(
            id,
            Str(element, "title", path),
            Str(element, "shortTitle", path),
            Str(element, "orderPhrase", path),
            OptStrList(element, "evaluateFor", path),
            headlines,
            sourced,
            ratings,
            ranking,
            whenMriNotPossible,
            Texts(element, "reasons", path, requireItems: true),
            Texts(element, "warnings", path, requireItems: false),
            Texts(element, "escalation", path, requireItems: true),
            Texts(element, "pitfalls", path, requireItems: false),
            ReadNextSteps(element, path),
            Texts(element, "whatWouldChange", path, requireItems: false),
            Sources(element, path));
    }

    private CodingGuidance ReadCoding(JsonElement element, string path, List<Procedure> procedures, List<IntakeQuestion> questions)
    {
        Sources(element, path);
        var systems = new List<CodeSystemDefinition>();
        foreach (var (system, at) in Items(element, "systems", path, requireItems: true))
        {
            var id = Str(system, "id", at);
            if (systems.Any(s => s.Id == id))
            {
                throw Fail($"{at}.id '{id}' is used by more than one code system.");
            }

            var uri = Str(system, "uri", at);
            var alsoReadFrom = OptStrList(system, "alsoReadFrom", at);
            foreach (var known in alsoReadFrom.Prepend(uri))
            {
                if (!Uri.TryCreate(known, UriKind.Absolute, out _))
                {
                    throw Fail($"{at}: '{known}' is not an absolute URI.");
                }

                if (systems.Any(s => s.Reads(known)))
                {
                    throw Fail($"{at}: the URI '{known}' already names another code system.");
                }
            }

            Regex pattern;
            try
            {
                pattern = new Regex(Str(system, "pattern", at), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw Fail($"{at}.pattern is not a valid regular expression ({e.Message}).");
            }

            var checkDigit = OptStr(system, "checkDigit", at);
            if (checkDigit is not null and not VerhoeffCheckDigit)
            {
                throw Fail($"{at}.checkDigit '{checkDigit}' is not a known check digit (the only one is '{VerhoeffCheckDigit}').");
            }

            systems.Add(new CodeSystemDefinition(id, Str(system, "name", at), uri, alsoReadFrom, pattern, checkDigit is not null, Sources(system, at)));
        }

        var retired = new List<RetiredCode>();
        foreach (var (code, at) in Items(element, "retired", path, requireItems: false))
        {
            var system = KnownSystem(code, at, systems);
            var value = WellFormedCode(code, at, system);
            var on = Str(code, "retiredOn", at);
            if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var retiredOn))
            {
                throw Fail($"{at}.retiredOn '{on}' is not a date in the form yyyy-MM-dd.");
            }

            var replacedBy = StrList(code, "replacedBy", at, requireItems: false);
            foreach (var replacement in replacedBy.Where(r => !system.IsWellFormed(r)))
            {
                throw Fail($"{at}.replacedBy '{replacement}' is not a well-formed {system.Name} code.");
            }

            retired.Add(new RetiredCode(system.Id, value, Str(code, "display", at), retiredOn, replacedBy, Sources(code, at)));
        }

        foreach (var code in retired.Where(r => r.ReplacedBy.Any(x => retired.Any(o => o.SystemId == r.SystemId && o.Code == x))))
        {
            throw Fail($"{path}.retired: '{code.Code}' is replaced by a code that is itself deleted.");
        }

        var topic = Codes(element, "topic", path, systems, retired, requireItems: true);
        var procedureCodes = new Dictionary<string, IReadOnlyList<ClinicalCode>>(StringComparer.Ordinal);
        foreach (var (entry, at) in Items(element, "procedures", path, requireItems: true))
        {
            var procedure = KnownProcedure(Str(entry, "procedure", at), $"{at}.procedure", procedures);
            if (procedureCodes.ContainsKey(procedure.Id))
            {
                throw Fail($"{at}: procedure '{procedure.Id}' has its codes listed twice.");
            }

            var codes = Codes(entry, "codes", at, systems, retired, requireItems: true);
            if (codes.FirstOrDefault(c => c.SystemId != ProcedureCodeSystem) is { } notCpt)
            {
                throw Fail($"{at}: '{notCpt.Code}' is a {notCpt.SystemId} code; procedures are ordered with {ProcedureCodeSystem} codes.");
            }

            if (procedureCodes.FirstOrDefault(p => p.Value[0].Code == codes[0].Code) is { Key: { } other })
            {
                throw Fail($"{at}: '{codes[0].Code}' is already the code to order '{other}' with (each procedure's first code must be its own).");
            }

            procedureCodes.Add(procedure.Id, codes);
        }

        foreach (var procedure in procedures.Where(p => !procedureCodes.ContainsKey(p.Id)))
        {
            throw Fail($"{path}.procedures has no codes for procedure '{procedure.Id}'.");
        }

        var answers = new List<AnswerCodes>();
        foreach (var (entry, at) in Items(element, "answers", path, requireItems: true))
        {
            var (question, value) = KnownAnswer(entry, at, questions);
            if (question.IsYesNo && value == ClinicalAnswers.No)
            {
                throw Fail($"{at}: a code can say that a sign is present, never that it is absent ({question.Key} 'no').");
            }

            if (answers.Any(a => a.Question == question.Id && a.Value == value))
            {
                throw Fail($"{at}: the answer {question.Key} '{value}' has its codes listed twice.");
            }

            var codes = Codes(entry, "codes", at, systems, retired, requireItems: true);
            var taken = answers.Where(a => a.Question == question.Id).SelectMany(a => a.Codes).FirstOrDefault(c => codes.Any(x => x.SystemId == c.SystemId && x.Code == c.Code));
            if (taken is not null)
            {
                throw Fail($"{at}: '{taken.Code}' already carries another answer to {question.Key}.");
            }

            answers.Add(new AnswerCodes(question.Id, value, codes));
        }

        var assumed = new Dictionary<IntakeQuestionId, string>();
        foreach (var (entry, at) in Items(element, "assumedWhenNotCoded", path, requireItems: true))
        {
            var (question, value) = KnownAnswer(entry, at, questions);
            if (!assumed.TryAdd(question.Id, value))
            {
                throw Fail($"{at}: {question.Key} has more than one assumed answer.");
            }
        }

        return new CodingGuidance(systems, retired, topic, procedureCodes, answers, assumed);
    }

    private List<ClinicalCode> Codes(JsonElement element, string name, string path, List<CodeSystemDefinition> systems, List<RetiredCode> retired, bool requireItems)
    {
        var codes = new List<ClinicalCode>();
        foreach (var (code, at) in Items(element, name, path, requireItems))
        {
            var system = KnownSystem(code, at, systems);
            var value = WellFormedCode(code, at, system);
            if (retired.FirstOrDefault(r => r.SystemId == system.Id && r.Code == value) is { } deleted)
            {
                throw Fail($"{at}.code '{value}' ({system.Name}) was deleted on {deleted.RetiredOn:yyyy-MM-dd}: use {string.Join(" or ", deleted.ReplacedBy)}.");
            }

            if (codes.Any(c => c.SystemId == system.Id && c.Code == value))
            {
                throw Fail($"{at}.code '{value}' is listed twice.");
            }

            var onOrders = code.TryGetProperty("onOrders", out _) && Bool(code, "onOrders", at);
            if (onOrders && system.Id != OrderDiagnosisCodeSystem)
            {
                throw Fail($"{at}: only {OrderDiagnosisCodeSystem} codes go on an order line (onOrders).");
            }

            if (onOrders && codes.Any(c => c.OnOrders))
            {
                throw Fail($"{at}: only one code of a list goes on the order line (onOrders).");
            }

            codes.Add(new ClinicalCode(system.Id, system.Uri, value, Str(code, "display", at), Sources(code, at)) { Caveat = OptStr(code, "caveat", at), OnOrders = onOrders });
        }

        return codes;
    }

    private CodeSystemDefinition KnownSystem(JsonElement code, string at, List<CodeSystemDefinition> systems)
    {
        var id = Str(code, "system", at);
        return systems.FirstOrDefault(s => s.Id == id)
            ?? throw Fail($"{at}.system '{id}' is not one of the code systems in coding.systems ({string.Join(", ", systems.Select(s => s.Id))}).");
    }

    private string WellFormedCode(JsonElement code, string at, CodeSystemDefinition system)
    {
        var value = Str(code, "code", at);
        return system.IsWellFormed(value)
            ? value
            : throw Fail($"{at}.code '{value}' is not a {system.Name} code (it does not have the system's form{(system.VerhoeffCheckDigit ? " or check digit" : string.Empty)}).");
    }

    private (IntakeQuestion Question, string Value) KnownAnswer(JsonElement entry, string at, List<IntakeQuestion> questions)
    {
        var key = Str(entry, "question", at);
        var question = questions.FirstOrDefault(q => q.Key == key)
            ?? throw Fail($"{at}.question '{key}' is not the key of a question.");
        var value = Str(entry, "value", at);
        return question.Option(value) is null
            ? throw Fail($"{at}.value '{value}' is not an answer {key} offers ({string.Join(", ", question.Options.Select(o => o.Value))}).")
            : (question, value);
    }

    private VariantHeadlines ReadHeadlines(JsonElement element, string path) =>
        new(Str(element, "routine", path), OptStr(element, "emergent", path), OptStr(element, "mriNotPossible", path), OptStr(element, "emergentMriNotPossible", path));

    private VariantRating ReadRating(
        JsonElement element, string path, int variant, List<Procedure> procedures, List<CategoryLabel> categories, List<AppropriatenessCategory> sourced, List<VariantRating> earlier)
    {
        var procedure = KnownProcedure(Str(element, "procedure", path), $"{path}.procedure", procedures);
        if (earlier.Any(r => r.Rated.ProcedureId == procedure.Id))
        {
            throw Fail($"{path}: variant {variant} rates '{procedure.Id}' more than once.");
        }

        var label = Str(element, "category", path);
        var category = CategoryByLabel(label, $"{path}.category", categories);
        if (!sourced.Contains(category))
        {
            throw Fail($"{path}.category '{label}' ('{procedure.Id}') is not a category variant {variant}'s sources give (sourcedCategories: {string.Join(", ", sourced.Select(c => categories.First(l => l.Category == c).Label))}).");
        }

        var answers = OptStr(element, "answers", path);
        var whyLower = OptStr(element, "whyLower", path);
        if (category == AppropriatenessCategory.UsuallyAppropriate && answers is null)
        {
            throw Fail($"{path} ('{procedure.Id}', Usually Appropriate in variant {variant}) has no 'answers': say which clinical question the study answers.");
        }

        if (category != AppropriatenessCategory.UsuallyAppropriate && whyLower is null)
        {
            throw Fail($"{path} ('{procedure.Id}' in variant {variant}) has no 'whyLower': say why it ranks lower.");
        }

        var rated = new RatedProcedure(procedure.Id, procedure.Name, category, label, procedure.Radiation);
        return new VariantRating(rated, answers, whyLower, Sources(element, path));
    }

    private VariantRanking ReadRanking(JsonElement element, string path, int variant, List<VariantRating> ratings)
    {
        var ids = StrList(element, "procedures", path, requireItems: true);
        for (var i = 0; i < ids.Count; i++)
        {
            var rating = ratings.FirstOrDefault(r => r.Rated.ProcedureId == ids[i])
                ?? throw Fail($"{path}.procedures[{i}] '{ids[i]}' is not rated in variant {variant}: a ranking can only order the variant's own studies.");
            if (rating.Rated.Category != AppropriatenessCategory.UsuallyAppropriate)
            {
                throw Fail($"{path}.procedures[{i}] '{ids[i]}' is not Usually Appropriate in variant {variant}: the ranking orders the first-line studies.");
            }
        }

        return new VariantRanking(ids, Str(element, "note", path), Sources(element, path));
    }

    private MriAlternatives ReadMriAlternatives(JsonElement element, string path, int variant, List<VariantRating> ratings, List<Procedure> procedures)
    {
        var ids = StrList(element, "procedures", path, requireItems: false);
        for (var i = 0; i < ids.Count; i++)
        {
            var rating = ratings.FirstOrDefault(r => r.Rated.ProcedureId == ids[i])
                ?? throw Fail($"{path}.procedures[{i}] '{ids[i]}' is not rated in variant {variant}.");
            if (procedures.First(p => p.Id == ids[i]).IsMri)
            {
                throw Fail($"{path}.procedures[{i}] '{ids[i]}' is an MRI, which cannot be done when MRI is not possible.");
            }

            if (rating.Answers is null)
            {
                throw Fail($"{path}.procedures[{i}] '{ids[i]}' has no 'answers' in variant {variant}'s ratings: a study shown when MRI is not possible says what it answers.");
            }
        }

        return new MriAlternatives(ids, ids.Count == 0 ? OptSources(element, path) : Sources(element, path));
    }

    private List<NextStepRule> ReadNextSteps(JsonElement element, string path) =>
    [
        .. OptItems(element, "afterTheScan", path).Select(i => new NextStepRule(
            Conditions(i.Element, "when", i.Path),
            Conditions(i.Element, "unless", i.Path),
            new NextStep(Str(i.Element, "finding", i.Path), Str(i.Element, "action", i.Path)),
            Sources(i.Element, i.Path))),
    ];

    private List<OutOfScopeGuidance> ReadOutOfScope(JsonElement root)
    {
        var entries = Items(root, "outOfScope", "", requireItems: true)
            .Select(i => new OutOfScopeGuidance(
                Named<OutOfScopeReason>(i.Element, "reason", i.Path),
                Str(i.Element, "headline", i.Path),
                Str(i.Element, "explanation", i.Path),
                Str(i.Element, "seeInstead", i.Path),
                Texts(i.Element, "escalation", i.Path, requireItems: true),
                Sources(i.Element, i.Path)))
            .ToList();
        foreach (var reason in Enum.GetValues<OutOfScopeReason>())
        {
            if (entries.Count(e => e.Reason == reason) != 1)
            {
                throw Fail($"outOfScope must contain {reason} exactly once.");
            }
        }

        return entries;
    }

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

            var keywords = StrList(element, "keywords", path, requireItems: false);
            if (keywords.Count == 0)
            {
                throw Fail($"{path} (FAQ '{id}') has no keywords.");
            }

            entries.Add(new FaqEntry(id, Str(element, "question", path), Str(element, "answer", path), keywords, Conditions(element, "relatedWhen", path), Sources(element, path)));
        }

        return entries;
    }

    private List<ConditionalText> Texts(JsonElement element, string name, string path, bool requireItems)
    {
        var items = requireItems ? Items(element, name, path, requireItems: true) : OptItems(element, name, path);
        return
        [
            .. items.Select(i => new ConditionalText(
                Conditions(i.Element, "when", i.Path),
                Conditions(i.Element, "unless", i.Path),
                Str(i.Element, "text", i.Path),
                Sources(i.Element, i.Path))),
        ];
    }

    private List<GuidanceCondition> Conditions(JsonElement element, string name, string path)
    {
        var at = Join(path, name);
        if (!element.TryGetProperty(name, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"{at} must be a list of conditions.");
        }

        var conditions = new List<GuidanceCondition>();
        foreach (var item in array.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (text is null || !Enum.TryParse<GuidanceCondition>(text, ignoreCase: false, out var condition) || !Enum.IsDefined(condition) || char.IsDigit(text[0]))
            {
                throw Fail($"{at}[{conditions.Count}] '{text}' is not a known condition ({string.Join(", ", Enum.GetNames<GuidanceCondition>())}).");
            }

            conditions.Add(condition);
        }

        return conditions;
    }

    /// <summary>The row's "source": one or more ids from the file's sources list. Every fact row must have one.</summary>
    private List<string> Sources(JsonElement element, string path)
    {
        var at = Join(path, "source");
        if (!element.TryGetProperty("source", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw Fail($"{at} is missing: every fact row names one or more source ids.");
        }

        var ids = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (id is null || !_sourceIds.Contains(id))
            {
                throw Fail($"{at}[{ids.Count}] '{id}' is not one of the sources' ids ({string.Join(", ", _sourceIds)}).");
            }

            ids.Add(id);
        }

        return ids;
    }

    private List<string> OptSources(JsonElement element, string path) => element.TryGetProperty("source", out _) ? Sources(element, path) : [];

    private Procedure KnownProcedure(string id, string at, List<Procedure> procedures) =>
        procedures.FirstOrDefault(p => p.Id == id) ?? throw Fail($"{at} '{id}' is not a known procedure id.");

    private AppropriatenessCategory CategoryByLabel(string label, string at, List<CategoryLabel> categories) =>
        categories.FirstOrDefault(c => c.Label == label)?.Category
        ?? throw Fail($"{at}: category '{label}' is not in the allowed set ({string.Join(", ", categories.Select(c => c.Label))}).");

    private List<(JsonElement Element, string Path)> Items(JsonElement element, string name, string path, bool requireItems)
    {
        var at = Join(path, name);
        if (!element.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"{at} is missing or is not a list.");
        }

        var items = new List<(JsonElement, string)>();
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

        return requireItems && items.Count == 0 ? throw Fail($"{at} is empty.") : items;
    }

    private List<(JsonElement Element, string Path)> OptItems(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out _) ? Items(element, name, path, requireItems: false) : [];

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

    private List<string> OptStrList(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out _) ? StrList(element, name, path, requireItems: false) : [];

    private JsonElement Obj(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw Fail($"{Join(path, name)} is missing or is not an object.");

    private string Str(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Fail($"{Join(path, name)} is missing or empty.");

    private string? OptStr(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out _) ? Str(element, name, path) : null;

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
