using FrozenWords = System.Collections.Frozen.FrozenSet<string>.AlternateLookup<System.ReadOnlySpan<char>>;

namespace ImagingBot.Guidance;

/// <summary>
/// Reads a one-line case ("45M, acute LBP after lifting, no fever, no weakness, new bladder dysfunction") into partial
/// answers and the findings a clinician confirms. The reader is built to fail safe:
/// <list type="bullet">
/// <item>The emergency screen (cauda equina signs, sepsis) is only ever answered yes from text, never no.</item>
/// <item>A negated single sign ("no fever", "afebrile", "HIV negative") answers nothing: fever is often absent in an
/// epidural abscess and no single absent sign rules out a red flag. Only a phrase that negates the whole question
/// ("no red flags", "no history of cancer", "not immunosuppressed") answers no, and only where it is said directly.</item>
/// <item>A finding stated present anywhere in the line beats any stated absence.</item>
/// <item>Negation covers the rest of its comma item, and the following items only while they read as the same list
/// ("denies fever, chills, night sweats or weight loss"); a positive word ("new", "has", "with", a number), a clause
/// break (". ; : but however") or a writer who repeats the cue item by item ("no trauma, no falls, osteoporosis") ends
/// it. A sign negated only through such a list never lets the list's first item close its question.</item>
/// </list>
/// Anything not stated stays null, so the consult still asks it.
/// </summary>
public static class CaseSummaryParser
{
    private static readonly CaseSummary NothingRead = new(ClinicalAnswers.Empty, [], null, false);

    public static CaseSummary Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? NothingRead : new Reader(text).Read();

    private enum TokenKind : byte
    {
        Word,
        Number,

        /// <summary>A minus attached to a word ("HIV-") or "-ve": a postfix negation.</summary>
        Minus,
        Less,

        /// <summary>A slash between two numbers: "82/50", "3/52".</summary>
        Slash,
    }

    private enum Negation : byte
    {
        None,

        /// <summary>A cue in this item ("no cancer"): may rule a whole question out.</summary>
        Direct,

        /// <summary>Carried over a comma from a list's first item: marks findings absent, never rules a question out.</summary>
        Carried,
    }

    private enum Recency : byte
    {
        Unknown,
        Recent,
        Old,
    }

    [Flags]
    private enum Companions : byte
    {
        None = 0,
        Hypotension = 1,
        Tachycardia = 2,
        Rigors = 4,
        Confusion = 8,
    }

    /// <summary>A word or number of the text; Item is the comma item it belongs to.</summary>
    private readonly record struct Token(int Start, int Length, TokenKind Kind, double Value, int Item, bool AfterColon);

    /// <summary>A comma item: tokens [Start, End) of one sentence.</summary>
    private readonly record struct Item(int Start, int End, int Sentence, int Index);

    /// <summary>One yes/no question: stated present anywhere wins; otherwise ruled out only by a whole-question negation.</summary>
    private struct Answer
    {
        public bool Present;
        public bool RuledOut;

        public readonly bool? Value => Present ? true : RuledOut ? false : null;
    }

    private sealed class Reader
    {
        private const double SixWeeksInDays = 42;
        private const double RecentInDays = 92;

        private readonly char[] _chars;
        private readonly List<Token> _tokens;
        private readonly List<Item> _items = [];
        private readonly List<RecognisedFinding> _findings = [];
        private readonly bool _isQuestion;

        private Answer _cancer;
        private Answer _infection;
        private Answer _immune;
        private Answer _surgery;
        private Answer _major;
        private Answer _pregnant;
        private bool _caudaEquina;
        private bool _sepsis;
        private bool _fever;
        private bool _fracture;
        private Companions _companions;
        private int? _age;
        private bool _childWord;
        private bool _elderlyWord;
        private bool _male;
        private bool _sex;
        private double? _painDays;
        private int _painFinding = -1;
        private bool _acute;
        private bool _chronic;
        private bool _failure;
        private bool _management;
        private bool _explicitFailure;
        private bool _candidate;
        private bool _mri;
        private bool _contrast;
        private bool _kidney;
        private bool _backPain;
        private bool _patientWord;
        private bool _duration;
        private int _resumeAt;

        /// <summary>Questions with a sign negated only by a carried list negation: too uncertain to leave ruled out.</summary>
        private int _carriedAbsence;
        private CaseSign? _lastSign;

        public Reader(string text)
        {
            _chars = new char[text.Length];
            var length = 0;
            foreach (var c in text)
            {
                // "can't" reads as "cant", "pt's" as "pts": apostrophes never split a word.
                if (c is '\'' or '\u2019' or '\u2018' or '`')
                {
                    continue;
                }

                _chars[length++] = c switch
                {
                    '\u2013' or '\u2014' or '\u2212' => '-',
                    '\u2264' => '<',
                    _ => char.ToLowerInvariant(c),
                };
            }

            _tokens = new List<Token>((length / 4) + 4);
            Tokenize(length);
            _isQuestion = text.AsSpan().TrimEnd().EndsWith("?", StringComparison.Ordinal)
                || (_tokens.Count > 0 && _tokens[0].Kind == TokenKind.Word && CaseVocabulary.QuestionStarts.Contains(Text(0)));
        }

        public CaseSummary Read()
        {
            var carry = false;
            var previousHadCue = false;
            var sentence = -1;
            foreach (var item in _items)
            {
                if (item.Sentence != sentence)
                {
                    sentence = item.Sentence;
                    carry = false;
                    previousHadCue = false;
                }

                carry = ReadItem(item, carry && IsListItem(item), out var hadCue);

                // A writer who repeats the cue ("no trauma, no falls, osteoporosis") negates item by item: a bare item
                // after that is stated, not part of a list. Reading less absence is the safe side.
                if (hadCue && previousHadCue)
                {
                    carry = false;
                }

                previousHadCue = hadCue;
            }

            return Summary();
        }

        private ReadOnlySpan<char> Text(int token) => _chars.AsSpan(_tokens[token].Start, _tokens[token].Length);

        /// <summary>The token's text when it is inside the item, else empty: lets look-arounds stay in their item.</summary>
        private ReadOnlySpan<char> At(int token, Item item) =>
            token >= item.Start && token < item.End ? Text(token) : [];

