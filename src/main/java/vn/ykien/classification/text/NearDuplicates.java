package vn.ykien.classification.text;

import java.util.List;

/**
 * MinHash signatures of comments over shingles of three folded syllables, and locality-sensitive
 * hashing bands to find candidates: two comments sharing most of their wording ("copied and
 * lightly edited") share a band with high probability, unrelated ones almost never.
 *
 * <p>{@value #HASHES} hashes in {@value #BANDS} bands of {@value #ROWS}: two comments with
 * Jaccard similarity 0.8 share a band with probability 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9998; at 0.5, 0.64;
 * at 0.2, 0.025. Candidates are then confirmed by the signatures' agreement.
 */
public final class NearDuplicates {

  public static final int HASHES = 64;
  public static final int BANDS = 16;
  public static final int ROWS = HASHES / BANDS;

  /** Two comments whose signatures agree on at least this share are the same campaign's. */
  public static final double SAME_CAMPAIGN = 0.8;

  private static final long[] SEEDS = new long[HASHES];

  static {
    long seed = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      seed = mix(seed + i);
      SEEDS[i] = seed;
    }
  }

  private NearDuplicates() {}

  /**
   * The signature of a comment: for each hash function, the least hash of its shingles. Case,
   * diacritics, punctuation, emoji and spacing do not change it. Null for a text without syllables.
   */
  public static int @org.jspecify.annotations.Nullable [] signature(Syllables text) {
    List<String> syllables = text.folded();
    if (syllables.isEmpty()) {
      return null;
    }
    int[] signature = new int[HASHES];
    java.util.Arrays.fill(signature, Integer.MAX_VALUE);
    int shingles = Math.max(1, syllables.size() - 2);
    for (int start = 0; start < shingles; start++) {
      long shingle = 1125899906842597L;
      for (int i = start; i < Math.min(syllables.size(), start + 3); i++) {
        String syllable = syllables.get(i);
        for (int c = 0; c < syllable.length(); c++) {
          shingle = 31 * shingle + syllable.charAt(c);
        }
        shingle = 31 * shingle + ' ';
      }
      for (int h = 0; h < HASHES; h++) {
        int value = (int) (mix(shingle ^ SEEDS[h]) >>> 33);
        if (value < signature[h]) {
          signature[h] = value;
        }
      }
    }
    return signature;
  }

  /** One hash per band (the band's number included): equal hashes make candidates. */
  public static long[] bands(int[] signature) {
    long[] bands = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long hash = band;
      for (int row = 0; row < ROWS; row++) {
        hash = mix(hash * 31 + signature[band * ROWS + row]);
      }
      bands[band] = hash;
    }
    return bands;
  }

  /** The share of hash functions on which the signatures agree: an estimate of Jaccard similarity. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) HASHES;
  }

  /** SplitMix64's finaliser: a cheap, well-mixed 64-bit hash. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
