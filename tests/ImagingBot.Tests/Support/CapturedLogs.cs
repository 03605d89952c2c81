using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ImagingBot.Tests.Support;

/// <summary>
/// Every log line the app writes, of every category and level down to Trace, with its scopes and the full
/// exception (message and stack), exactly as a log sink would receive it.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>Adds the capture to a host's logging, with a rule that lets every level of every category through.</summary>
    public void AttachTo(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.AddProvider(this);
        logging.SetMinimumLevel(LogLevel.Trace);
        logging.AddFilter<CapturedLogs>(category: null, LogLevel.Trace);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, string? Exception, string Scopes, string State)
    {
        /// <summary>Everything a log sink could store for this line.</summary>
        public string AllText => $"{Category} {Level} {EventId} {Message} {State} {Scopes} {Exception}";

        /// <summary>The structured values of the line (the message template's placeholders), as a sink stores them.</summary>
        public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

        public override string ToString() => $"[{Level}] {Category}: {Message}{(Exception is null ? string.Empty : " | " + Exception)}";
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new StringBuilder();
            owner._scopes.ForEachScope((scope, builder) => builder.Append(Describe(scope)).Append(" => "), scopes);
            var fields = state is IEnumerable<KeyValuePair<string, object?>> properties
                ? properties.GroupBy(property => property.Key).ToDictionary(group => group.Key, group => Convert.ToString(group.Last().Value, System.Globalization.CultureInfo.InvariantCulture))
                : [];
            owner._lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), exception?.ToString(), scopes.ToString(), Describe(state)) { Fields = fields });
        }

        // Structured values too: a sink such as Application Insights stores every property, not only the message.
        private static string Describe(object? value) => value switch
        {
            null => string.Empty,
            IEnumerable<KeyValuePair<string, object?>> properties => string.Join("; ", properties.Select(property => $"{property.Key}={property.Value}")),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
