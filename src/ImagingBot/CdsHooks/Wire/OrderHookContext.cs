using Hl7.Fhir.Model;

namespace ImagingBot.CdsHooks.Wire;

/// <summary>
/// The context of <c>order-select</c> and <c>order-sign</c>: the draft orders as a FHIR Bundle and, for
/// <c>order-select</c>, the ids of the orders the clinician just selected (<c>ServiceRequest/{id}</c>).
/// </summary>
public sealed record OrderHookContext(string? UserId, string? PatientId, string? EncounterId, List<string>? Selections, Bundle? DraftOrders);