        private void Tokenize(int length)
        {
            var itemStart = 0;
            var sentence = 0;
            var afterColon = false;
            var i = 0;
            while (i < length)
            {
                var c = _chars[i];
                if (char.IsLetter(c))
                {
                    var start = i;
                    var segment = i;
                    while (i < length && char.IsLetter(_chars[i]))
                    {
                        i++;
                    }

                    // Short abbreviations keep their slash or dot: "s/p", "y/o", "w/o", "b/l", "y.o.".
                    while (i - segment <= 2 && i + 1 < length && (_chars[i] is '/' or '.') && char.IsLetter(_chars[i + 1]))
                    {
                        var end = i + 1;
                        while (end < length && char.IsLetter(_chars[end]))
                        {
                            end++;
                        }

                        if (end - i - 1 > 2 || (end < length && char.IsDigit(_chars[end])))
                        {
                            break;
                        }

                        segment = i + 1;
                        i = end;
                    }

                    Add(start, i - start, TokenKind.Word, 0);
                }
                else if (char.IsAsciiDigit(c))
                {
                    var start = i;
                    double value = 0;
                    while (i < length && char.IsAsciiDigit(_chars[i]))
                    {
                        value = (value * 10) + (_chars[i] - '0');
                        i++;
                    }

                    if (i + 1 < length && _chars[i] == '.' && char.IsAsciiDigit(_chars[i + 1]))
                    {
                        i++;
                        var scale = 0.1;
                        while (i < length && char.IsAsciiDigit(_chars[i]))
                        {
                            value += (_chars[i] - '0') * scale;
                            scale /= 10;
                            i++;
                        }
                    }

                    Add(start, i - start, TokenKind.Number, value);
                }
                else
                {
                    switch (c)
                    {
                        case ',':
                            EndItem();
                            break;
                        case '.' or ';' or '!' or '?' or '\n' or '\r':
                            EndItem();
                            sentence++;
                            break;
                        case ':':
                            EndItem();
                            sentence++;
                            afterColon = true;
                            break;
                        case '-':
                            {
                                var attached = i > 0 && char.IsLetterOrDigit(_chars[i - 1]);
                                var beforeWord = i + 1 < length && char.IsLetterOrDigit(_chars[i + 1]);
                                var ve = i + 2 < length && _chars[i + 1] == 'v' && _chars[i + 2] == 'e' && (i + 3 == length || !char.IsLetter(_chars[i + 3]));
                                if ((attached && !beforeWord) || ve)
                                {
                                    Add(i, 1, TokenKind.Minus, 0);
                                }

                                break;
                            }

                        case '/' when _tokens.Count > 0 && _tokens[^1].Kind == TokenKind.Number && _tokens[^1].Start + _tokens[^1].Length == i
                            && i + 1 < length && char.IsAsciiDigit(_chars[i + 1]):
                            Add(i, 1, TokenKind.Slash, 0);
                            break;
                        case '<':
                            Add(i, 1, TokenKind.Less, 0);
                            break;
                        default:
                            break;
                    }

                    i++;
                }
            }

            EndItem();

            void Add(int start, int count, TokenKind kind, double value)
            {
                _tokens.Add(new Token(start, count, kind, value, _items.Count, afterColon));
                afterColon = false;
            }

            void EndItem()
            {
                if (_tokens.Count > itemStart)
                {
                    _items.Add(new Item(itemStart, _tokens.Count, sentence, _items.Count));
                }

                itemStart = _tokens.Count;
            }
        }

        /// <summary>Reads one comma item; returns whether its negation carries on to the next item of the list.</summary>
        private bool ReadItem(Item item, bool carried, out bool hadCue)
        {
            hadCue = false;
            _lastSign = null;
            var negation = carried ? Negation.Carried : Negation.None;
            var negatedATerm = false;
            var joined = false;
            var i = Math.Max(item.Start, _resumeAt);
            if (i >= item.End)
            {
                return false;
            }

            while (i < item.End)
            {
                var word = Text(i);
                if (_tokens[i].Kind == TokenKind.Word && (CaseVocabulary.ClauseBreaks.Contains(word) || (word is "other" && At(i + 1, item) is "than")))
                {
                    negation = Negation.None;
                    i++;
                    continue;
                }

                var numeric = ReadNumeric(i, item);
                if (numeric > 0)
                {
                    // A number says something is there: "no fever, 3 days of pain".
                    if (negatedATerm)
                    {
                        negation = Negation.None;
                    }

                    i += numeric;
                    continue;
                }

                if (Match(i, item, out var end) is { } term)
                {
                    // "mother had breast cancer", "FHx colon ca": a relative's cancer is no red flag of the patient's.
                    if (term.Sign == CaseSign.Cancer && Near(i, end, item, 3, CaseVocabulary.Relatives))
                    {
                        i = end;
                        continue;
                    }

                    // A carried negation never flips a stated absence: in "not immunosuppressed, neuro intact" the
                    // patient is intact, not in deficit.
                    var negated = negation == Negation.Direct || (negation == Negation.Carried && !term.StatesAbsence);
                    var direct = negation == Negation.Direct;
                    if (PostfixNegation(end, item, out var afterPostfix))
                    {
                        negated = true;
                        direct = true;
                        end = afterPostfix;
                    }

                    Apply(term, i, end, item, negated, direct);
                    negatedATerm |= negated;
                    i = end;
                    continue;
                }

                if (CaseVocabulary.Conjunctions.Contains(word))
                {
                    joined = true;
                }

                var cue = CueLength(i, item);
                if (cue > 0)
                {
                    hadCue = true;
                    negation = Negation.Direct;
                    negatedATerm = false;
                    i += cue;
                    continue;
                }

                if (negation != Negation.None && negatedATerm && CaseVocabulary.PositiveCues.Contains(word))
                {
                    negation = Negation.None;
                }

                i++;
            }

            _resumeAt = Math.Max(_resumeAt, i);
            return negation != Negation.None && !joined;
        }

        /// <summary>A short item without a positive word continues a negated list: "denies fever, chills, night sweats".</summary>
        private bool IsListItem(Item item)
        {
            var words = 0;
            for (var i = item.Start; i < item.End; i++)
            {
                var word = Text(i);
                if (_tokens[i].Kind == TokenKind.Number || CaseVocabulary.PositiveCues.Contains(word))
                {
                    return false;
                }

                if (_tokens[i].Kind == TokenKind.Word && !CaseVocabulary.ListFillers.Contains(word))
                {
                    words++;
                }
            }

            return words is > 0 and <= 4;
        }

        private CaseTerm? Match(int start, Item item, out int end)
        {
            end = start;
            if (_tokens[start].Kind is not (TokenKind.Word or TokenKind.Number)
                || !CaseVocabulary.TermsByFirstWord.TryGetValue(Text(start), out var terms))
            {
                return null;
            }

            foreach (var term in terms)
            {
                var words = term.Words;
                if (start + words.Length > item.End)
                {
                    continue;
                }

                var k = 1;
                while (k < words.Length && Text(start + k).SequenceEqual(words[k]))
                {
                    k++;
                }

                if (k == words.Length && Fits(term, start, start + k, item))
                {
                    end = start + k;
                    return term;
                }
            }

            return null;
        }

