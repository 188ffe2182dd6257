package vn.ykien.classification.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Lexical retrieval of passages (the draft's items, or a law's articles) with Lucene's BM25 over
 * syllable unigrams and bigrams. Built once, in memory; searching is thread-safe.
 *
 * <p>{@link Method#PLAIN} is the textbook baseline: one field, accented syllables. {@link
 * Method#FIELDS} adds what a comment about a law gives: the passage's title as its own field,
 * the folded text (for comments typed without diacritics), and an analyst's keywords.
 */
public final class PassageIndex {

  /** One passage to find: {@code group} restricts a search (a law), {@code keywords} an analyst's. */
  public record Passage(String key, String group, String title, String body, List<String> keywords) {
    public Passage {
      keywords = List.copyOf(keywords);
    }
  }

  /**
   * A passage found: BM25 {@code score}, and {@code coverage} in [0, 1], the share of the query's
   * information (its distinct syllable 1–2-grams, weighted by idf) that the passage contains:
   * comparable between queries, unlike the score.
   */
  public record Hit(String key, double score, double coverage) {}

  public enum Method {
    PLAIN,
    FIELDS
  }

  /** The fields {@link Method#FIELDS} adds to the text, which a search may leave out (to measure each). */
  public enum Extra {
    TITLE,
    FOLDED,
    KEYWORDS
  }

  /**
   * A 5,000-character comment is cut to its first distinct terms: four fields of 200 stay under
   * Lucene's 1,024 clauses in one query.
   */
  private static final int MAX_TERMS_PER_FIELD = 200;

  private static final String KEY = "key";
  private static final String GROUP = "group";
  private static final String TEXT = "text";
  private static final String TITLE = "title";
  private static final String FOLDED = "folded";
  private static final String KEYWORDS = "keywords";

  private final Method method;
  private final IndexSearcher searcher;
  private final String[] keys;
  private final List<Set<String>> accentedGrams;
  private final List<Set<String>> foldedGrams;
  /** Each field's terms with their document frequency: absent terms never reach Lucene. */
  private final Map<String, Map<String, Integer>> frequencies;
  private final int documents;

  private PassageIndex(
      Method method, IndexSearcher searcher, String[] keys, List<Set<String>> accentedGrams,
      List<Set<String>> foldedGrams) {
    this.method = method;
    this.searcher = searcher;
    this.keys = keys;
    this.accentedGrams = accentedGrams;
    this.foldedGrams = foldedGrams;
    this.documents = keys.length;
    this.frequencies = new HashMap<>();
    try {
      for (String field : List.of(TEXT, TITLE, FOLDED, KEYWORDS)) {
        Map<String, Integer> terms = new HashMap<>();
        Terms indexed = MultiTerms.getTerms(searcher.getIndexReader(), field);
        if (indexed != null) {
          TermsEnum each = indexed.iterator();
          for (BytesRef term = each.next(); term != null; term = each.next()) {
            terms.put(term.utf8ToString(), each.docFreq());
          }
        }
        frequencies.put(field, terms);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PassageIndex build(List<Passage> passages, Method method) {
    var directory = new ByteBuffersDirectory();
    var config = new IndexWriterConfig(syllableBigrams()).setSimilarity(new BM25Similarity());
    List<Set<String>> accentedGrams = new ArrayList<>();
    List<Set<String>> foldedGrams = new ArrayList<>();
    try (var writer = new IndexWriter(directory, config)) {
      for (Passage passage : passages) {
        var document = new Document();
        document.add(new StringField(KEY, passage.key(), Field.Store.YES));
        document.add(new StringField(GROUP, passage.group(), Field.Store.NO));
        Syllables title = Syllables.of(passage.title());
        Syllables body = Syllables.of(passage.body());
        String all = String.join(" ", title.accented()) + " " + String.join(" ", body.accented());
        Set<String> accented = new HashSet<>(grams(title.accented()).keySet());
        accented.addAll(grams(body.accented()).keySet());
        Set<String> folded = new HashSet<>(grams(title.folded()).keySet());
        folded.addAll(grams(body.folded()).keySet());
        document.add(new TextField(TEXT, all, Field.Store.NO));
        if (method == Method.FIELDS) {
          document.add(new TextField(TITLE, String.join(" ", title.accented()), Field.Store.NO));
          document.add(
              new TextField(
                  FOLDED,
                  String.join(" ", title.folded()) + " " + String.join(" ", body.folded()),
                  Field.Store.NO));
          for (String keyword : passage.keywords()) {
            Syllables words = Syllables.of(keyword);
            accented.addAll(grams(words.accented()).keySet());
            folded.addAll(grams(words.folded()).keySet());
            document.add(new TextField(KEYWORDS, String.join(" ", words.accented()), Field.Store.NO));
            document.add(new TextField(KEYWORDS, String.join(" ", words.folded()), Field.Store.NO));
          }
        }
        writer.addDocument(document);
        accentedGrams.add(accented);
        foldedGrams.add(folded);
      }
      writer.commit();
      var reader = DirectoryReader.open(directory);
      var searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity());
      StoredFields stored = reader.storedFields();
      String[] keys = new String[reader.maxDoc()];
      for (int doc = 0; doc < keys.length; doc++) {
        keys[doc] = stored.document(doc).get(KEY);
      }
      return new PassageIndex(method, searcher, keys, accentedGrams, foldedGrams);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The best {@code limit} passages for the text, within {@code group} when given. */
  public List<Hit> search(String text, @Nullable String group, int limit) {
    return search(Syllables.of(text), group, limit);
  }

  public List<Hit> search(Syllables text, @Nullable String group, int limit) {
    return search(text, group, limit, Set.of());
  }

  /** A search leaving out some of the extra fields: for measuring what each one brings. */
  public List<Hit> search(String text, @Nullable String group, int limit, Set<Extra> leftOut) {
    return search(Syllables.of(text), group, limit, leftOut);
  }

  private List<Hit> search(Syllables text, @Nullable String group, int limit, Set<Extra> leftOut) {
    if (text.isEmpty() || documents == 0) {
      return List.of();
    }
    Map<String, Integer> accented = grams(text.accented());
    boolean undiacritised = text.accented().equals(text.folded());
    Map<String, Integer> folded = grams(text.folded());
    List<@Nullable Query> fields = new ArrayList<>();
    fields.add(field(TEXT, accented, 1f));
    if (method == Method.FIELDS) {
      if (!leftOut.contains(Extra.TITLE)) {
        fields.add(field(TITLE, accented, 0.5f));
      }
      if (!leftOut.contains(Extra.FOLDED)) {
        // Typed without diacritics: the folded field carries the search; otherwise it only helps.
        fields.add(field(FOLDED, folded, undiacritised ? 1f : 0.2f));
      }
      if (!leftOut.contains(Extra.KEYWORDS)) {
        fields.add(field(KEYWORDS, folded, 1f));
      }
    }
    var query = new BooleanQuery.Builder();
    boolean any = false;
    for (Query field : fields) {
      if (field != null) {
        query.add(field, Occur.SHOULD);
        any = true;
      }
    }
    if (!any) {
      return List.of();
    }
    if (group != null) {
      query.add(new TermQuery(new Term(GROUP, group)), Occur.FILTER);
    }
    try {
      ScoreDoc[] found = searcher.search(query.build(), limit).scoreDocs;
      List<Hit> hits = new ArrayList<>(found.length);
      boolean byFolded = undiacritised && method == Method.FIELDS;
      Map<String, Double> weights = idfs(byFolded ? FOLDED : TEXT, byFolded ? folded : accented);
      double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      for (ScoreDoc doc : found) {
        Set<String> present = (byFolded ? foldedGrams : accentedGrams).get(doc.doc);
        double matched = 0;
        for (var weight : weights.entrySet()) {
          if (present.contains(weight.getKey())) {
            matched += weight.getValue();
          }
        }
        hits.add(new Hit(keys[doc.doc], doc.score, total <= 0 ? 0 : matched / total));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int size() {
    return documents;
  }

  /**
   * One field's disjunction of the query's distinct terms that occur in it (the first ones of a
   * very long text); terms no passage has cannot add to a score.
   */
  private @Nullable Query field(String field, Map<String, Integer> terms, float boost) {
    var clauses = new BooleanQuery.Builder();
    Map<String, Integer> known = frequencies.get(field);
    int count = 0;
    for (String term : terms.keySet()) {
      if (!known.containsKey(term)) {
        continue;
      }
      if (count++ == MAX_TERMS_PER_FIELD) {
        break;
      }
      clauses.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
    }
    if (count == 0) {
      return null;
    }
    Query query = clauses.build();
    return boost == 1f ? query : new BoostQuery(query, boost);
  }

  /** BM25's idf of each term in a field; a term no passage has weighs the most. */
  private Map<String, Double> idfs(String field, Map<String, Integer> terms) {
    Map<String, Double> weights = new LinkedHashMap<>();
    Map<String, Integer> known = frequencies.get(field);
    for (String term : terms.keySet()) {
      int df = known.getOrDefault(term, 0);
      weights.put(term, Math.log(1 + (documents - df + 0.5) / (df + 0.5)));
    }
    return weights;
  }

  /** Unigrams and bigrams, distinct, in order of first appearance, with their counts. */
  public static Map<String, Integer> grams(List<String> syllables) {
    Map<String, Integer> grams = new LinkedHashMap<>();
    for (int i = 0; i < syllables.size(); i++) {
      grams.merge(syllables.get(i), 1, Integer::sum);
      if (i + 1 < syllables.size()) {
        grams.merge(syllables.get(i) + " " + syllables.get(i + 1), 1, Integer::sum);
      }
    }
    return grams;
  }

  private static Analyzer syllableBigrams() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        var tokenizer = new WhitespaceTokenizer();
        var shingles = new ShingleFilter(tokenizer, 2, 2);
        shingles.setOutputUnigrams(true);
        return new TokenStreamComponents(tokenizer, shingles);
      }
    };
  }

}
