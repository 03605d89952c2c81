using Microsoft.Bot.Schema;

namespace ImagingBot.Dialogs;

/// <summary>
/// One question of a waterfall, declared as data: its id, when it applies, what to send, how an
/// answer is recognised and where it is stored. Declare one with <see cref="WaterfallStep{TAnswers, TAnswer}"/>.
/// </summary>
public abstract class WaterfallStep<TAnswers>
    where TAnswers : class
{
    /// <summary>The question id; answer buttons carry it as <c>questionId</c> (and the answer as <c>value</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Whether the step is asked given the answers so far; a step that does not apply is skipped.</summary>
    public Func<TAnswers, bool> AppliesWhen { get; init; } = static _ => true;

    /// <summary>The message that asks (or re-asks) the question, for example an Adaptive Card with buttons.</summary>
    public required Func<PromptContext<TAnswers>, IMessageActivity> Prompt { get; init; }

    internal abstract bool IsAnswered(TAnswers answers);

    /// <summary>The answers with this step's answer recorded, or null when the message is not an answer.</summary>
    internal abstract TAnswers? TryAnswer(IMessageActivity activity, TAnswers answers);

    internal abstract TAnswers ClearAnswer(TAnswers answers);
}

/// <summary>A step whose answer is a value (yes/no, a choice) kept in one nullable member of the answers record.</summary>
public sealed class WaterfallStep<TAnswers, TAnswer> : WaterfallStep<TAnswers>
    where TAnswers : class
    where TAnswer : struct
{
    /// <summary>The answer in a message (typed text or the clicked button's value), or null when there is none.</summary>
    public required Func<IMessageActivity, TAnswer?> Recognize { get; init; }

    /// <summary>The recorded answer, null while unanswered.</summary>
    public required Func<TAnswers, TAnswer?> Read { get; init; }

    /// <summary>The answers with this step's answer set (or cleared with null).</summary>
    public required Func<TAnswers, TAnswer?, TAnswers> Write { get; init; }

    internal override bool IsAnswered(TAnswers answers) => Read(answers).HasValue;

    internal override TAnswers? TryAnswer(IMessageActivity activity, TAnswers answers) =>
        Recognize(activity) is { } answer ? Write(answers, answer) : null;

    internal override TAnswers ClearAnswer(TAnswers answers) => Write(answers, null);
}
