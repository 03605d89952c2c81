namespace ImagingBot.Guidance;

/// <summary>
/// A variant's headline templates: {procedure} and {category} are the first first-line study and its category,
/// {options} every first-line study with its category. The emergent and MRI-not-possible forms fall back to
/// <see cref="Routine"/> when the file gives none.
/// </summary>
public sealed record VariantHeadlines(string Routine, string? Emergent, string? MriNotPossible, string? EmergentMriNotPossible);