        /// <summary>The few terms whose meaning depends on their neighbours.</summary>
        private bool Fits(CaseTerm term, int start, int end, Item item) => term.Sign switch
        {
            // "Retention" alone is urinary only next to a urinary word: "fluid retention" is not cauda equina.
            CaseSign.CaudaEquina when term.Words is ["retention"] => Near(start, end, item, 4, CaseVocabulary.UrinaryWords),
            CaseSign.NoMri => !CaseVocabulary.NotDoneYet.Contains(At(end, item)),
            CaseSign.Child => !CaseVocabulary.OthersChildBefore.Contains(At(start - 1, item))
                && !CaseVocabulary.OthersChildBefore.Contains(At(start - 2, item))
                && !CaseVocabulary.ChildCompoundAfter.Contains(At(end, item)),
            CaseSign.ChronicBackPain when term.Words is ["chronic"] => end == item.End,
            _ => true,
        };

        private bool Near(int start, int end, Item item, int distance, FrozenWords words)
        {
            for (var j = Math.Max(item.Start, start - distance); j < start; j++)
            {
                if (words.Contains(Text(j)))
                {
                    return true;
                }
            }

            for (var j = end; j < Math.Min(item.End, end + distance); j++)
            {
                if (words.Contains(Text(j)))
                {
                    return true;
                }
            }

            return false;
        }

        private int CueLength(int start, Item item)
        {
            foreach (var cue in CaseVocabulary.NegationCues)
            {
                if (start + cue.Length > item.End)
                {
                    continue;
                }

                var k = 0;
                while (k < cue.Length && Text(start + k).SequenceEqual(cue[k]))
                {
                    k++;
                }

                if (k == cue.Length)
                {
                    return k;
                }
            }

            return 0;
        }

        /// <summary>
        /// "HIV negative", "HIV-", "HIV -ve", "HIV test negative", "steroids: none", "infection ruled out", and with a
        /// verb between: "fever is absent", "weight loss was denied", "weight loss not present".
        /// </summary>
        private bool PostfixNegation(int end, Item item, out int after)
        {
            after = end;
            var j = end;
            if (j < item.End && _tokens[j].Kind == TokenKind.Minus)
            {
                j++;
                after = j < item.End && Text(j) is "ve" ? j + 1 : j;
                return true;
            }

            if (j < item.End && CaseVocabulary.PostfixFillers.Contains(Text(j)))
            {
                j++;
            }

            if (j < item.End && Text(j) is "is" or "was" or "are" or "were")
            {
                j++;
            }

            if (j >= _tokens.Count)
            {
                return false;
            }

            var token = _tokens[j];
            if (token.Item == item.Index)
            {
                var word = Text(j);
                if (CaseVocabulary.PostfixNegations.Contains(word))
                {
                    after = j + 1;
                    return true;
                }

                if ((word is "ruled" && j + 1 < item.End && Text(j + 1) is "out") || NotFound(j))
                {
                    after = j + 2;
                    return true;
                }

                return false;
            }

            // After a colon only a lone answer counts: "Red flags: none", never "Red flags: no weight loss, ...".
            var alone = j + 1 >= _tokens.Count || _tokens[j + 1].Item != token.Item;
            if (token.AfterColon && alone && (CaseVocabulary.PostfixNegations.Contains(Text(j)) || Text(j) is "no"))
            {
                after = j + 1;
                return true;
            }

            // "Weight loss: not present".
            if (token.AfterColon && NotFound(j) && (j + 2 >= _tokens.Count || _tokens[j + 2].Item != token.Item))
            {
                after = j + 2;
                return true;
            }

            return false;

            // "not present", "not reported": the two words in one item.
            bool NotFound(int at) => at + 1 < _tokens.Count && _tokens[at + 1].Item == _tokens[at].Item
                && Text(at) is "not" && CaseVocabulary.NotFoundWords.Contains(Text(at + 1));
        }

        private void Apply(CaseTerm term, int start, int end, Item item, bool negated, bool direct)
        {
            _lastSign = term.Sign;
            if (negated != term.StatesAbsence)
            {
                Absent(term, start, item, directly: term.StatesAbsence || direct);
            }
            else
            {
                Present(term, start, end, item);
            }
        }

        private void Absent(CaseTerm term, int start, Item item, bool directly)
        {
            if (QuestionOf(term.Sign) is not { } question)
            {
                return;
            }

            if (!directly)
            {
                _carriedAbsence |= 1 << (int)question;
            }

            // Only a whole-question phrase negated in its own item rules a question out; never the emergency screen.
            var rulesOut = term.RulesOut && directly && (term.Sign != CaseSign.Surgery || SurgeryNegatedAsAWhole(start, item));
            if (rulesOut)
            {
                switch (term.Sign)
                {
                    case CaseSign.Cancer:
                        _cancer.RuledOut = true;
                        break;
                    case CaseSign.Infection:
                        _infection.RuledOut = true;
                        break;
                    case CaseSign.Immunosuppression:
                        _immune.RuledOut = true;
                        break;
                    case CaseSign.RedFlags:
                        _cancer.RuledOut = true;
                        _infection.RuledOut = true;
                        _immune.RuledOut = true;
                        break;
                    case CaseSign.LumbarSurgery or CaseSign.Surgery:
                        _surgery.RuledOut = true;
                        break;
                    case CaseSign.Fall or CaseSign.Trauma:
                        _major.RuledOut = true;
                        break;
                    case CaseSign.Pregnancy:
                        _pregnant.RuledOut = true;
                        break;
                    default:
                        rulesOut = false;
                        break;
                }
            }

            Add(question, false, term.Absent, rulesOut);
        }

        /// <summary>"No prior surgery" rules lumbar surgery out; "no knee surgery" does not.</summary>
        private bool SurgeryNegatedAsAWhole(int start, Item item) =>
            At(start - 1, item) is "no" or "not" or "denies" or "denied" or "without" or "prior" or "previous" or "past"
                or "any" or "of" or "never" or "nor" or "w/o";

