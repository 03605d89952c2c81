using System.Text.Json;
using Hl7.Fhir.Serialization;
using ImagingBot.CdsHooks.Feedback;
using ImagingBot.CdsHooks.Security;
using ImagingBot.CdsHooks.Wire;
using ImagingBot.Security;
using ImagingBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ImagingBot.CdsHooks;

/// <summary>
/// The CDS Hooks 2.0 endpoints: discovery, the two order services and their feedback. Every service call is
/// authorised first (401, quickly, for a bad token), then its body read within the size limit (413) and checked
/// (400 with a sentence saying what is wrong). The log says what was refused and why, never what was sent.
/// </summary>
public static partial class CdsHooksEndpoints
{
    public const string BasePath = "/cds-services";
    public const string CorsPolicy = "cds-hooks";

    public static IEndpointRouteBuilder MapCdsHooksEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(BasePath).RequireCors(CorsPolicy);
        group.MapGet("/", () => Results.Json(CdsServiceCatalog.Discovery, CdsHooksJson.Options)).RecordsCdsHooksLatency("discovery");
        group.MapPost("/{id}", AnswerAsync).RecordsCdsHooksLatency("service");
        group.MapPost("/{id}/feedback", FeedbackAsync).RecordsCdsHooksLatency("feedback");
        return app;
    }

    private static async Task<IResult> AnswerAsync(string id, HttpContext context, OrderHookService service, CdsHooksTokenValidator tokens, IOptions<CdsHooksOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(CdsHooksEndpoints));
        if (CdsServiceCatalog.HookOf(id) is not { } hook)
        {
            return Results.NotFound();
        }

        if (await RefusedAsync(context, id, feedback: false, tokens, options.Value, logger).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (request, problem) = await ReadAsync<CdsHookRequest>(context, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        problem ??= BodyProblem.BadRequest(OrderHookService.Problem(request, hook));
        if (problem is not null)
        {
            LogBadRequest(logger, hook, problem.StatusCode);
            return problem.ToResult();
        }

        var response = await service.AnswerAsync(request!, context.RequestAborted).ConfigureAwait(false);
        LogAnswered(logger, hook, response.Cards.Count, response.SystemActions?.Count ?? 0);
        return Results.Json(response, CdsHooksJson.Options);
    }

    private static async Task<IResult> FeedbackAsync(string id, HttpContext context, StoredCdsFeedbackCounts counts, CdsHooksTokenValidator tokens, IOptions<CdsHooksOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(CdsHooksEndpoints));
        if (CdsServiceCatalog.HookOf(id) is null)
        {
            return Results.NotFound();
        }

        if (await RefusedAsync(context, id, feedback: true, tokens, options.Value, logger).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var (request, problem) = await ReadAsync<CdsFeedbackRequest>(context, options.Value.MaxRequestBodyBytes).ConfigureAwait(false);
        var items = request?.Feedback;
        problem ??= BodyProblem.BadRequest(FeedbackProblem(items));
        if (problem is not null)
        {
            LogBadRequest(logger, "feedback", problem.StatusCode);
            return problem.ToResult();
        }

        try
        {
            await counts.CountAsync([.. items!.OfType<CdsFeedback>()], context.RequestAborted).ConfigureAwait(false);
        }
        catch (State.StateStoreUnavailableException)
        {
            LogStoreDown(logger);
            return Results.Problem("The feedback store is unavailable; send the feedback again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    private static async Task<IResult?> RefusedAsync(HttpContext context, string id, bool feedback, CdsHooksTokenValidator tokens, CdsHooksOptions options, ILogger logger)
    {
        var refusal = await tokens.CheckAsync(context.Request.Headers.Authorization, Audiences(options, id, feedback), context.RequestAborted).ConfigureAwait(false);
        if (refusal == TokenRefusal.None)
        {
            return null;
        }

        LogRefused(logger, refusal);
        return Results.Problem("The request needs a valid CDS Hooks bearer token from a trusted issuer.", statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>The audiences a token may name: the endpoint called, its service, or the base URL of the services.</summary>
    private static string[] Audiences(CdsHooksOptions options, string id, bool feedback)
    {
        var root = (options.ServiceBaseUrl ?? string.Empty).TrimEnd('/');
        return feedback ? [$"{root}/{id}/feedback", $"{root}/{id}", root] : [$"{root}/{id}", root];
    }

    private static string? FeedbackProblem(List<CdsFeedback?>? items) =>
        items is null or { Count: 0 } ? "The feedback request needs a non-empty 'feedback' list."
        : items.Any(f => f is null || string.IsNullOrWhiteSpace(f.Card)) ? "Each feedback item needs the 'card' uuid it is about."
        : items.Any(f => f!.Outcome is not (StoredCdsFeedbackCounts.Accepted or StoredCdsFeedbackCounts.Overridden)) ? "Each feedback item's 'outcome' must be 'accepted' or 'overridden'."
        : null;

    private static async Task<(T? Value, BodyProblem? Problem)> ReadAsync<T>(HttpContext context, long maxBytes)
        where T : class
    {
        await using var body = await BoundedRequestBody.ReadAsync(context.Request, maxBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return (null, new BodyProblem(BoundedRequestBody.TooLarge(maxBytes), StatusCodes.Status413PayloadTooLarge));
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(body.GetBuffer().AsSpan(0, (int)body.Length), CdsHooksJson.Options), null);
        }
        catch (JsonException exception)
        {
            return (null, BodyProblem.BadRequest($"The request body is not a valid CDS Hooks JSON request ({exception.Message})."));
        }
        catch (DeserializationFailedException exception)
        {
            return (null, BodyProblem.BadRequest($"A FHIR resource in the request cannot be read ({exception.Message})."));
        }
    }

    /// <summary>Why a request body was refused: the sentence for the caller and the status that goes with it.</summary>
    private sealed record BodyProblem(string Detail, int StatusCode)
    {
        public static BodyProblem? BadRequest(string? detail) => detail is null ? null : new(detail, StatusCodes.Status400BadRequest);

        public IResult ToResult() => Results.Problem(Detail, statusCode: StatusCode);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "CDS Hooks call refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, TokenRefusal refusal);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "CDS Hooks {Endpoint} request body refused ({StatusCode})")]
    private static partial void LogBadRequest(ILogger logger, string endpoint, int statusCode);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "CDS Hooks {Hook} answered with {Cards} card(s) and {Actions} system action(s)")]
    private static partial void LogAnswered(ILogger logger, string hook, int cards, int actions);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "CDS Hooks feedback could not be counted: the store is unavailable")]
    private static partial void LogStoreDown(ILogger logger);
}
