using System.Text.RegularExpressions;

namespace ImagingBot.Guidance;

/// <summary>
/// A code system the guidance knows: its FHIR URI (and the other URIs some EHRs label it with, read as the same
/// system), and the shape every one of its codes has. A code that does not have that shape is not a code of the
/// system, and the guidance file is refused.
/// </summary>
public sealed record CodeSystemDefinition(string Id, string Name, string Uri, IReadOnlyList<string> AlsoReadFrom, Regex Pattern, bool VerhoeffCheckDigit, IReadOnlyList<string> Sources)
{
    /// <summary>True when a coding labelled with <paramref name="uri"/> is read as this system.</summary>
    public bool Reads(string? uri) => uri is not null && (uri == Uri || AlsoReadFrom.Contains(uri, StringComparer.Ordinal));

    /// <summary>True when <paramref name="code"/> has the system's shape (and, for SNOMED CT, a valid check digit).</summary>
    public bool IsWellFormed(string code) => Pattern.IsMatch(code) && (!VerhoeffCheckDigit || Verhoeff.IsValid(code));
}
