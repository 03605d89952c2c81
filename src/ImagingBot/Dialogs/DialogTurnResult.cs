namespace ImagingBot.Dialogs;

/// <summary>The result of a waterfall turn, shaped like Bot Framework's DialogTurnResult.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, TurnOutcome Outcome);
