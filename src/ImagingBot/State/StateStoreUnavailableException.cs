namespace ImagingBot.State;

/// <summary>
/// The conversation state store cannot be reached (or did not answer in time). The turn cannot go on,
/// but nothing stored is lost: the user can simply try again once the store is back.
/// </summary>
public sealed class StateStoreUnavailableException : Exception
{
    public StateStoreUnavailableException()
        : base("The conversation state store is unavailable.")
    {
    }

    public StateStoreUnavailableException(string message)
        : base(message)
    {
    }

    public StateStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StateStoreUnavailableException(Exception innerException)
        : base("The conversation state store is unavailable.", innerException)
    {
    }
}
