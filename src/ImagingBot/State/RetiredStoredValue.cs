namespace ImagingBot.State;

/// <summary>
/// What a stored value of a type that no longer exists is read as (<see cref="StoredTypesBinder"/>): an empty
/// placeholder that no property accessor asks for, kept until the conversation's state expires.
/// </summary>
public sealed record RetiredStoredValue;
