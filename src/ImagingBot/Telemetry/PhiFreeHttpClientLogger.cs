using Microsoft.Extensions.Http.Logging;

namespace ImagingBot.Telemetry;

/// <summary>
/// Logs the bot's outgoing HTTP calls (the Bot Connector, the token service) in place of IHttpClientFactory's own
/// loggers, which write every URL in full, and the Bot Connector's URLs name the conversation. Here a URL is written
/// through <see cref="PhiFreeUrl"/>, and a failure by its exception's type only.
/// </summary>
public sealed partial class PhiFreeHttpClientLogger(ILogger<PhiFreeHttpClientLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var url = PhiFreeUrl.Of(request.RequestUri);
            LogAnswered(logger, request.Method.Method, url, (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var url = PhiFreeUrl.Of(request.RequestUri);
            var exceptionType = TelemetryValues.ErrorType(exception);
            LogFailed(logger, request.Method.Method, url, exceptionType, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, SkipEnabledCheck = true, Message = "HTTP {HttpMethod} {Url} answered {StatusCode} after {ElapsedMilliseconds} ms")]
    private static partial void LogAnswered(ILogger logger, string httpMethod, string url, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, SkipEnabledCheck = true, Message = "HTTP {HttpMethod} {Url} failed with {ExceptionType} after {ElapsedMilliseconds} ms")]
    private static partial void LogFailed(ILogger logger, string httpMethod, string url, string exceptionType, double elapsedMilliseconds);
}
