using Hl7.Fhir.Model;

namespace ImagingBot.CdsHooks.Wire;

/// <summary>
/// What became of one card: <c>accepted</c> (with the suggestions taken) or <c>overridden</c> (with a reason). The
/// clinician's free-text comment is never read.
/// </summary>
public sealed record CdsFeedback(string? Card, string? Outcome, List<CdsAcceptedSuggestion?>? AcceptedSuggestions, CdsOverrideReason? OverrideReason, string? OutcomeTimestamp);

/// <summary>A suggestion the clinician accepted, by its uuid.</summary>
public sealed record CdsAcceptedSuggestion(string? Id);

/// <summary>The reason the clinician gave for overriding a card: one of its <c>overrideReasons</c>.</summary>
public sealed record CdsOverrideReason(Coding? Reason, string? UserComment);
