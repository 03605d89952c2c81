namespace ImagingBot.Guidance;

/// <summary>
/// One code of a known code system (CPT, ICD-10-CM, SNOMED CT), as the guidance file lists it with its source.
/// <see cref="Caveat"/> is said on a CDS Hooks card whenever the code was read, because the code says less than the
/// answer it is read as (a fusion that names no joint). <see cref="OnOrders"/> marks the one code of an answer that
/// states it exactly and may go on an order line.
/// </summary>
public sealed record ClinicalCode(string SystemId, string SystemUri, string Code, string Display, IReadOnlyList<string> Sources)
{
    public string? Caveat { get; init; }

    public bool OnOrders { get; init; }
}
