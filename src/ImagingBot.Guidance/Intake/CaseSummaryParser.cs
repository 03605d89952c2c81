namespace ImagingBot.Guidance;

/// <summary>
/// Reads a one-line case ("58F, breast cancer in remission, fevers, no weakness") into partial answers.
/// A finding stated present answers yes; a stated absence answers no only when it rules the question out
/// (see <see cref="CaseTerm.SettlesWhenAbsent"/>) and nothing in the line says yes. Unstated items stay null,
/// so the consult still asks them.
/// </summary>
public static class CaseSummaryParser
{
    // Words that start a new clause: negation never reaches past them ("no fever but weak legs").
    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal)
    {
        "but", "however", "although", "though", "while", "with", "presents", "presenting", "reports", "has", "on",
    };

    public static CaseSummary Parse(string? text)
    {
        var findings = new List<Reading>();
        foreach (var sentence in Sentences(text ?? string.Empty))
        {
            ReadSentence(sentence, findings);
        }

        return new CaseSummary(
            new ClinicalAnswers(
                AnswerFor(IntakeQuestionId.SuspectedCancer, findings),
                AnswerFor(IntakeQuestionId.SuspectedInfection, findings),
                AnswerFor(IntakeQuestionId.Immunosuppression, findings),
                AnswerFor(IntakeQuestionId.NeurologicDeficits, findings)),
            [.. findings.Select(r => r.Finding)]);
    }

    private static bool? AnswerFor(IntakeQuestionId question, List<Reading> readings)
    {
        if (readings.Any(r => r.Finding.Question == question && r.Finding.Present))
        {
            return true;
        }

        return readings.Any(r => r.Finding.Question == question && !r.Finding.Present && r.SettlesWhenAbsent) ? false : null;
    }

    /// <summary>Sentences split at . ; : ! ? and at clause-break words; each is a list of comma-separated items.</summary>
    private static List<List<List<string>>> Sentences(string text)
    {
        var sentences = new List<List<List<string>>>();
        var items = new List<List<string>>();
        var words = new List<string>();
        var word = new System.Text.StringBuilder();

        void EndWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            var w = word.ToString();
            word.Clear();
            if (ClauseBreaks.Contains(w))
            {
                EndSentence();
                return;
            }

            words.Add(w);
        }

        void EndItem()
        {
            EndWord();
            if (words.Count > 0)
            {
                items.Add(words);
                words = [];
            }
        }

        void EndSentence()
        {
            EndItem();
            if (items.Count > 0)
            {
                sentences.Add(items);
                items = [];
            }
        }

        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                continue;
            }
            else if (c == ',')
            {
                EndItem();
            }
            else if (c is '.' or ';' or ':' or '!' or '?' or '\n')
            {
                EndSentence();
            }
            else
            {
                EndWord();
            }
        }

        EndSentence();
        return sentences;
    }

    private static void ReadSentence(List<List<string>> items, List<Reading> findings)
    {
        // Negation never crosses a comma: in "no saddle anesthesia, bowel or bladder incontinence" the incontinence
        // is present. Reading a stated finding as absent is the dangerous mistake, so lists under one "denies"
        // must be written without commas ("denies fever or chills") to be read as absent.
        foreach (var item in items)
        {
            ReadItem(item, findings);
        }
    }

    /// <summary>Reads one comma item; a negation cue covers everything after it in the item.</summary>
    private static void ReadItem(List<string> words, List<Reading> findings)
    {
        var negated = false;
        var i = 0;
        while (i < words.Count)
        {
            var cue = CueLength(words, i);
            if (cue > 0)
            {
                negated = true;
                i += cue;
                continue;
            }

            var absence = Match(CaseVocabulary.AbsenceTerms, words, i);
            if (absence is not null)
            {
                Add(findings, new RecognisedFinding(absence.Question, false, absence.Absent), absence.SettlesWhenAbsent);
                i += Length(absence);
                continue;
            }

            var cancer = CancerAt(words, i);
            if (cancer is not null)
            {
                Add(findings, new RecognisedFinding(IntakeQuestionId.SuspectedCancer, !negated, negated ? "no history of cancer" : cancer.Value.Text), settlesWhenAbsent: true);
                i += cancer.Value.Length;
                continue;
            }

            var term = Match(CaseVocabulary.Terms, words, i);
            if (term is not null)
            {
                Add(findings, new RecognisedFinding(term.Question, !negated, negated ? term.Absent : term.Present), term.SettlesWhenAbsent);
                i += Length(term);
                continue;
            }

            i++;
        }
    }

    private static int CueLength(List<string> words, int at)
    {
        foreach (var parts in CaseVocabulary.NegationCues)
        {
            if (At(words, at, parts))
            {
                // "no improvement" is itself a finding, not a negation.
                if (parts is ["no"] && at + 1 < words.Count && words[at + 1] == "improvement")
                {
                    return 0;
                }

                return parts.Length;
            }
        }

        return 0;
    }

    private static (string Text, int Length)? CancerAt(List<string> words, int at)
    {
        if (Array.IndexOf(CaseVocabulary.CancerSites, words[at]) >= 0)
        {
            // "breast cancer", "renal cell carcinoma", "prostate ca"
            for (var next = at + 1; next <= at + 2 && next < words.Count; next++)
            {
                if (Array.IndexOf(CaseVocabulary.CancerWords, words[next]) >= 0)
                {
                    var site = words[at] == "renal" ? "kidney" : words[at];
                    return ($"history of cancer ({site})", next - at + 1);
                }
            }

            if (words[at] == "melanoma")
            {
                return ("history of cancer (melanoma)", 1);
            }

            return null;
        }

        return Array.IndexOf(CaseVocabulary.CancerWords, words[at]) >= 0 && !(words[at] == "ca" && at == 0)
            ? ("history of cancer", 1)
            : null;
    }

    private static CaseTerm? Match(CaseTerm[] terms, List<string> words, int at)
    {
        foreach (var term in terms)
        {
            if (At(words, at, term.Words))
            {
                return term;
            }
        }

        return null;
    }

    private static int Length(CaseTerm term) => term.Words.Length;

    private static bool At(List<string> words, int at, string[] parts)
    {
        if (at + parts.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < parts.Length; k++)
        {
            if (words[at + k] != parts[k])
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(List<Reading> readings, RecognisedFinding finding, bool settlesWhenAbsent)
    {
        if (!readings.Any(r => r.Finding == finding))
        {
            readings.Add(new Reading(finding, settlesWhenAbsent));
        }
    }

    private sealed record Reading(RecognisedFinding Finding, bool SettlesWhenAbsent);
}
