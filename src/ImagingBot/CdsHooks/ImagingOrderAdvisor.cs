using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using ImagingBot.CdsHooks.Wire;
using ImagingBot.Guidance;
using Microsoft.Extensions.Options;
using Procedure = ImagingBot.Guidance.Procedure;

namespace ImagingBot.CdsHooks;

/// <summary>
/// One draft order in, one card out, through the same decision as the Teams consult: the order's CPT code names the
/// study, its reason codes, the problem list and the age give the consult's answers (<see cref="CodedCaseReader"/>),
/// and <see cref="ImagingDecision"/> decides. No card for a study the topic does not cover, an order whose reasons
/// are not low back pain, or a patient outside the topic (advice without a card, counted by operations), except that
/// an emergency is always shown. The card says what it read, what it assumed, and that the Teams consult asks the rest.
/// </summary>
public sealed class ImagingOrderAdvisor(GuidanceDocument guidance, CodedCaseReader reader, IOptions<CdsHooksOptions> options)
{
    public const int SummaryLimit = 140;

    public const string Critical = "critical";
    public const string Warning = "warning";
    public const string Info = "info";

    private const string SourceLabel = "ImagingBot, after the ACR Appropriateness Criteria: Low Back Pain";

    private readonly string _topicUrl = guidance.Sources.First(s => s.Id == "acr-2021").Url!;

    public OrderAdvice? Advise(OrderUnderReview order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (reader.ProcedureFor(order.OrderCodes) is not { } procedureId)
        {
            return null;
        }

        var coded = reader.Read(order.Reasons, order.Conditions, order.Age);
        if (!coded.InTopic || reader.Decide(coded) is not { } decided)
        {
            return null;
        }

        var id = Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        return decided.Advice switch
        {
            Recommendation recommendation => ForRecommendation(order, procedureId, decided, recommendation, id),
            OutOfScope { Emergency: true } outOfScope => new OrderAdvice(OutOfScopeEmergencyCard(decided, outOfScope, id), null, null, outOfScope, decided.RatedAnswers),
            _ => new OrderAdvice(null, null, null, decided.Advice, decided.RatedAnswers),
        };
    }

    /// <summary>The consult id of a card: what the order's <c>pama-rating-consult-id</c> carries.</summary>
    public static string ConsultIdOf(string cardUuid) => "urn:uuid:" + cardUuid;

    private OrderAdvice ForRecommendation(OrderUnderReview order, string procedureId, CodedAdvice decided, Recommendation recommendation, string id)
    {
        var procedure = guidance.Procedure(procedureId);
        var rated = guidance.Variant(recommendation.Variant).RatingOf(procedureId)?.Rated;
        var firstLine = recommendation.FirstLine.Any(s => s.Procedure.ProcedureId == procedureId);
        var indicator = recommendation.Urgency == Urgency.Emergent ? Critical : firstLine ? Info : Warning;
        var consultId = ConsultIdOf(id);
        var card = new CdsCard(id, Summary(recommendation, procedure, rated, firstLine), indicator, new CdsSource(SourceLabel, _topicUrl))
        {
            Detail = Detail(decided, recommendation, procedure, rated),
            Links = [new CdsLink("ACR Appropriateness Criteria: Low Back Pain", _topicUrl, "absolute")],
            OverrideReasons = firstLine ? null : CdsOverrideReasons.All,
            Suggestions = firstLine ? null : [Suggestion(order, decided, recommendation, consultId)],
            SelectionBehavior = firstLine ? null : "at-most-one",
        };

        // A rating needs a category the variant's sources give and a patient known to be an adult.
        var action = rated is null || order.Age is null || order.Order.Id is null
            ? null
            : new CdsAction("update", $"ACR appropriateness rating: {rated.CategoryLabel}") { Resource = PamaRating.Rated(order.Order, rated, consultId, _topicUrl, options.Value.PamaQcdsmId) };
        return new OrderAdvice(card, action, recommendation.Variant, recommendation, decided.RatedAnswers);
    }

    private CdsSuggestion Suggestion(OrderUnderReview order, CodedAdvice decided, Recommendation recommendation, string consultId)
    {
        var suggestionId = Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        if (recommendation.Recommended is not { } first)
        {
            var reference = $"ServiceRequest/{order.Order.Id}";
            return new CdsSuggestion("Cancel the imaging order: no imaging first", suggestionId, IsRecommended: true, [new CdsAction("delete", "Remove the draft imaging order") { ResourceId = [reference] }]);
        }

        var replacement = (ServiceRequest)order.Order.DeepCopy();
        var orderCode = guidance.Coding.OrderCode(first.ProcedureId);
        replacement.Code = new CodeableConcept { Coding = [new Coding(orderCode.SystemUri, orderCode.Code, orderCode.Display)], Text = first.Name };
        foreach (var finding in decided.Case.Findings.Where(f => !f.FromOrder && f.Question is not null))
        {
            if (!replacement.ReasonCode.Any(r => r.Coding.Any(c => c.Code == finding.Code.Code && finding.Code.SystemUri == c.System)))
            {
                replacement.ReasonCode.Add(new CodeableConcept(finding.Code.SystemUri, finding.Code.Code, finding.Code.Display, finding.Code.Display));
            }
        }

        var rated = PamaRating.Rated(replacement, first, consultId, _topicUrl, options.Value.PamaQcdsmId);
        return new CdsSuggestion($"Order {first.Name} instead ({first.CategoryLabel})", suggestionId, IsRecommended: true, [new CdsAction("update", $"Replace the order with {first.Name}") { Resource = rated }]);
    }

