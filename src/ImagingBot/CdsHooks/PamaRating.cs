using Hl7.Fhir.Model;
using ImagingBot.Guidance;

namespace ImagingBot.CdsHooks;

/// <summary>
/// Argonaut's "CDS Hooks for PAMA" rating of an order, and the one place an ACR category becomes a rating:
/// Usually Appropriate and May Be Appropriate (with or without disagreement) adhere to the criteria
/// (<c>appropriate</c>), Usually Not Appropriate does not (<c>not-appropriate</c>). A study the variant's sources do
/// not rate gets no rating at all: the guide says to leave an undetermined order out. The ACR category rides along as
/// a finer translation coding, as the guide allows. Why this mapping: docs/cds-hooks.md.
/// </summary>
public static class PamaRating
{
    public const string RatingExtension = "http://fhir.org/argonaut/Extension/pama-rating";
    public const string RatingSystem = "http://fhir.org/argonaut/CodeSystem/pama-rating";
    public const string ConsultIdExtension = "http://fhir.org/argonaut/Extension/pama-rating-consult-id";
    public const string QcdsmExtension = "http://fhir.org/argonaut/Extension/pama-rating-qcdsm-consulted";
    public const string AucAppliedExtension = "http://fhir.org/argonaut/Extension/pama-rating-auc-applied";

    /// <summary>ImagingBot's own code system for the ACR category carried beside the rating.</summary>
    public const string AcrCategorySystem = "urn:imagingbot:acr-appropriateness-category";

    public const string Appropriate = "appropriate";
    public const string NotAppropriate = "not-appropriate";

    public static string For(AppropriatenessCategory category) => category switch
    {
        AppropriatenessCategory.UsuallyNotAppropriate => NotAppropriate,
        _ => Appropriate,
    };

    /// <summary>
    /// A copy of the order with the rating extensions (any earlier ones replaced); nothing else of the order changes,
    /// as the guide requires of a system action.
    /// </summary>
    public static ServiceRequest Rated(ServiceRequest order, RatedProcedure rated, string consultId, string aucUrl, string? qcdsmId)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(rated);
        var copy = (ServiceRequest)order.DeepCopy();
        copy.Extension.RemoveAll(e => e.Url is RatingExtension or ConsultIdExtension or QcdsmExtension or AucAppliedExtension);
        var rating = new CodeableConcept(RatingSystem, For(rated.Category));
        rating.Coding.Add(new Coding(AcrCategorySystem, rated.Category.ToString(), rated.CategoryLabel));
        copy.Extension.Add(new Extension(RatingExtension, rating));
        copy.Extension.Add(new Extension(ConsultIdExtension, new FhirUri(consultId)));
        if (!string.IsNullOrWhiteSpace(qcdsmId))
        {
            copy.Extension.Add(new Extension(QcdsmExtension, new FhirString(qcdsmId)));
        }

        copy.Extension.Add(new Extension(AucAppliedExtension, new FhirUri(aucUrl)));
        return copy;
    }
}
