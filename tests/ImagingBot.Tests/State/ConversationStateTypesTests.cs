using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using ImagingBot.State;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using static ImagingBot.Tests.Consult.ClinicianChat;
using StoredConsult = ImagingBot.Consult.ConsultState;

namespace ImagingBot.Tests.State;

/// <summary>
/// ChangeTrackedConversationState saves a conversation only when an accessor's SetAsync or DeleteAsync ran, so a
/// value changed in place would silently not be saved. Every type the bot keeps there must therefore be immutable.
/// </summary>
public class ConversationStateTypesTests
{
    private const string Why =
        "ChangeTrackedConversationState writes only what an accessor's SetAsync or DeleteAsync changed, so a stored value " +
        "changed in place would be lost. Keep every type stored in conversation state immutable (sealed records with " +
        "init-only properties, System.Collections.Immutable collections) and change it with `with` and SetAsync. Found: ";

    [Fact]
    public async Task Every_type_the_bot_keeps_in_conversation_state_is_immutable()
    {
        // What the real bot stores over a welcome and a whole consult, plus the consult's declared type (its
        // properties are checked even when a consult leaves them null).
        var storage = new ConcurrentMemoryStorage(TimeSpan.FromHours(24));
        var adapter = new TestAdapter();
        await Open(storage, adapter)
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [adapter.Conversation.User] }).Says("help")
            .Send("82F osteoporosis, fell from standing").Asks("c1", "case")
            .Send("yes").Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .Send("change an answer").SaysSomething("[c1] quick form")
            .Send("no").AssertReply(_ => { })
            .StartTestAsync();

        var keys = storage.StoredJson().Select(entry => entry.Key).ToArray();
        var conversation = Assert.IsAssignableFrom<IDictionary<string, object>>(Assert.Single((await storage.ReadAsync(keys)).Values));
        var storedTypes = conversation.Values.Select(value => value.GetType()).Append(typeof(StoredConsult)).Distinct().ToList();

        Assert.Contains(typeof(StoredConsult), conversation.Values.Select(value => value.GetType()));
        Assert.Contains(typeof(bool), conversation.Values.Select(value => value.GetType()));
        var problems = storedTypes.SelectMany(type => Immutability.Problems(type)).ToList();
        Assert.True(problems.Count == 0, Why + string.Join("; ", problems));
    }

    [Fact]
    public void The_check_finds_setters_mutable_collections_open_types_and_untyped_values()
    {
        var problems = Immutability.Problems(typeof(MutableNote));

        Assert.Contains(problems, problem => problem.Contains("MutableNote.Text", StringComparison.Ordinal) && problem.Contains("setter", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("MutableNote.Tags", StringComparison.Ordinal) && problem.Contains("changed in place", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("MutableNote.Anything", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("MutableNote.Count", StringComparison.Ordinal) && problem.Contains("field", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("OpenNote", StringComparison.Ordinal) && problem.Contains("sealed", StringComparison.Ordinal));
        Assert.Empty(Immutability.Problems(typeof(ImmutableNote)));
    }

    private sealed class MutableNote
    {
        public int Count = 1;

        public string Text { get; set; } = string.Empty;

        public List<string> Tags { get; init; } = [];

        public object? Anything { get; init; }

        public OpenNote? Open { get; init; }
    }

    private class OpenNote
    {
        public string Text { get; init; } = string.Empty;
    }

    private sealed class DerivedNote : OpenNote
    {
        public string More { get; init; } = string.Empty;
    }

    private sealed record ImmutableNote(string Text, int? Count, DateTimeOffset At, System.Collections.Immutable.ImmutableArray<string> Tags, ImmutableInner Inner);

    private sealed record ImmutableInner(bool? Flag, DayOfWeek Day);

    /// <summary>Why a type could change after it was stored: public setters that are not init-only, mutable fields, collections, open types.</summary>
    private static class Immutability
    {
        private static readonly HashSet<Type> Scalars =
            [typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid), typeof(DateOnly), typeof(TimeOnly)];

        public static List<string> Problems(Type type)
        {
            var problems = new List<string>();
            Check(type, type.Name, [], problems);
            return problems;
        }

        private static void Check(Type type, string path, HashSet<Type> seen, List<string> problems)
        {
            if (!seen.Add(type))
            {
                return;
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                Check(underlying, path, seen, problems);
                return;
            }

            if (type.IsPrimitive || type.IsEnum || Scalars.Contains(type))
            {
                return;
            }

            if (type.IsGenericType && type.Namespace == "System.Collections.Immutable")
            {
                foreach (var item in type.GetGenericArguments())
                {
                    Check(item, path + "[]", seen, problems);
                }

                return;
            }

            if (type.IsArray || typeof(IEnumerable).IsAssignableFrom(type))
            {
                problems.Add($"{path} is a {type.Name}, a collection that can be changed in place");
                return;
            }

            if (type == typeof(object) || type.IsInterface || type.IsAbstract)
            {
                problems.Add($"{path} is a {type.Name}: it can hold any value, mutable ones too");
                return;
            }

            if (!type.IsValueType && !type.IsSealed)
            {
                problems.Add($"{path} is a {type.Name}, which is not sealed: a subclass could add setters");
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                {
                    problems.Add($"{path}.{property.Name} has a public setter that is not init-only");
                }

                Check(property.PropertyType, $"{path}.{property.Name}", seen, problems);
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!field.IsInitOnly)
                {
                    problems.Add($"{path}.{field.Name} is a public field that is not readonly");
                }

                Check(field.FieldType, $"{path}.{field.Name}", seen, problems);
            }
        }
    }
}
