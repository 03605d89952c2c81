using System.Globalization;
using System.Text;
using ImagingBot.Guidance;

namespace ImagingBot.Telemetry;

/// <summary>
/// One structured audit event per piece of advice, in its own log category (<see cref="Category"/>) so that a
/// deployment can route it to its SIEM (docs/operations.md). It holds what an auditor needs to know which advice was
/// given and why (time, consult id, channel, variant, urgency, the studies, the content version, the answers as the
/// guidance file's question keys and option values) and nothing a clinician typed, nor who they are.
/// </summary>
public sealed partial class RecommendationAudit(GuidanceDocument guidance, ILoggerFactory loggerFactory, TimeProvider? time = null)
{
    public const string Category = "ImagingBot.Audit";

    public const int RecommendationEventId = 7001;
    public const int OutOfScopeEventId = 7002;

    /// <summary>The study field of advice that is not to image first.</summary>
    public const string NoImaging = "none";

    private readonly ILogger _logger = (loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory))).CreateLogger(Category);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <param name="channel">A value of <see cref="TelemetryValues.Channel"/> (a Bot Framework channel, or <see cref="TelemetryValues.CdsHooksChannel"/>).</param>
    public void AdviceGiven(string consultId, string channel, Advice advice, ClinicalAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(advice);
        ArgumentNullException.ThrowIfNull(answers);
        // Guarded here rather than in the generated methods: the codes and study lists cost something to build.
        if (_logger.IsEnabled(LogLevel.Information))
        {
            Log(consultId, channel, advice, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), AnswerCodes(answers));
        }
    }

    private void Log(string consultId, string channel, Advice advice, string at, string codes)
    {
        switch (advice)
        {
            case Recommendation recommendation:
                var urgency = ConsultMetrics.Urgency(recommendation.Urgency == Urgency.Emergent);
                var study = recommendation.Recommended?.ProcedureId ?? NoImaging;
                var firstLine = recommendation.FirstLine.Count == 0 ? NoImaging : string.Join('|', recommendation.FirstLine.Select(line => line.Procedure.ProcedureId));
                var ranked = recommendation.RankingNote is not null;
                LogRecommendation(_logger, at, consultId, channel, recommendation.Variant, urgency, study, firstLine, ranked, advice.ContentVersion, codes);
                break;
            case OutOfScope outOfScope:
                var reason = ConsultMetrics.Reason(outOfScope.Reason);
                var outOfScopeUrgency = ConsultMetrics.Urgency(outOfScope.Emergency);
                LogOutOfScope(_logger, at, consultId, channel, reason, outOfScopeUrgency, advice.ContentVersion, codes);
                break;
        }
    }

    /// <summary>"caudaEquina=no;sepsis=no;age=adult;...": each answered question, in the guidance's order, by its key and option value.</summary>
    private string AnswerCodes(ClinicalAnswers answers)
    {
        var codes = new StringBuilder();
        foreach (var question in guidance.Questions)
        {
            if (answers.Value(question.Id) is { } value)
            {
                codes.Append(codes.Length == 0 ? string.Empty : ";").Append(question.Key).Append('=').Append(value);
            }
        }

        return codes.ToString();
    }

    [LoggerMessage(EventId = RecommendationEventId, EventName = "RecommendationGiven", Level = LogLevel.Information, SkipEnabledCheck = true,
        Message = "Recommendation given at {Time}: consult {ConsultId}, channel {Channel}, variant {Variant}, urgency {Urgency}, study {RecommendedStudy} (first line {FirstLineStudies}, ranked {FirstLineRanked}), content version {ContentVersion}, answers {Answers}")]
    private static partial void LogRecommendation(ILogger logger, string time, string consultId, string channel, int variant, string urgency, string recommendedStudy, string firstLineStudies, bool firstLineRanked, string contentVersion, string answers);

    [LoggerMessage(EventId = OutOfScopeEventId, EventName = "OutOfScopeGiven", Level = LogLevel.Information, SkipEnabledCheck = true,
        Message = "Out-of-scope answer given at {Time}: consult {ConsultId}, channel {Channel}, reason {Reason}, urgency {Urgency}, content version {ContentVersion}, answers {Answers}")]
    private static partial void LogOutOfScope(ILogger logger, string time, string consultId, string channel, string reason, string urgency, string contentVersion, string answers);
}
