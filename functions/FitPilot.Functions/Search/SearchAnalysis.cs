using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace FitPilot.Functions.Search;

/// <summary>
/// Something to find by name: <see cref="Name"/> is what people type; <see cref="Keywords"/> are short
/// descriptors (an exercise's muscles and equipment, a food's group); <see cref="Text"/> is prose
/// (instructions, a description). A match in the name always outranks one in the keywords or text.
/// </summary>
public sealed record SearchDocument(string Id, string Name, string? Keywords = null, string? Text = null);

/// <summary>One document that matches every word of a query, and how well (higher is better).</summary>
public readonly record struct SearchHit(string Id, float Score);

/// <summary>A parsed query: the words it looks for and the Lucene query that finds them.</summary>
public sealed class SearchQuery
{
    internal SearchQuery(IReadOnlyList<string> words, Query lucene) => (Words, Lucene) = (words, lucene);

    /// <summary>The analysed words (lower-cased, accents folded, plurals stemmed).</summary>
    public IReadOnlyList<string> Words { get; }

    internal Query Lucene { get; }
}

/// <summary>
/// How one domain's text is analysed and searched (Lucene.Net), shared by every index of that domain:
/// the exercise library and a PT's own exercises, later the food list. Build it once (it holds the
/// synonym map); it is thread-safe.
/// <para>
/// Analysis: words split at spaces, hyphens and slashes (Unicode word breaks), possessives dropped
/// ("farmer's" → "farmer"), lower-cased, accents folded, English plurals stemmed ("squats" → "squat",
/// "lunges" → "lunge", "triceps" → "tricep"). A name is indexed three ways: as written; with adjacent
/// words joined ("push-up wide" → "pushup", "upwide"), so "push-up", "push up", "pushup" and "pushups"
/// all meet; and with the synonym groups added (both ways: "dumbbell" also holds "db", an own "DB press"
/// also holds "dumbbell"). Keywords and text get the synonyms too.
/// </para>
/// <para>
/// Scoring: every word of the query must match somewhere. A word scores the best of its ways to match:
/// whole word in the name (10), joined or through a synonym (9), word start in the name (5; joined, from
/// four letters, 4.5), a typo in
/// the name (3 × Lucene's similarity; one edit for 5–7 letters, two for 8+), whole word in the keywords
/// (2), word start in the keywords (1), whole word in the text (1); two query words that a name writes
/// as one ("skull crusher" → "Skullcrusher") count as whole words. Each is times the field's length norm,
/// 1/√(words), so the name that is most nearly the query ranks first. Term frequency and rarity (idf) are
/// left out on purpose: a repeated word is no better, and without idf a document's score depends on the
/// document alone, so hits from two indexes (the library's and a PT's own) compare directly.
/// </para>
/// </summary>
public sealed class SearchAnalysis
{
    internal const string IdField = "id", NameField = "name", JoinedField = "joined", AliasField = "alias", KeywordsField = "keywords", TextField = "text";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const int MaxWords = 8;

    private readonly Analyzer _plain;

    /// <summary>The per-field analyzer documents are indexed with.</summary>
    internal Analyzer IndexAnalyzer { get; }

    /// <summary>Ranking as described above (no tf, no idf, no query norm; length norm kept).</summary>
    internal static Similarity Similarity { get; } = new WordSimilarity();

