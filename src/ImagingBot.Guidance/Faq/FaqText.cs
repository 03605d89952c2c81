namespace ImagingBot.Guidance;

/// <summary>Turns free text into lower-case word tokens; punctuation and hyphens split words ("tc-99m" -> "tc", "99m").</summary>
internal static class FaqText
{
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        Span<char> word = text.Length <= 256 ? stackalloc char[256] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c is '\'' or '\u2019')
            {
                // "can't" and "what's" read as "cant" and "whats", the way people also type them.
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word[length++] = char.ToLowerInvariant(c);
            }
            else if (length > 0)
            {
                tokens.Add(new string(word[..length]));
                length = 0;
            }
        }

        if (length > 0)
        {
            tokens.Add(new string(word[..length]));
        }

        // "ICD-10" is a billing code, not an implanted defibrillator: keep the code as one word.
        for (var i = tokens.Count - 2; i >= 0; i--)
        {
            if (tokens[i] == "icd" && tokens[i + 1] is "9" or "10" or "11")
            {
                tokens[i] += tokens[i + 1];
                tokens.RemoveAt(i + 1);
            }
        }

        return tokens;
    }
}
