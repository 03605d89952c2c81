using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using Newtonsoft.Json;

namespace ImagingBot.Tests.State;

/// <summary>
/// The format our earlier releases stored state in, which is Bot Framework MemoryStorage's: Newtonsoft with
/// <c>TypeNameHandling.All</c>, a type name on every object and collection. Such state may still sit in Redis, and
/// a rollback to such a release reads what we store now, so both directions must keep working.
/// </summary>
internal static class EarlierStateFormat
{
    /// <summary>
    /// A conversation stored by a release before the pure consult, verbatim: its consult under "consult", of the
    /// waterfall's type, which no longer exists (only its "welcomed" flag still means something).
    /// </summary>
    public const string ConversationWithTheWaterfallsConsult =
        """{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib","welcomed":true,"consult":{"$type":"ImagingBot.Dialogs.WaterfallState`1[[ImagingBot.Dialogs.Consult.ConsultAnswers, ImagingBot]], ImagingBot","id":"AbCd2345","v":2,"q":"immunosuppression","a":{"c":true,"i":false}}}""";

    /// <summary>MemoryStorage's serializer settings with our binder: how an earlier release wrote and read state.</summary>
    public static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = StoredTypesBinder.Instance,
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Full,
        // Not MemoryStorage's Auto: Auto fills a record's default in place, and ConsultState's default answers are the
        // shared ClinicalAnswers.Empty, which this reader would otherwise fill for every other test in the process.
        ObjectCreationHandling = ObjectCreationHandling.Replace,
    };

    /// <summary>The consult mid-way, with a one-line case's reading waiting for confirmation.</summary>
    public static ConsultState Consult { get; } = new()
    {
        ConsultId = "AbCd2345",
        Version = 2,
        Pending = ConsultState.CaseStep,
        Asked = 1,
        Answers = ClinicalAnswers.Empty with { Age = AgeGroup.Older, FractureRisk = true },
        CaseFindings = ["65 or older", "osteoporosis"],
    };

    /// <summary>
    /// The state the real consult stores after a one-line case, while its reading waits for confirmation: the lists in it
    /// are whatever the consult made, which a hand-made state would not show.
    /// </summary>
    public static ConsultState ConsultAsTheConsultStoresIt()
    {
        var guidance = ImagingBot.Tests.Consult.ClinicianChat.Guidance;
        var consult = new ClinicalConsult(new ImagingDecision(guidance), new FaqSearch(guidance), new ConsultOptions { NewConsultId = () => "AbCd2345" });
        var state = consult.Next(null, TurnInput.Typed("82F osteoporosis, fell from standing")).State;
        Assert.NotNull(state);
        Assert.NotEmpty(state.CaseFindings);
        return state;
    }

    /// <summary>A conversation mid-consult, with a collection-holding record beside it (collections get "$values").</summary>
    public static Dictionary<string, object> ConversationMidConsult() => new()
    {
        ["welcomed"] = true,
        ["consultation"] = Consult,
        ["answers"] = new ConsultAnswers("consult-1", new List<Answer> { new("cancer", true), new("fever", false) }, new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero)),
    };

    public static string Write(object value) => JsonConvert.SerializeObject(value, Settings);

    public static object? Read(string json) => JsonConvert.DeserializeObject(json, Settings);

    /// <summary>Read back as typed as it was written: the dictionary, the consult with its answers, the record and its list.</summary>
    public static void AssertTypedConversationMidConsult(object? read)
    {
        var state = Assert.IsType<Dictionary<string, object>>(read);
        Assert.Equal(true, state["welcomed"]);
        AssertSameConsult(Consult, Assert.IsType<ConsultState>(state["consultation"]));
        var answers = Assert.IsType<ConsultAnswers>(state["answers"]);
        Assert.IsType<List<Answer>>(answers.Given);
        Assert.Equal(["cancer", "fever"], answers.Given.Select(answer => answer.Question));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero), answers.StartedAt);
    }

    /// <summary>
    /// Equal consults: a record compares its list of findings by reference, and a list read back from a store is never
    /// the one written, so the findings are compared item by item.
    /// </summary>
    public static void AssertSameConsult(ConsultState? expected, ConsultState? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.CaseFindings.ToArray(), actual.CaseFindings.ToArray());
        Assert.Equal(expected, actual with { CaseFindings = expected.CaseFindings });
    }

    /// <summary>A value the Memory store writes verbatim: how a test puts JSON written by another release into it.</summary>
    [JsonConverter(typeof(Converter))]
    public sealed record VerbatimJson(string Json)
    {
        private sealed class Converter : JsonConverter<VerbatimJson>
        {
            public override bool CanRead => false;

            public override void WriteJson(JsonWriter writer, VerbatimJson? value, JsonSerializer serializer) => writer.WriteRawValue(value!.Json);

            public override VerbatimJson ReadJson(JsonReader reader, Type objectType, VerbatimJson? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
                throw new NotSupportedException();
        }
    }
}
