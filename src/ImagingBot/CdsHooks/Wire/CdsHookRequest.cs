using Hl7.Fhir.Model;

namespace ImagingBot.CdsHooks.Wire;

/// <summary>
/// A CDS Hooks 2.0 service call as the EHR sends it: the hook, its context and the prefetched FHIR resources
/// (parsed by the Firely SDK's converters; a prefetch the EHR could not fill is null).
/// </summary>
public sealed record CdsHookRequest(string? Hook, string? HookInstance, string? FhirServer, OrderHookContext? Context, Dictionary<string, Resource?>? Prefetch);
