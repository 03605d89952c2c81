using ImagingBot.State;
using Newtonsoft.Json;
using Answers = ImagingBot.Dialogs.Consult.ConsultAnswers;
using StoredConsult = ImagingBot.Dialogs.WaterfallState<ImagingBot.Dialogs.Consult.ConsultAnswers>;

namespace ImagingBot.Tests.State;

/// <summary>
/// The format our earlier releases stored state in, which is Bot Framework MemoryStorage's: Newtonsoft with
/// <c>TypeNameHandling.All</c>, a type name on every object and collection. Such state may still sit in Redis, and
/// a rollback to such a release reads what we store now, so both directions must keep working.
/// </summary>
internal static class EarlierStateFormat
{
    /// <summary>MemoryStorage's serializer settings with our binder: how an earlier release wrote and read state.</summary>
    public static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = StoredTypesBinder.Instance,
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Full,
    };

    /// <summary>A conversation mid-consult, with a collection-holding record beside it (collections get "$values").</summary>
    public static Dictionary<string, object> ConversationMidConsult() => new()
    {
        ["welcomed"] = true,
        ["consult"] = new StoredConsult
        {
            ConsultId = "AbCd2345",
            Version = 2,
            Pending = "immunosuppression",
            Answers = new Answers { SuspectedCancer = true, SuspectedInfection = false },
        },
        ["answers"] = new ConsultAnswers("consult-1", new List<Answer> { new("cancer", true), new("fever", false) }, new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero)),
    };

    public static string Write(object value) => JsonConvert.SerializeObject(value, Settings);

    public static object? Read(string json) => JsonConvert.DeserializeObject(json, Settings);

    /// <summary>Read back as typed as it was written: the dictionary, the consult with its answers, the record and its list.</summary>
    public static void AssertTypedConversationMidConsult(object? read)
    {
        var state = Assert.IsType<Dictionary<string, object>>(read);
        Assert.Equal(true, state["welcomed"]);
        var consult = Assert.IsType<StoredConsult>(state["consult"]);
        Assert.Equal(ConversationMidConsult()["consult"], consult);
        Assert.IsType<Answers>(consult.Answers);
        var answers = Assert.IsType<ConsultAnswers>(state["answers"]);
        Assert.IsType<List<Answer>>(answers.Given);
        Assert.Equal(["cancer", "fever"], answers.Given.Select(answer => answer.Question));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero), answers.StartedAt);
    }
}
