using System.Globalization;
using Hl7.Fhir.Model;
using ImagingBot.CdsHooks.Wire;
using ImagingBot.Guidance;

namespace ImagingBot.CdsHooks;

/// <summary>
/// FHIR in, codes out: the orders a hook call asks about (<c>order-select</c>: the selected ones; <c>order-sign</c>:
/// every draft ServiceRequest), each with its codes, the prefetched Patient's age group and the prefetched active
/// Conditions' codes. Everything else in the resources is left alone.
/// </summary>
public sealed class FhirOrderReader(TimeProvider clock)
{
    public const string PatientPrefetch = "patient";
    public const string ConditionsPrefetch = "conditions";

    // A condition that is not (or no longer) the patient's: it answers nothing.
    private static readonly string[] InactiveClinicalStatuses = ["inactive", "remission", "resolved"];
    private static readonly string[] DiscountedVerificationStatuses = ["refuted", "entered-in-error"];

    public IReadOnlyList<OrderUnderReview> Read(CdsHookRequest request, bool selectedOnly)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context!;
        var orders = (context.DraftOrders?.Entry ?? []).Select(e => e.Resource).OfType<ServiceRequest>();
        if (selectedOnly)
        {
            var selected = (context.Selections ?? []).ToHashSet(StringComparer.Ordinal);
            orders = orders.Where(o => o.Id is not null && selected.Contains($"ServiceRequest/{o.Id}"));
        }

        var age = AgeOf(request.Prefetch?.GetValueOrDefault(PatientPrefetch) as Patient);
        var conditions = Conditions(request.Prefetch?.GetValueOrDefault(ConditionsPrefetch));
        return
        [
            .. orders.Select(order => new OrderUnderReview(
                order,
                Codes(order.Code),
                [.. order.ReasonCode.SelectMany(Codes)],
                conditions,
                age)),
        ];
    }

    /// <summary>
    /// The age group on today's date from a FHIR birth date (yyyy, yyyy-MM or yyyy-MM-dd); null when there is none, or
    /// when a partial date leaves the patient on either side of a group boundary.
    /// </summary>
    public AgeGroup? AgeOf(Patient? patient)
    {
        var birthDate = patient?.BirthDate;
        if (string.IsNullOrWhiteSpace(birthDate))
        {
            return null;
        }

        var (earliest, latest) = BirthDateRange(birthDate);
        if (earliest is null || latest is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var oldest = AgeGroups.Of(YearsBetween(earliest.Value, today));
        var youngest = AgeGroups.Of(YearsBetween(latest.Value, today));
        return oldest == youngest ? oldest : null;
    }

    private static (DateOnly? Earliest, DateOnly? Latest) BirthDateRange(string birthDate)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        foreach (var format in formats)
        {
            if (DateOnly.TryParseExact(birthDate, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                var latest = format switch
                {
                    "yyyy" => new DateOnly(date.Year, 12, 31),
                    "yyyy-MM" => date.AddMonths(1).AddDays(-1),
                    _ => date,
                };
                return (date, latest);
            }
        }

        return (null, null);
    }

    private static int YearsBetween(DateOnly born, DateOnly today)
    {
        var years = today.Year - born.Year;
        return born.AddYears(years) > today ? years - 1 : years;
    }

    private static List<CodeReference> Conditions(Resource? prefetch)
    {
        var resources = prefetch switch
        {
            Bundle bundle => bundle.Entry.Select(e => e.Resource),
            Condition condition => [condition],
            _ => [],
        };
        return
        [
            .. resources.OfType<Condition>()
                .Where(IsActive)
                .SelectMany(c => Codes(c.Code)),
        ];
    }

    private static bool IsActive(Condition condition)
    {
        var clinical = condition.ClinicalStatus?.Coding.Select(c => c.Code) ?? [];
        var verification = condition.VerificationStatus?.Coding.Select(c => c.Code) ?? [];
        return !clinical.Any(InactiveClinicalStatuses.Contains) && !verification.Any(DiscountedVerificationStatuses.Contains) && condition.Abatement is null;
    }

    private static List<CodeReference> Codes(CodeableConcept? concept) =>
        [.. (concept?.Coding ?? []).Select(c => new CodeReference(c.System, c.Code))];
}
