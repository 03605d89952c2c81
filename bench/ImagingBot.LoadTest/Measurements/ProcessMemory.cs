using System.Diagnostics;

namespace ImagingBot.LoadTest.Measurements;

/// <summary>The process's memory after a full, compacting, blocking collection.</summary>
/// <param name="GcCommittedBytes">Memory the GC holds from the OS (heap plus free space it keeps for reuse).</param>
internal sealed record ProcessMemory(long ConsultsSoFar, long GcHeapBytes, long WorkingSetBytes, long GcCommittedBytes)
{
    public static ProcessMemory Read(long consultsSoFar)
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ProcessMemory(consultsSoFar, GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, GC.GetGCMemoryInfo().TotalCommittedBytes);
    }
}
