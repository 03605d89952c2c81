using Hl7.Fhir.Model;

namespace ImagingBot.CdsHooks.Wire;

/// <summary>
/// A change to the EHR's draft orders: <c>create</c> or <c>update</c> carry the resource, <c>delete</c> names the
/// resources it removes (<c>ResourceType/id</c>).
/// </summary>
public sealed record CdsAction(string Type, string Description)
{
    public Resource? Resource { get; init; }

    public IReadOnlyList<string>? ResourceId { get; init; }
}
