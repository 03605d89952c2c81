namespace ImagingBot.CdsHooks.Wire;

/// <summary>One service of the discovery answer, with the FHIR queries the EHR should prefetch for it.</summary>
public sealed record CdsServiceDescription(string Hook, string Title, string Description, string Id, IReadOnlyDictionary<string, string> Prefetch, string UsageRequirements);
