namespace ImagingBot.Cards;

/// <summary>
/// Raw JSON whose UTF-8 bytes are already at hand. The response writer copies them into the reply where the value
/// goes (<see cref="Adapter.ReplyJsonBuffer"/>), instead of writing the JSON as characters and encoding it again.
/// </summary>
internal interface IUtf8Json
{
    /// <summary>The number of bytes <see cref="CopyUtf8To"/> writes.</summary>
    int Utf8Length { get; }

    /// <summary>Writes the JSON's UTF-8 at the start of <paramref name="destination"/>; returns its length.</summary>
    int CopyUtf8To(Span<byte> destination);
}
