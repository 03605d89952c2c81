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

/// <summary>The recommendation or the out-of-scope advice.</summary>
public sealed record GiveAdvice(string ConsultId, Advice Advice) : ConsultReply;

/// <summary>The welcome card; also the answer to "help".</summary>
public sealed record ShowHelp : ConsultReply;

/// <summary>Every FAQ question as a button.</summary>
public sealed record ShowFaqList : ConsultReply;

public sealed record ShowFaqAnswer(FaqEntry Entry) : ConsultReply;

/// <summary>What the bot can do, with the closest FAQ questions as suggestions (may be empty).</summary>
public sealed record ShowNotUnderstood(IReadOnlyList<FaqEntry> Suggestions) : ConsultReply;

/// <summary>A short plain line (a stale click, a cancelled consult).</summary>
public sealed record SayNote(string Text) : ConsultReply;
