namespace ImagingBot.State;

/// <summary>
/// A write carried an ETag that is no longer the stored one: someone else changed the item since it was read.
/// Derives from <see cref="ArgumentException"/> because Bot Framework's MemoryStorage throws that type for
/// the same conflict, so code that handles one store's conflicts handles the other's.
/// </summary>
public sealed class ETagConflictException : ArgumentException
{
    public ETagConflictException()
        : base("Etag conflict: the stored item changed since it was read.")
    {
    }

    public ETagConflictException(string message)
        : base(message)
    {
    }

    public ETagConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