        private void Present(CaseTerm term, int start, int end, Item item)
        {
            switch (term.Sign)
            {
                case CaseSign.CaudaEquina:
                    _caudaEquina = true;
                    Add(IntakeQuestionId.CaudaEquina, true, At(start - 1, item) is "new" ? "new " + term.Present : term.Present, true);
                    break;
                case CaseSign.Sepsis:
                    _sepsis = true;
                    _infection.Present = true;
                    Add(IntakeQuestionId.Sepsis, true, term.Present, true);
                    break;
                case CaseSign.Fever:
                    _fever = true;
                    _infection.Present = true;
                    Add(IntakeQuestionId.SuspectedInfection, true, term.Present, true);
                    break;
                case CaseSign.Rigors:
                    _companions |= Companions.Rigors;
                    _infection.Present = true;
                    Add(IntakeQuestionId.SuspectedInfection, true, term.Present, true);
                    break;
                case CaseSign.SepsisCompanion:
                    _companions |= term.Present switch
                    {
                        "hypotension" => Companions.Hypotension,
                        "tachycardia" => Companions.Tachycardia,
                        _ => Companions.Confusion,
                    };
                    Add(IntakeQuestionId.Sepsis, true, term.Present, false);
                    break;
                case CaseSign.Infection:
                    _infection.Present = true;
                    Add(IntakeQuestionId.SuspectedInfection, true, term.Present, true);
                    break;
                case CaseSign.SpinalProcedure:
                    SpinalProcedure(term, start, end, item);
                    break;
                case CaseSign.InjectionNote:
                    if (!Planned(term, start, end, item))
                    {
                        Add(IntakeQuestionId.SuspectedInfection, true, term.Present, false);
                    }

                    break;
                case CaseSign.Intervention or CaseSign.Surgery:
                    Planned(term, start, end, item);
                    break;
                case CaseSign.InterventionCandidate:
                    _candidate = true;
                    Add(IntakeQuestionId.Course, true, term.Present, false);
                    break;
                case CaseSign.Cancer:
                    _cancer.Present = true;
                    Add(IntakeQuestionId.SuspectedCancer, true, term.Present, true);
                    break;
                case CaseSign.Immunosuppression:
                    _immune.Present = true;
                    Add(IntakeQuestionId.Immunosuppression, true, term.Present, true);
                    break;
                case CaseSign.ChronicSteroids:
                    if (ShortCourse(term, start, end, item))
                    {
                        Add(IntakeQuestionId.Immunosuppression, true, "steroids (short course or not systemic: not chronic use)", false);
                    }
                    else
                    {
                        // Chronic steroids belong to two variants: fracture risk (6) and immunosuppression (7).
                        _immune.Present = true;
                        _fracture = true;
                        Add(IntakeQuestionId.Immunosuppression, true, term.Present, true);
                    }

                    break;
                case CaseSign.DiabetesNote:
                    Add(IntakeQuestionId.Immunosuppression, true, term.Present, false);
                    break;
                case CaseSign.LumbarSurgery:
                    LumbarSurgery(term, start, end, item);
                    break;
                case CaseSign.FractureRisk:
                    _fracture = true;
                    Add(IntakeQuestionId.FractureRisk, true, term.Present, true);
                    break;
                case CaseSign.Fall:
                    Fall(end, item);
                    break;
                case CaseSign.MajorTrauma:
                    MajorTrauma(term.Present);
                    break;
                case CaseSign.Trauma when term.Present.Length > 0:
                    Add(IntakeQuestionId.MajorTrauma, true, term.Present, false);
                    break;
                case CaseSign.Pregnancy:
                    _pregnant.Present = true;
                    Add(IntakeQuestionId.Pregnancy, true, term.Present, true);
                    break;
                case CaseSign.Male:
                    Male();
                    break;
                case CaseSign.Female:
                    _sex = true;
                    break;
                case CaseSign.Child:
                    _childWord = true;
                    Add(IntakeQuestionId.Age, true, term.Present, _age is null);
                    break;
                case CaseSign.Elderly:
                    _elderlyWord = true;
                    Add(IntakeQuestionId.Age, true, term.Present, _age is null);
                    break;
                case CaseSign.BackPain:
                    _backPain = true;
                    break;
                case CaseSign.AcuteBackPain:
                    _backPain = true;
                    _acute = true;
                    break;
                case CaseSign.ChronicBackPain:
                    _backPain = true;
                    _chronic = true;
                    break;
                case CaseSign.PatientWord:
                    _patientWord = true;
                    break;
                case CaseSign.Pt:
                    _patientWord = true;
                    // "failed PT", "6 weeks of PT", "PT for 8 weeks": physical therapy, not the patient.
                    _management |= CaseVocabulary.TherapyBeforePt.Contains(At(start - 1, item)) || At(end, item) is "for" or "x";
                    break;
                case CaseSign.MriNotPossible or CaseSign.NoMri:
                    _mri = true;
                    Add(IntakeQuestionId.Contraindication, true, term.Present, true);
                    break;
                case CaseSign.ContrastNotPossible:
                    _contrast = true;
                    Add(IntakeQuestionId.Contraindication, true, term.Present, true);
                    break;
                case CaseSign.SevereKidneyDisease:
                    _kidney = true;
                    Add(IntakeQuestionId.Contraindication, true, term.Present, true);
                    break;
                case CaseSign.ImplantNote or CaseSign.ContrastAllergyNote:
                    Add(IntakeQuestionId.Contraindication, true, term.Present, false);
                    break;
                case CaseSign.FailureWord:
                    _failure = true;
                    break;
                case CaseSign.ManagementWord:
                    _management = true;
                    break;
                case CaseSign.FailedManagement:
                    _failure = true;
                    _management = true;
                    _explicitFailure = true;
                    Add(IntakeQuestionId.Course, true, term.Present, false);
                    break;
                default:
                    break;
            }
        }

        private static IntakeQuestionId? QuestionOf(CaseSign sign) => sign switch
        {
            CaseSign.CaudaEquina => IntakeQuestionId.CaudaEquina,
            CaseSign.Sepsis or CaseSign.SepsisCompanion => IntakeQuestionId.Sepsis,
            CaseSign.Fever or CaseSign.Rigors or CaseSign.Infection or CaseSign.SpinalProcedure or CaseSign.InjectionNote
                => IntakeQuestionId.SuspectedInfection,
            CaseSign.Cancer or CaseSign.RedFlags => IntakeQuestionId.SuspectedCancer,
            CaseSign.Immunosuppression or CaseSign.ChronicSteroids or CaseSign.DiabetesNote => IntakeQuestionId.Immunosuppression,
            CaseSign.LumbarSurgery or CaseSign.Surgery => IntakeQuestionId.PriorLumbarSurgery,
            CaseSign.FractureRisk => IntakeQuestionId.FractureRisk,
            CaseSign.Fall or CaseSign.MajorTrauma or CaseSign.Trauma => IntakeQuestionId.MajorTrauma,
            CaseSign.Pregnancy => IntakeQuestionId.Pregnancy,
            CaseSign.MriNotPossible or CaseSign.NoMri or CaseSign.ImplantNote or CaseSign.ContrastNotPossible
                or CaseSign.ContrastAllergyNote or CaseSign.SevereKidneyDisease => IntakeQuestionId.Contraindication,
            _ => null,
        };

        /// <summary>A spinal injection or procedure: planned (variant 3), or past and recent or undated (infection).</summary>
        private void SpinalProcedure(CaseTerm term, int start, int end, Item item)
        {
            if (Planned(term, start, end, item))
            {
                return;
            }

            if (WhenDone(start, end, item) == Recency.Old)
            {
                Add(IntakeQuestionId.SuspectedInfection, true, term.Present + " (not recent)", false);
                return;
            }

            _infection.Present = true;
            Add(IntakeQuestionId.SuspectedInfection, true, term.Present + " (recent spinal procedure)", true);
        }

