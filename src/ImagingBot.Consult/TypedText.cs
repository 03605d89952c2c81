using System.Globalization;
using System.Text;

namespace ImagingBot.Consult;

/// <summary>How typed words are compared: lower case, punctuation and symbols dropped, single spaces.</summary>
public static class TypedText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text.Trim())
        {
            if (char.IsPunctuation(character) || char.IsSymbol(character) || char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLower(character, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
