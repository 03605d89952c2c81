using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>
/// Firely's validator over the base FHIR R4 definitions, read offline from the specification.zip that
/// Hl7.Fhir.Specification.Data.R4 copies next to the tests. Built once: compiling the definitions takes seconds.
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Instance = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver));
    });

    private static readonly object Gate = new();

    /// <summary>The errors (not warnings) the base R4 definitions find in the resource.</summary>
    public static IReadOnlyList<string> Errors(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        OperationOutcome outcome;
        lock (Gate)
        {
            outcome = Instance.Value.Validate(resource);
        }

        return
        [
            .. outcome.Issue
                .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
                .Select(i => $"{i.Details?.Text} at {string.Join(", ", i.Expression)}"),
        ];
    }
}