        private void LumbarSurgery(CaseTerm term, int start, int end, Item item)
        {
            if (Planned(term, start, end, item))
            {
                return;
            }

            _surgery.Present = true;
            Add(IntakeQuestionId.PriorLumbarSurgery, true, term.Present, true);

            // Spinal surgery within about three months is a recent spinal procedure: an infection red flag.
            if (WhenDone(start, end, item) == Recency.Recent)
            {
                _infection.Present = true;
                Add(IntakeQuestionId.SuspectedInfection, true, "recent spinal surgery (infection red flag)", true);
            }
        }

        /// <summary>
        /// True (and the patient is a surgery or intervention candidate) when the intervention is planned or considered
        /// ("referred for an injection", "surgical consult") rather than done.
        /// </summary>
        private bool Planned(CaseTerm term, int start, int end, Item item)
        {
            if (!IsPlan(start, end, item))
            {
                return false;
            }

            _candidate = true;
            Add(IntakeQuestionId.Course, true, $"surgery or intervention candidate ({term.Phrase})", false);
            return true;
        }

        private bool IsPlan(int start, int end, Item item)
        {
            if (WhenDone(start, end, item) != Recency.Unknown)
            {
                return false;
            }

            for (var j = start - 1; j >= item.Start && j >= start - 4; j--)
            {
                var word = Text(j);
                if (_tokens[j].Kind == TokenKind.Number || CaseVocabulary.PastBefore.Contains(word))
                {
                    return false;
                }

                if (CaseVocabulary.PlanBefore.Contains(word))
                {
                    return true;
                }
            }

            return CaseVocabulary.PlanAfter.Contains(At(end, item)) || CaseVocabulary.PlanAfter.Contains(At(end + 1, item));
        }

        /// <summary>When a procedure happened, from its item: "2 weeks ago", "recent", "6 weeks after", "last month", "POD 3".</summary>
        private Recency WhenDone(int start, int end, Item item)
        {
            // Before the operation (and its level): "recent fusion", "POD 5 L4-5 fusion", "day 5 after fusion".
            var before = LevelStart(start, item);
            for (var j = Math.Max(item.Start, before - 3); j < before; j++)
            {
                if (Text(j) is "recent" or "recently" or "pod" || (Text(j) is "day" && _tokens[j + 1].Kind == TokenKind.Number))
                {
                    return Recency.Recent;
                }
            }

            for (var (j, words) = (LevelEnd(end, item), 0); j < item.End && words <= 5; j = LevelEnd(j + 1, item), words++)
            {
                var word = Text(j);
                if (word is "yesterday" or "today" or "pod" || (word is "day" && j + 1 < item.End && _tokens[j + 1].Kind == TokenKind.Number))
                {
                    return Recency.Recent;
                }

                if (word is "last")
                {
                    var next = At(j + 1, item);
                    if (next is "week" or "month" or "night" or "weekend")
                    {
                        return Recency.Recent;
                    }

                    if (next is "year")
                    {
                        return Recency.Old;
                    }
                }

                if (At(j + 1, item) is "ago")
                {
                    if (word is "days" or "weeks")
                    {
                        return Recency.Recent;
                    }

                    if (word is "years")
                    {
                        return Recency.Old;
                    }
                }

                if (DurationAt(j, item, out var days, out var length) && At(j + length, item) is "ago")
                {
                    return days <= RecentInDays ? Recency.Recent : Recency.Old;
                }
            }

            for (var j = Math.Max(item.Start, before - 6); j < before; j++)
            {
                if (DurationAt(j, item, out var days, out var length) && j + length < before
                    && Text(j + length) is "after" or "post" or "following" or "since")
                {
                    return days <= RecentInDays ? Recency.Recent : Recency.Old;
                }
            }

            return Recency.Unknown;
        }

        /// <summary>A short or non-systemic steroid course ("prednisone burst", "inhaled steroids") is not chronic use.</summary>
        private bool ShortCourse(CaseTerm term, int start, int end, Item item)
        {
            if (term.Words[0] is "chronic" or "long" or "daily")
            {
                return false;
            }

            if (Near(start, end, item, 3, CaseVocabulary.ShortSteroidWords))
            {
                return true;
            }

            return At(end, item) is "for" && DurationAt(end + 1, item, out var days, out _) && days < SixWeeksInDays;
        }

        /// <summary>A fall from standing is low-velocity trauma (variant 6); a fall from a height is high-energy trauma.</summary>
        private void Fall(int end, Item item)
        {
            for (var j = end; j < item.End && j < end + 5; j++)
            {
                var word = Text(j);
                if (CaseVocabulary.LowFallWords.Contains(word))
                {
                    break;
                }

                if (CaseVocabulary.HeightWords.Contains(word))
                {
                    MajorTrauma("fall from a height (high-energy trauma)");
                    return;
                }
            }

            _fracture = true;
            var standing = false;
            for (var j = end; j < item.End && j < end + 4; j++)
            {
                standing |= Text(j) is "standing" or "own" or "ground";
            }

            Add(IntakeQuestionId.FractureRisk, true, standing ? "fall from standing (low-velocity trauma)" : "fall (low-velocity trauma)", true);
        }

        private void MajorTrauma(string text)
        {
            _major.Present = true;

            // One mechanism is enough on the card: "high-speed motorcycle crash" is one finding, not three.
            foreach (var finding in _findings)
            {
                if (finding is { Question: IntakeQuestionId.MajorTrauma, Present: true, AnswersQuestion: true })
                {
                    return;
                }
            }

            Add(IntakeQuestionId.MajorTrauma, true, text, true);
        }

        private void Male()
        {
            _sex = true;
            if (!_male)
            {
                _male = true;
                Add(IntakeQuestionId.Pregnancy, false, "male", true);
            }
        }

        private void SetAge(int years)
        {
            if (_age is null)
            {
                _age = years;
                Add(IntakeQuestionId.Age, true, "age " + years.ToString(System.Globalization.CultureInfo.InvariantCulture), true);
            }
        }