    private static string Summary(Recommendation recommendation, Procedure procedure, RatedProcedure? rated, bool firstLine)
    {
        var category = rated?.CategoryLabel ?? "not rated by ACR's sources";
        var first = recommendation.Recommended;
        string[] candidates = (recommendation.Urgency, firstLine, first) switch
        {
            (Urgency.Emergent, _, _) => [recommendation.Headline, $"Emergency: image now with {first?.Name ?? "emergent imaging"}."],
            (_, true, _) => [$"{procedure.Name} is first-line here ({category}).", $"{procedure.Name}: {category}."],
            (_, false, null) => [$"{procedure.Name} is {category} here: no imaging first.", $"{category}: no imaging first."],
            (_, false, { } study) => [$"{procedure.Name} is {category} here; first-line: {study.Name}.", $"Not first-line here; order {study.Name}.", $"Not first-line here ({category})."],
        };
        return candidates.First(c => c.Length < SummaryLimit);
    }

    private string Detail(CodedAdvice decided, Recommendation recommendation, Procedure procedure, RatedProcedure? rated)
    {
        var detail = new StringBuilder(1024);
        detail.Append(CultureInfo.InvariantCulture, $"**ACR variant {recommendation.Variant}:** {recommendation.VariantTitle}\n\n");
        detail.Append(CultureInfo.InvariantCulture, $"**Ordered:** {procedure.Name}: {rated?.CategoryLabel ?? "not rated for this variant by ACR's sources"}; radiation {Radiation(procedure.Radiation)}.\n\n");
        if (recommendation.FirstLine.Count == 0)
        {
            detail.Append(CultureInfo.InvariantCulture, $"**First-line:** no imaging first. {recommendation.Headline}\n\n");
        }
        else
        {
            detail.Append("**First-line:**\n");
            foreach (var study in recommendation.FirstLine)
            {
                detail.Append(CultureInfo.InvariantCulture, $"- {study.Procedure.Name} ({study.Procedure.CategoryLabel}; radiation {Radiation(study.Procedure.Radiation)}): {study.Answers}\n");
            }

            detail.Append('\n');
            if (recommendation.RankingNote is { } note)
            {
                detail.Append(note).Append("\n\n");
            }
        }

        foreach (var line in recommendation.Escalation.Concat(recommendation.Warnings))
        {
            detail.Append("- ").Append(line).Append('\n');
        }

        AppendCodesAndAssumptions(detail, decided);
        detail.Append(CultureInfo.InvariantCulture, $"\n**Source:** {guidance.Source.Title} (revised {guidance.Source.RevisedYear}); ImagingBot guidance {guidance.ContentVersion}.");
        return detail.ToString();
    }

    private CdsCard OutOfScopeEmergencyCard(CodedAdvice decided, OutOfScope outOfScope, string id)
    {
        var detail = new StringBuilder(512);
        detail.Append(outOfScope.Explanation).Append(' ').Append("See ").Append(outOfScope.SeeInstead).Append(".\n\n");
        foreach (var line in outOfScope.Escalation)
        {
            detail.Append("- ").Append(line).Append('\n');
        }

        AppendCodesAndAssumptions(detail, decided);
        var summary = $"Emergency sign coded; {outOfScope.Headline}";
        return new CdsCard(id, summary.Length < SummaryLimit ? summary : "Emergency sign coded; outside this adult guide.", Critical, new CdsSource(SourceLabel, _topicUrl))
        {
            Detail = detail.ToString(),
            Links = [new CdsLink("ACR Appropriateness Criteria: Low Back Pain", _topicUrl, "absolute")],
        };
    }

    private void AppendCodesAndAssumptions(StringBuilder detail, CodedAdvice decided)
    {
        var findings = decided.Case.Findings;
        if (findings.Count > 0)
        {
            detail.Append("\n**Read from the codes:** ");
            detail.AppendJoin("; ", findings.DistinctBy(f => (f.Code.SystemId, f.Code.Code)).Select(Finding));
            detail.Append(".\n");
            foreach (var caveat in findings.Select(f => f.Code.Caveat).OfType<string>().Distinct())
            {
                detail.Append("- ").Append(caveat).Append('\n');
            }
        }

        if (decided.Case.Answers.Age is null)
        {
            detail.Append("\n**Age:** not known from the record; no rating is given for it.\n");
        }

        if (decided.Assumed.Count > 0)
        {
            detail.Append("\n**Not in the codes, assumed for this rating:** ");
            detail.AppendJoin("; ", decided.Assumed.Select(a => a.Finding));
            detail.Append(". A missing code does not rule anything out: if any of these is not so, the advice can change. The ImagingBot consult in Teams asks these questions.\n");
        }
    }

    private string Finding(CodedFinding finding)
    {
        var source = finding.FromOrder ? "order reason" : "problem list";
        var deleted = finding.ReadFrom is { } retired ? $", read from the deleted {retired.Code}" : string.Empty;
        return $"{finding.Code.Display} ({guidance.Coding.System(finding.Code.SystemId).Name} {finding.Code.Code}, {source}{deleted})";
    }

    private static string Radiation(RadiationLevel level) => $"{level.Symbol}, {level.AdultDose}";
}
