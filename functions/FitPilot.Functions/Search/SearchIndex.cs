using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace FitPilot.Functions.Search;

/// <summary>
/// An immutable in-memory Lucene index of <see cref="SearchDocument"/>s, analysed by one
/// <see cref="SearchAnalysis"/>. Build a large one once (the exercise library at start-up) and small
/// ones as needed (a PT's own exercises per request, disposed after); their scores compare directly.
/// Thread-safe.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string[] _ids;

    public SearchIndex(SearchAnalysis analysis, IEnumerable<SearchDocument> documents)
    {
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, analysis.IndexAnalyzer)
        {
            Similarity = SearchAnalysis.Similarity,
            OpenMode = OpenMode.CREATE,
            UseCompoundFile = false, // faster to build; nothing is ever written to disk
            MergeScheduler = new SerialMergeScheduler(), // no background merge threads
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var d in documents)
            {
                var document = new Document
                {
                    new StringField(SearchAnalysis.IdField, d.Id, Field.Store.YES),
                    new TextField(SearchAnalysis.NameField, d.Name, Field.Store.NO),
                    new TextField(SearchAnalysis.JoinedField, d.Name, Field.Store.NO),
                    new TextField(SearchAnalysis.AliasField, d.Name, Field.Store.NO),
                };
                if (!string.IsNullOrWhiteSpace(d.Keywords)) document.Add(new TextField(SearchAnalysis.KeywordsField, d.Keywords, Field.Store.NO));
                if (!string.IsNullOrWhiteSpace(d.Text)) document.Add(new TextField(SearchAnalysis.TextField, d.Text, Field.Store.NO));
                writer.AddDocument(document);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = SearchAnalysis.Similarity };
        _ids = new string[_reader.MaxDoc];
        for (var doc = 0; doc < _reader.MaxDoc; doc++) _ids[doc] = _reader.Document(doc).Get(SearchAnalysis.IdField);
    }

    /// <summary>How many documents the index holds.</summary>
    public int Count => _ids.Length;

    /// <summary>Every document that matches every word of the query, best first (equal scores in no set order).</summary>
    public IReadOnlyList<SearchHit> Search(SearchQuery query)
    {
        if (_ids.Length == 0) return [];
        var top = _searcher.Search(query.Lucene, _ids.Length);
        var hits = new SearchHit[top.ScoreDocs.Length];
        for (var i = 0; i < hits.Length; i++) hits[i] = new SearchHit(_ids[top.ScoreDocs[i].Doc], top.ScoreDocs[i].Score);
        return hits;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