        /// <summary>Numbers with their meaning: ages, durations, temperature, blood pressure, heart rate, kidney function.</summary>
        private int ReadNumeric(int i, Item item)
        {
            if (_tokens[i].Kind == TokenKind.Number)
            {
                return ReadNumber(i, item);
            }

            if (_tokens[i].Kind != TokenKind.Word)
            {
                return 0;
            }

            var word = Text(i);
            switch (word)
            {
                case "t" or "temp" or "temperature" or "tmax" or "tm":
                    return Temperature(i, item);
                case "bp" or "sbp":
                    return BloodPressure(i, i + 1, item);
                case "blood" when At(i + 1, item) is "pressure":
                    return BloodPressure(i, i + 2, item);
                case "hr" or "pulse":
                    return HeartRate(i, i + 1, item);
                case "heart" when At(i + 1, item) is "rate":
                    return HeartRate(i, i + 2, item);
                case "egfr" or "gfr" or "crcl":
                    return KidneyFunction(i, item);
                case "age" or "aged":
                    if (NumberAfter(i, item) is { } at && IsWhole(_tokens[at].Value) && _tokens[at].Value is >= 1 and <= 120)
                    {
                        SetAge((int)_tokens[at].Value);
                        return at - i + 1;
                    }

                    return 0;
                case "s/p" when At(i + 1, item) is "l" && i + 2 < item.End && _tokens[i + 2].Kind == TokenKind.Number:
                    return SurgicalLevel(i, item);
                case "since":
                    return At(i + 1, item) switch
                    {
                        "yesterday" or "today" => ReadDuration(i, 2, 1, item),
                        "this" or "last" when At(i + 2, item) is "morning" or "evening" or "afternoon" or "night" => ReadDuration(i, 3, 1, item),
                        "last" when At(i + 2, item) is "week" => ReadDuration(i, 3, 7, item),
                        _ => 0,
                    };
                case "for" or "over" when At(i + 1, item) is "months" or "years":
                    return 1 + ReadDuration(i + 1, 1, At(i + 1, item) is "months" ? 61 : 730, item);
                default:
                    return DurationAt(i, item, out var days, out var length) ? ReadDuration(i, length, days, item) : 0;
            }
        }

        private int ReadNumber(int i, Item item)
        {
            var value = _tokens[i].Value;
            if (i + 2 < item.End && _tokens[i + 1].Kind == TokenKind.Slash && _tokens[i + 2].Kind == TokenKind.Number)
            {
                var over = _tokens[i + 2].Value;

                // UK shorthand for durations: 3/7 days, 2/52 weeks, 6/12 months.
                if (IsWhole(value) && value >= 1 && ((over == 7 && value <= 31) || (over == 52 && value < 52) || (over == 12 && value < 12)))
                {
                    return ReadDuration(i, 3, value * (over == 7 ? 1 : over == 52 ? 7 : 30.4), item);
                }

                if (value is >= 50 and <= 250 && over is >= 20 and <= 160 && over < value)
                {
                    Pressure(i, 3);
                }

                return 3;
            }

            var age = Age(i, item);
            if (age > 0)
            {
                return age;
            }

            if (DurationAt(i, item, out var days, out var length))
            {
                return ReadDuration(i, length, days, item);
            }

            var unit = At(i + 1, item);
            if (unit is "c" or "f" or "degrees" or "deg")
            {
                return ReadTemperature(i, unit is "f" ? 'f' : unit is "c" ? 'c' : ' ') ? 2 : 0;
            }

            return 0;
        }

        /// <summary>"82F", "82 F", "82-year-old", "82 yo", "82 y/o", "82 yrs", "82 years of age", "a 45 male".</summary>
        private int Age(int i, Item item)
        {
            var value = _tokens[i].Value;
            if (!IsWhole(value) || value is < 1 or > 120 || i + 1 >= item.End)
            {
                return 0;
            }

            var years = (int)value;
            var next = Text(i + 1);

            // "mother of a 3 year old", "lifting her 2-year-old": someone else's age, and not a duration either.
            if (At(i - 1, item) is "of" || CaseVocabulary.OthersChildBefore.Contains(At(i - 1, item))
                || (At(i - 1, item) is "a" && (At(i - 2, item) is "of" || CaseVocabulary.OthersChildBefore.Contains(At(i - 2, item)))))
            {
                var length = next is "year" or "years" or "yr" or "yrs" && At(i + 2, item) is "old" ? 3
                    : next is "yo" or "y/o" or "y.o" ? 2
                    : 0;
                return length;
            }

            var opensCase = i == item.Start || CaseVocabulary.BeforeAge.Contains(At(i - 1, item));
            if (next is "yo" or "y/o" or "y.o" or "yoa" or "yom" or "yof")
            {
                SetAge(years);
                if (next is "yom")
                {
                    Male();
                }

                _sex |= next is "yof";
                return 2;
            }

            if (next is "year" or "years" or "yr" or "yrs" or "y")
            {
                if (At(i + 2, item) is "old")
                {
                    SetAge(years);
                    return 3;
                }

                if (At(i + 2, item) is "of" && At(i + 3, item) is "age")
                {
                    SetAge(years);
                    return 4;
                }

                if (opensCase && _age is null && (i + 2 == item.End || CaseVocabulary.SexAfterAge.Contains(Text(i + 2))))
                {
                    SetAge(years);
                    return 2;
                }

                return 0;
            }

            if (opensCase && CaseVocabulary.SexAfterAge.Contains(next)
                && At(i + 2, item) is not ("of" or "ago" or "history" or "hx" or "duration"))
            {
                SetAge(years);
                if (next is "m")
                {
                    Male();
                    return 2;
                }

                if (next is "f")
                {
                    _sex = true;
                    return 2;
                }

                // "45 male": the sex word is read as a term.
                return 1;
            }

            return 0;
        }

        /// <summary>A duration at i: "3 days", "two weeks", "a month", "several months"; false when none starts there.</summary>
        private bool DurationAt(int i, Item item, out double days, out int length)
        {
            days = 0;
            length = 0;
            if (i < item.Start || i >= item.End)
            {
                return false;
            }

            double count;
            var unitAt = i + 1;
            var word = Text(i);
            if (_tokens[i].Kind == TokenKind.Number)
            {
                count = _tokens[i].Value;
            }
            else if (CaseVocabulary.NumberWords.TryGetValue(word, out count))
            {
                if (word is "a" or "an")
                {
                    // "a few days", "a couple of weeks"; a bare "a week" only where it is a duration ("twice a day" is not).
                    if (At(unitAt, item) is "few" or "couple")
                    {
                        count = 3;
                        unitAt++;
                    }
                    else if (!(i == item.Start || At(i - 1, item) is "for" or "over" or "past" or "last" or "about" or "around"
                        or "almost" or "nearly" or "than" or "x" or "since" or "within") && At(i + 2, item) is not "ago")
                    {
                        return false;
                    }
                }

                if (At(unitAt, item) is "of")
                {
                    unitAt++;
                }

                // "Several weeks" may be more or less than six: leave it to the question.
                if (word is "several" && At(unitAt, item) is "weeks")
                {
                    return false;
                }
            }
            else
            {
                return false;
            }

            if (!CaseVocabulary.DaysPerUnit.TryGetValue(At(unitAt, item), out var perUnit))
            {
                return false;
            }

            days = count * perUnit;
            length = unitAt - i + 1;
            return true;
        }

