package vn.ykien.classification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pseudonym classification keeps a comment under: a keyed digest (HMAC-SHA-256, 128 bits) of
 * the opinion's pseudonym under a key of classification's own ({@code ykien.classification.author-key},
 * env {@code YKIEN_CLASSIFICATION_KEY}). Without that key, a copy of the classification tables does
 * not join with the opinion tables by pseudonym (issue 12: each module sees its own pseudonym).
 */
@Component
public class Authors {

  /** Length, in hex digits, of an author as classification stores it (an opinion pseudonym has 64). */
  static final int LENGTH = 32;

  private final SecretKeySpec key;

  Authors(@Value("${ykien.classification.author-key:}") String base64Key) {
    if (base64Key.isBlank()) {
      throw new IllegalStateException(
          "ykien.classification.author-key (env YKIEN_CLASSIFICATION_KEY) must be set: 32 random bytes in"
              + " Base64, not the pseudonym key, kept outside the database");
    }
    byte[] bytes = Base64.getDecoder().decode(base64Key);
    if (bytes.length < 32) {
      throw new IllegalStateException("ykien.classification.author-key must hold at least 32 bytes");
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  /** Classification's author for an opinion's pseudonym (given as the log gives it, in hex). */
  public String of(String opinionPseudonym) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(("classification\n" + opinionPseudonym).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }
}
