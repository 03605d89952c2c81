namespace ImagingBot.CdsHooks.Wire;

/// <summary>The answer of <c>GET /cds-services</c>: the services an EHR can register.</summary>
public sealed record CdsDiscoveryResponse(IReadOnlyList<CdsServiceDescription> Services);