        /// <summary>A duration read: pain duration unless it dates an event ("2 weeks ago", "2 years after a fusion").</summary>
        private int ReadDuration(int i, int length, double days, Item item)
        {
            _duration = true;
            var next = At(i + length, item);
            if (next is "ago")
            {
                return length + 1;
            }

            // "30 weeks pregnant", "30 weeks of gestation", "GA 30 weeks", "G2P1 at 30 weeks": a gestation, not the pain's.
            var before = i > item.Start ? Text(i - 1) : [];
            if (next is "pregnant" or "gestation" or "gestational" or "pregnancy"
                || (next is "of" && At(i + length + 1, item) is "pregnancy" or "gestation")
                || before is "ga" || (before is "at" && ObstetricHistoryIn(item)))
            {
                _pregnant.Present = true;
                Add(IntakeQuestionId.Pregnancy, true, $"pregnant ({Span(i, length)})", true);
                return length + 1;
            }

            if (next is "after" or "post" or "following" or "since" && EventFollows(i + length + 1, item))
            {
                return length;
            }

            // "on prednisone for 2 years", "fever for 3 days": how long that sign lasted, not the back pain.
            if (_lastSign is CaseSign.Immunosuppression or CaseSign.ChronicSteroids or CaseSign.Cancer or CaseSign.Fever
                or CaseSign.Infection or CaseSign.Sepsis or CaseSign.SpinalProcedure or CaseSign.InjectionNote
                or CaseSign.LumbarSurgery or CaseSign.Pregnancy or CaseSign.SevereKidneyDisease or CaseSign.DiabetesNote
                or CaseSign.CaudaEquina or CaseSign.SepsisCompanion or CaseSign.Rigors)
            {
                return length;
            }

            // "LBP < 6 weeks": under that time, so "< 6 weeks" is acute where "6 weeks" is not.
            var under = i > item.Start && _tokens[i - 1].Kind == TokenKind.Less;
            if (under)
            {
                days = Math.Max(0, days - 1);
            }

            Add(IntakeQuestionId.Course, true, $"pain for {(under ? "under " : string.Empty)}{Span(i, length)}", false);
            if (days > (_painDays ?? -1))
            {
                _painDays = days;
                _painFinding = _findings.Count - 1;
            }

            return length;
        }

        /// <summary>Gravida and para written as "G2P1" (g 2 p 1) in the item: an obstetric history, so "at 30 weeks" is a gestation.</summary>
        private bool ObstetricHistoryIn(Item item)
        {
            for (var j = item.Start; j + 3 < item.End; j++)
            {
                if (Text(j) is "g" && _tokens[j + 1].Kind == TokenKind.Number && Text(j + 2) is "p" && _tokens[j + 3].Kind == TokenKind.Number)
                {
                    return true;
                }
            }

            return false;
        }

