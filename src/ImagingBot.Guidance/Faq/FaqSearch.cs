using System.Collections.Frozen;
using FuzzySharp;

namespace ImagingBot.Guidance;

/// <summary>
/// Finds the FAQ entries a free-text question is about. Every keyword phrase in the data file (synonyms included)
/// is indexed at construction; a query's words are matched to that vocabulary exactly or, for typos, with
/// FuzzySharp's Levenshtein ratio. An entry scores by the phrases the query contains, so unrelated text
/// ("pizza recipe") scores zero and is answered with suggestions instead of a wrong answer.
/// Scores run from 0 to 1; an entry matches from <see cref="MatchThreshold"/> up (one whole keyword phrase).
/// </summary>
public sealed class FaqSearch
{
    public const double MatchThreshold = 0.5;

    // A typo must stay close to a known word: 85 accepts "contrst" (93) and "pacemker" (94) but rejects
    // one-letter swaps in short words ("test"/"text" is 75), which are as likely to be different words.
    private const int TypoSimilarity = 85;
    private const int ShortestTypoWord = 4;
    private const int MaxPhraseGap = 2;

    // Common words are never corrected to a keyword: "have" must not become "hate", "what" must not match anything.
    private static readonly FrozenSet<string> CommonWords = FrozenSet.ToFrozenSet(
    [
        "what", "whats", "when", "where", "which", "while", "with", "would", "should", "could", "does", "doing", "have",
        "having", "this", "that", "there", "their", "they", "them", "then", "than", "from", "into", "about", "your",
        "yours", "will", "want", "need", "needs", "know", "like", "just", "tell", "give", "make", "good", "best",
        "also", "only", "very", "much", "many", "some", "more", "most", "patient", "patients", "order", "ordering",
        "today", "please", "thanks", "thank", "hello", "help", "here", "were", "been", "being", "same", "other",
    ], StringComparer.Ordinal);

    private readonly IReadOnlyList<FaqEntry> _entries;
    private readonly KeywordPhrase[] _phrases;
    private readonly FrozenDictionary<string, int[]> _phrasesByFirstToken;
    private readonly FrozenSet<string> _vocabulary;
    private readonly FrozenDictionary<int, string[]> _vocabularyByLength;

    public FaqSearch(GuidanceDocument guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        _entries = guidance.Faq;
        var phrases = new List<KeywordPhrase>();
        for (var entry = 0; entry < _entries.Count; entry++)
        {
            foreach (var keyword in _entries[entry].Keywords)
            {
                var tokens = FaqText.Tokens(keyword);
                if (tokens.Count > 0)
                {
                    // Longer phrases are more specific, so they weigh a little more than a single word.
                    phrases.Add(new KeywordPhrase(entry, [.. tokens], 1.0 + (0.25 * (tokens.Count - 1))));
                }
            }
        }

        _phrases = [.. phrases];
        _phrasesByFirstToken = _phrases
            .Select((phrase, index) => (phrase.Tokens[0], index))
            .GroupBy(p => p.Item1, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.index).ToArray(), StringComparer.Ordinal);
        _vocabulary = _phrases.SelectMany(p => p.Tokens).ToFrozenSet(StringComparer.Ordinal);
        _vocabularyByLength = _vocabulary
            .Where(word => word.Length >= ShortestTypoWord - 1)
            .GroupBy(word => word.Length)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    public FaqSearchResult Search(string query, int maxResults = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        query ??= string.Empty;
        var tokens = FaqText.Tokens(query);
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i] = Canonical(tokens[i]);
        }

        var totals = new double[_entries.Count];
        var touched = new bool[_entries.Count];
        var counted = new bool[_phrases.Length];
        for (var position = 0; position < tokens.Count; position++)
        {
            if (!_phrasesByFirstToken.TryGetValue(tokens[position], out var candidates))
            {
                continue;
            }

            foreach (var index in candidates)
            {
                var phrase = _phrases[index];
                touched[phrase.Entry] = true;
                // Each phrase counts once even if the query repeats it.
                if (!counted[index] && FollowsFrom(phrase.Tokens, tokens, position))
                {
                    counted[index] = true;
                    totals[phrase.Entry] += phrase.Weight;
                }
            }
        }

        var hits = new List<FaqHit>();
        for (var entry = 0; entry < _entries.Count; entry++)
        {
            var score = totals[entry] / (totals[entry] + 1.0);
            if (score >= MatchThreshold)
            {
                hits.Add(new FaqHit(_entries[entry], Math.Round(score, 3)));
            }
        }

        hits.Sort((a, b) => b.Score.CompareTo(a.Score));
        if (hits.Count > maxResults)
        {
            hits.RemoveRange(maxResults, hits.Count - maxResults);
        }

        return new FaqSearchResult(query, hits, hits.Count > 0 ? [] : Suggestions(touched, maxResults));
    }

    private List<FaqEntry> Suggestions(bool[] touched, int count) =>
        [.. _entries.Select((entry, index) => (entry, index)).OrderByDescending(e => touched[e.index]).ThenBy(e => e.index).Take(count).Select(e => e.entry)];

    private static bool FollowsFrom(string[] phrase, List<string> tokens, int start)
    {
        // The rest of the phrase must follow in order, allowing a filler word between ("cannot have an MRI").
        var at = start;
        for (var i = 1; i < phrase.Length; i++)
        {
            var found = -1;
            for (var next = at + 1; next <= at + MaxPhraseGap && next < tokens.Count; next++)
            {
                if (string.Equals(tokens[next], phrase[i], StringComparison.Ordinal))
                {
                    found = next;
                    break;
                }
            }

            if (found < 0)
            {
                return false;
            }

            at = found;
        }

        return true;
    }

    private string Canonical(string token)
    {
        if (_vocabulary.Contains(token) || token.Length < ShortestTypoWord || CommonWords.Contains(token))
        {
            return token;
        }

        var best = token;
        var bestScore = TypoSimilarity - 1;
        for (var length = token.Length - 2; length <= token.Length + 2; length++)
        {
            if (!_vocabularyByLength.TryGetValue(length, out var words))
            {
                continue;
            }

            foreach (var word in words)
            {
                var similarity = Fuzz.Ratio(token, word);
                if (similarity > bestScore)
                {
                    bestScore = similarity;
                    best = word;
                }
            }
        }

        return best;
    }

    private sealed record KeywordPhrase(int Entry, string[] Tokens, double Weight);
}
