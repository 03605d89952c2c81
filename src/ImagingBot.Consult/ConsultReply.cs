using ImagingBot.Guidance;

namespace ImagingBot.Consult;

/// <summary>What the consult wants said this turn, as data; the bot layer renders each one as a card or a line of text.</summary>
public abstract record ConsultReply;

/// <summary>Why a question is asked: first time, again after an answer it could not read, or again after something else.</summary>
public enum PromptReason
{
    First,
    Reprompt,
    Resume,
}

/// <summary>Asks one question of the tree; <paramref name="Number"/> counts the question cards of this consult.</summary>
public sealed record AskQuestion(string ConsultId, IntakeQuestion Question, int Number, PromptReason Reason, bool OfferQuickForm) : ConsultReply;

/// <summary>Shows what was read from a one-line case and asks whether it is right.</summary>
public sealed record ConfirmCase(string ConsultId, IReadOnlyList<string> Understood, PromptReason Reason) : ConsultReply;

/// <summary>Every question on one card with the answers given so far pre-selected.</summary>
public sealed record ShowQuickForm(string ConsultId, IReadOnlyList<IntakeQuestion> Questions, ClinicalAnswers Answers) : ConsultReply;

/// <summary>
/// The recommendation or the out-of-scope advice. <paramref name="Answers"/>: the answers it was decided from, which
/// its card carries so that it can always be shown again (Universal Actions' refresh); null when not known.
/// </summary>
public sealed record GiveAdvice(string ConsultId, Advice Advice, ClinicalAnswers? Answers = null) : ConsultReply;

/// <summary>The welcome card; also the answer to "help".</summary>
public sealed record ShowHelp : ConsultReply;

/// <summary>Every FAQ question as a button.</summary>
public sealed record ShowFaqList : ConsultReply;

public sealed record ShowFaqAnswer(FaqEntry Entry) : ConsultReply;

/// <summary>What the bot can do, with the closest FAQ questions as suggestions (may be empty).</summary>
public sealed record ShowNotUnderstood(IReadOnlyList<FaqEntry> Suggestions) : ConsultReply;

/// <summary>A short plain line (a stale click, a cancelled consult).</summary>
public sealed record SayNote(string Text) : ConsultReply;

/// <summary>
/// What a clicked card shows once its click is taken, on channels that replace a card in place (Universal Actions):
/// a compact record of what was decided, with no live buttons. Never sent as a new message.
/// </summary>
public abstract record CardRecord : ConsultReply;

/// <summary>
/// An answered question with the answer kept: the one just given, or, after a second click (<paramref name="Repeat"/>),
/// the one recorded before, which the click did not change.
/// </summary>
public sealed record QuestionAnswered(string ConsultId, IntakeQuestion Question, string Answer, bool Repeat) : CardRecord;

/// <summary>What was read from a one-line case, confirmed or not (null: it was answered before this click).</summary>
public sealed record CaseAnswered(string ConsultId, bool? Confirmed) : CardRecord;

/// <summary>The quick form as it was sent: each question with the answer it gave (blank ones are asked next).</summary>
public sealed record QuickFormSent(string ConsultId, IReadOnlyList<IntakeQuestion> Questions, ClinicalAnswers Answers, bool Repeat) : CardRecord;

/// <summary>
/// The advice card of a consult whose answers are being changed (<paramref name="StillChanging"/>), or were changed
/// since it was given: the advice it showed is no longer the consult's, so its buttons go.
/// </summary>
public sealed record AdviceChanged(string ConsultId, Advice Advice, ClinicalAnswers Answers, bool StillChanging) : CardRecord;

/// <summary>Why a clicked card no longer takes clicks; nothing was recorded.</summary>
public enum ClosedReason
{
    /// <summary>It belongs to an earlier consult of this clinician.</summary>
    EarlierConsult,

    /// <summary>In a group chat or channel: another consult's card, another clinician's or an earlier one.</summary>
    AnotherConsult,

    /// <summary>A card of this consult that no longer applies (its question was superseded), or whose data cannot be read.</summary>
    OutOfDate,

    /// <summary>Advice made with another version of the guidance, which is not shown again under the current one.</summary>
    GuidanceChanged,
}

/// <summary>A card that takes no more clicks, and why.</summary>
public sealed record CardClosed(ClosedReason Reason) : CardRecord;