        private bool EventFollows(int start, Item item)
        {
            for (var (j, words) = (LevelEnd(start, item), 0); j < item.End && words < 4; j = LevelEnd(j + 1, item), words++)
            {
                if (CaseVocabulary.EventWords.Contains(Text(j)))
                {
                    return true;
                }

                if (Match(j, item, out _) is
                    {
                        Sign: CaseSign.LumbarSurgery or CaseSign.Surgery or CaseSign.SpinalProcedure
                    or CaseSign.InjectionNote or CaseSign.Intervention or CaseSign.Immunosuppression or CaseSign.ChronicSteroids
                    or CaseSign.Cancer or CaseSign.Pregnancy
                    })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Where a spinal level starting at <paramref name="j"/> ends ("L4-L5" reads l 4 l 5, "L4/5" l 4 / 5, "L5-S1"
        /// l 5 s 1), or <paramref name="j"/> itself: the word windows around a procedure skip a level instead of
        /// counting its pieces, so "3 weeks after L4-L5 fusion" reads as "3 weeks after fusion".
        /// </summary>
        private int LevelEnd(int j, Item item)
        {
            bool Segment(int at) => at + 1 < item.End && Text(at) is "l" or "s" or "t" or "c" && _tokens[at + 1].Kind == TokenKind.Number;
            if (!Segment(j))
            {
                return j;
            }

            var k = j + 2;
            while (k < item.End)
            {
                if (_tokens[k].Kind == TokenKind.Number)
                {
                    k++;
                }
                else if (_tokens[k].Kind == TokenKind.Slash && k + 1 < item.End && _tokens[k + 1].Kind == TokenKind.Number)
                {
                    k += 2;
                }
                else if (Segment(k))
                {
                    k += 2;
                }
                else
                {
                    break;
                }
            }

            return k;
        }

        /// <summary>Where a spinal level that ends just before <paramref name="end"/> starts, or <paramref name="end"/> itself.</summary>
        private int LevelStart(int end, Item item)
        {
            for (var j = Math.Max(item.Start, end - 8); j < end; j++)
            {
                if (LevelEnd(j, item) == end)
                {
                    return j;
                }
            }

            return end;
        }

        private int? NumberAfter(int i, Item item)
        {
            for (var j = i + 1; j < _tokens.Count && j <= i + 3; j++)
            {
                var token = _tokens[j];
                if (token.Item != item.Index && !(token.AfterColon && j == i + 1))
                {
                    return null;
                }

                if (token.Kind == TokenKind.Number)
                {
                    return j;
                }

                if (token.Kind != TokenKind.Word || Text(j) is not ("of" or "is" or "was" or "to" or "max" or "at"))
                {
                    return null;
                }
            }

            return null;
        }

        private int Temperature(int i, Item item)
        {
            if (NumberAfter(i, item) is not { } at)
            {
                return 0;
            }

            var unit = _tokens[at].Item == item.Index ? At(at + 1, item) : [];
            var hasUnit = unit is "c" or "f";
            return ReadTemperature(at, unit is "f" ? 'f' : unit is "c" ? 'c' : ' ') ? at - i + (hasUnit ? 2 : 1) : 0;
        }

        private bool ReadTemperature(int at, char unit)
        {
            var value = _tokens[at].Value;
            var fahrenheit = unit == 'f' || (unit != 'c' && value >= 45);
            if (fahrenheit ? value is < 90 or > 113 : value is < 34 or > 43)
            {
                return false;
            }

            var shown = string.Concat("temperature ", Text(at), fahrenheit ? "F" : string.Empty);
            if (fahrenheit ? value >= 100.4 : value >= 38.0)
            {
                _fever = true;
                _infection.Present = true;
                Add(IntakeQuestionId.SuspectedInfection, true, shown + " (fever)", true);
            }
            else
            {
                Add(IntakeQuestionId.SuspectedInfection, false, shown + " (does not rule out infection)", false);
            }

            return true;
        }

        private int BloodPressure(int i, int from, Item item)
        {
            if (NumberAfter(from - 1, item) is not { } at)
            {
                return 0;
            }

            var length = at + 2 < _tokens.Count && _tokens[at + 1].Kind == TokenKind.Slash ? 3 : 1;
            Pressure(at, length);
            return at - i + length;
        }

        private void Pressure(int at, int length)
        {
            // Systolic under 90 is hypotension: with fever, a sign of sepsis.
            if (_tokens[at].Value < 90)
            {
                _companions |= Companions.Hypotension;
                Add(IntakeQuestionId.Sepsis, true, $"BP {Span(at, length)} (hypotension)", false);
            }
        }

        private int HeartRate(int i, int from, Item item)
        {
            if (NumberAfter(from - 1, item) is not { } at)
            {
                return 0;
            }

            if (_tokens[at].Value is >= 100 and <= 250)
            {
                _companions |= Companions.Tachycardia;
                Add(IntakeQuestionId.Sepsis, true, $"HR {Span(at, 1)} (tachycardia)", false);
            }

            return at - i + 1;
        }

        /// <summary>"eGFR 20", "eGFR &lt; 30", "GFR of 25": under 30 is severe kidney disease.</summary>
        private int KidneyFunction(int i, Item item)
        {
            var j = i + 1;
            var less = j < item.End && _tokens[j].Kind == TokenKind.Less;
            if (less)
            {
                j++;
            }

            if (NumberAfter(j - 1, item) is not { } at)
            {
                return 0;
            }

            var value = _tokens[at].Value;
            if (value < 30 || (less && value <= 30))
            {
                _kidney = true;
                Add(IntakeQuestionId.Contraindication, true, $"eGFR {(less ? "<" : string.Empty)}{Span(at, 1)} (severe kidney disease)", true);
            }

            return at - i + 1;
        }

        /// <summary>"s/p L4-5": a lumbar level after "status post" is prior lumbar surgery even when the operation is not named.</summary>
        private int SurgicalLevel(int i, Item item)
        {
            var length = 3;
            while (i + length < item.End && _tokens[i + length].Kind == TokenKind.Number)
            {
                length++;
            }

            for (var j = i + length; j < item.End && j < i + length + 3; j++)
            {
                if (Match(j, item, out _) is { Sign: CaseSign.LumbarSurgery })
                {
                    return length;
                }
            }

            _surgery.Present = true;
            Add(IntakeQuestionId.PriorLumbarSurgery, true, "prior lumbar surgery (status post a lumbar level)", true);
            return length;
        }

        private string Span(int first, int count)
        {
            var start = _tokens[first].Start;
            var last = _tokens[first + count - 1];
            return new string(_chars, start, last.Start + last.Length - start);
        }

        private static bool IsWhole(double value) => value == Math.Floor(value) && value < 1000;

        private void Add(IntakeQuestionId question, bool present, string text, bool answersQuestion)
        {
            foreach (var finding in _findings)
            {
                if (finding.Question == question && finding.Present == present && finding.Text == text)
                {
                    return;
                }
            }

            _findings.Add(new RecognisedFinding(question, present, text, answersQuestion));
        }

        private CaseSummary Summary()
        {
            var sepsis = _sepsis;
            if (!sepsis && _fever && _companions != Companions.None)
            {
                sepsis = true;
                Add(IntakeQuestionId.Sepsis, true, $"fever with {CompanionText()} (signs of sepsis)", true);
            }

            // "No cancer, breast cancer in remission" reads as a list, yet the writer may mean the cancer: a sign negated
            // only through a list keeps its question open rather than let the list's first item close it.
            Unsettle(ref _cancer, IntakeQuestionId.SuspectedCancer);
            Unsettle(ref _infection, IntakeQuestionId.SuspectedInfection);
            Unsettle(ref _immune, IntakeQuestionId.Immunosuppression);
            Unsettle(ref _surgery, IntakeQuestionId.PriorLumbarSurgery);
            Unsettle(ref _major, IntakeQuestionId.MajorTrauma);
            Unsettle(ref _pregnant, IntakeQuestionId.Pregnancy);

            var failedManagement = _failure && _management;
            if (failedManagement && !_explicitFailure)
            {
                Add(IntakeQuestionId.Course, true, "no improvement with conservative management", false);
            }

            var course = Course(failedManagement || _candidate);
            if (course is not null && _painFinding >= 0)
            {
                _findings[_painFinding] = _findings[_painFinding] with { AnswersQuestion = true };
            }

            var answers = new ClinicalAnswers(
                CaudaEquinaSigns: _caudaEquina ? true : null,
                SepsisSigns: sepsis ? true : null,
                Age: AgeGroupOf(),
                MajorTrauma: _major.Value,
                SuspectedCancer: _cancer.Value,
                SuspectedInfection: _infection.Value,
                Immunosuppressed: _immune.Value,
                PriorLumbarSurgery: _surgery.Value,
                FractureRisk: _fracture ? true : null,
                Course: course,
                Contraindication: _mri ? Contraindication.MriNotPossible
                    : _contrast ? Contraindication.ContrastNotPossible
                    : _kidney ? Contraindication.SevereKidneyDisease
                    : null,
                Pregnant: _pregnant.Present ? true : _pregnant.RuledOut || _male ? false : null);

            var isCase = _age is not null || _sex || _childWord || _elderlyWord || _duration || _backPain || _patientWord
                || answers.IsEmergency || (_findings.Count > 0 && !_isQuestion);
            return new CaseSummary(answers, _findings, _age, isCase);
        }

        private void Unsettle(ref Answer answer, IntakeQuestionId question)
        {
            if (!answer.RuledOut || (_carriedAbsence & (1 << (int)question)) == 0)
            {
                return;
            }

            answer.RuledOut = false;
            for (var k = 0; k < _findings.Count; k++)
            {
                if (_findings[k] is { Present: false, AnswersQuestion: true } finding && finding.Question == question)
                {
                    _findings[k] = finding with { AnswersQuestion = false };
                }
            }
        }

        /// <summary>
        /// Under 6 weeks is acute (variant 1). Six weeks or more is variant 3 only with failed management or as a surgery
        /// or intervention candidate; otherwise variant 2 or 3 is the clinician's to say, so the question stays open.
        /// </summary>
        private PainCourse? Course(bool managed)
        {
            if (_painDays >= SixWeeksInDays || _chronic)
            {
                return managed ? PainCourse.AfterOptimalManagement : null;
            }

            return (_painDays is not null || _acute) && !managed ? PainCourse.Acute : null;
        }

        private AgeGroup? AgeGroupOf() => _age switch
        {
            { } years => AgeGroups.Of(years),
            null when _childWord => AgeGroup.Child,
            null when _elderlyWord => AgeGroup.Older,
            _ => null,
        };

        private string CompanionText()
        {
            var parts = new List<string>(4);
            if (_companions.HasFlag(Companions.Hypotension))
            {
                parts.Add("hypotension");
            }

            if (_companions.HasFlag(Companions.Tachycardia))
            {
                parts.Add("tachycardia");
            }

            if (_companions.HasFlag(Companions.Rigors))
            {
                parts.Add("rigors");
            }

            if (_companions.HasFlag(Companions.Confusion))
            {
                parts.Add("confusion");
            }

            return string.Join(", ", parts);
        }
    }
}
