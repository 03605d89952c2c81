using System.Diagnostics.Tracing;

namespace ImagingBot.LoadTest.Measurements;

/// <summary>
/// An in-process allocation profiler: the runtime raises GCAllocationTick about every 100 KB allocated, naming the
/// type of the object that crossed the line, so counting ticks by type shows where the bytes go (dotnet-trace and
/// dotnet-counters are not available here). Used by <c>--alloc-profile</c>.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEventId = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = [];
    private volatile bool _recording;

    /// <summary>Counts from now on, adding to what earlier rounds of the same step counted.</summary>
    public void Record() => _recording = true;

    /// <summary>Stops counting while another scenario's round runs.</summary>
    public void Pause() => _recording = false;

    /// <summary>The types that allocated the most, with their share of the sampled bytes.</summary>
    public IReadOnlyList<(string Type, double Share)> Top(int top)
    {
        lock (_bytesByType)
        {
            var total = Math.Max(1, _bytesByType.Values.Sum());
            return [.. _bytesByType.OrderByDescending(entry => entry.Value).Take(top).Select(entry => (entry.Key, (double)entry.Value / total))];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventId != AllocationTickEventId || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var typeIndex = eventData.PayloadNames.IndexOf("TypeName");
        var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0)
        {
            return;
        }

        var type = eventData.Payload[typeIndex] as string ?? "?";
        var amount = amountIndex >= 0 && eventData.Payload[amountIndex] is ulong bytes ? (long)bytes : 100_000;
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
        }
    }
}