    /// <param name="synonyms">Groups of words or phrases that mean the same, e.g. ["rdl", "romanian deadlift"].</param>
    public SearchAnalysis(IEnumerable<IReadOnlyList<string>> synonyms)
    {
        _plain = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, Plain(source));
        });
        var map = SynonymMapOf(synonyms);
        var withSynonyms = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, new SynonymFilter(Plain(source), map, ignoreCase: false));
        });
        var joined = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            var shingles = new ShingleFilter(Plain(source), 2, 2);
            shingles.SetTokenSeparator("");
            shingles.SetOutputUnigrams(false);
            return new TokenStreamComponents(source, shingles);
        });
        IndexAnalyzer = new PerFieldAnalyzerWrapper(withSynonyms, new Dictionary<string, Analyzer> { [NameField] = _plain, [JoinedField] = joined });
    }

    private static TokenStream Plain(Tokenizer source) =>
        new EnglishMinimalStemFilter(new ASCIIFoldingFilter(new LowerCaseFilter(Version, new EnglishPossessiveFilter(Version, source)), preserveOriginal: false));

    /// <summary>The analysed words of a text, as the index holds them (without synonyms).</summary>
    public IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = _plain.GetTokenStream(NameField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) words.Add(term.ToString());
        stream.End();
        return words;
    }

    /// <summary>
    /// The query for what a person typed, or null when it holds no word (only punctuation, say).
    /// Never throws on odd input: it is built term by term, not parsed.
    /// </summary>
    public SearchQuery? Parse(string? text)
    {
        var words = Words(text ?? "").Take(MaxWords).ToList();
        if (words.Count == 0) return null;
        var all = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var best = new DisjunctionMaxQuery(0f)
            {
                Term(NameField, word, 10f),
                Term(JoinedField, word, 9f),
                Term(AliasField, word, 9f),
                Term(KeywordsField, word, 2f),
                Term(TextField, word, 1f),
            };
            best.Add(Prefix(NameField, word, 5f)); // even one letter: the list narrows as the first letter is typed
            // A compound being typed ("pushu", "skullcr"); shorter prefixes would start at any short word ("a ball" → "aball").
            if (word.Length >= 4) best.Add(Prefix(JoinedField, word, 4.5f));
            if (word.Length >= 3) best.Add(Prefix(KeywordsField, word, 1f));
            if (word.Length >= 5) best.Add(Fuzzy(NameField, word, word.Length >= 8 ? 2 : 1, 3f));
            // Two words typed apart that a name writes as one ("push up" → "Pushups", "skull crusher" → "Skullcrusher").
            foreach (var neighbour in new[] { i - 1, i + 1 }.Where(n => n >= 0 && n < words.Count))
            {
                var compound = neighbour < i ? words[neighbour] + word : word + words[neighbour];
                best.Add(Term(NameField, compound, 10f));
                best.Add(Term(JoinedField, compound, 9f));
                best.Add(Term(AliasField, compound, 9f));
            }
            all.Add(best, Occur.MUST);
        }
        return new SearchQuery(words, all);
    }

    private static TermQuery Term(string field, string text, float boost) => new(new Term(field, text)) { Boost = boost };

    // Scored like whole words (so the length norm applies), at most 512 words per prefix: a short prefix
    // over a large vocabulary never exceeds Lucene's 1,024-clause limit (and throws).
    private static PrefixQuery Prefix(string field, string text, float boost) =>
        new(new Term(field, text)) { Boost = boost, MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(512) };

    private static FuzzyQuery Fuzzy(string field, string text, int edits, float boost) =>
        new(new Term(field, text), edits, prefixLength: 1) { Boost = boost, MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(50) };

    private SynonymMap SynonymMapOf(IEnumerable<IReadOnlyList<string>> groups)
    {
        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var group in groups)
        {
            var phrases = group.Select(p => Words(p)).Where(w => w.Count > 0).Select(w => SynonymMap.Builder.Join(w.ToArray(), new CharsRef())).ToList();
            foreach (var from in phrases)
                foreach (var to in phrases.Where(to => !to.Equals(from)))
                    builder.Add(from, to, includeOrig: true);
        }
        return builder.Build();
    }

    /// <summary>
    /// A word is a word: no term frequency, no rarity (idf), no query norm or coordination. The length
    /// norm stays, 1/√(words), kept exact (Lucene's default squeezes it into one byte, which cannot tell
    /// three words from four).
    /// </summary>
    private sealed class WordSimilarity : TFIDFSimilarity
    {
        public override float Coord(int overlap, int maxOverlap) => 1f;
        public override float QueryNorm(float sumOfSquaredWeights) => 1f;
        public override float Tf(float freq) => freq > 0 ? 1f : 0f;
        public override float Idf(long docFreq, long numDocs) => 1f;
        // The joined name holds one word fewer than the name ("push-up wide" → "pushup", "upwide"): count the name's words.
        public override float LengthNorm(FieldInvertState state) =>
            state.Boost / MathF.Sqrt(Math.Max(1, state.Length - state.NumOverlap + (state.Name == JoinedField ? 1 : 0)));
        public override long EncodeNormValue(float f) => BitConverter.SingleToInt32Bits(f);
        public override float DecodeNormValue(long norm) => BitConverter.Int32BitsToSingle((int)norm);
        public override float SloppyFreq(int distance) => 1f / (distance + 1);
        public override float ScorePayload(int doc, int start, int end, BytesRef payload) => 1f;
    }
}
