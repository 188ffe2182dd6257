package vn.ykien.opinion.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ykien.shared.CitizenId;

/**
 * Keyed pseudonyms (HMAC-SHA-256) under which opinion content is stored. Without the key, kept
 * outside the database, content cannot be joined back to a citizen.
 */
@Component
public class Pseudonyms {

  private final SecretKeySpec key;

  Pseudonyms(@Value("${ykien.opinion.pseudonym-key:}") String base64Key) {
    if (base64Key.isBlank()) {
      throw new IllegalStateException(
          "ykien.opinion.pseudonym-key (env YKIEN_PSEUDONYM_KEY) must be set: 32 random bytes in"
              + " Base64, kept outside the database");
    }
    byte[] bytes = Base64.getDecoder().decode(base64Key);
    if (bytes.length < 32) {
      throw new IllegalStateException("ykien.opinion.pseudonym-key must hold at least 32 bytes");
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  public byte[] of(long consultationId, CitizenId citizen) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(
          (consultationId + ":" + citizen.value()).getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  /**
   * A keyed fingerprint of a request's content, to tell a retry from a different request under
   * the same idempotency key. It is stored beside the citizen id, so it is bound to the
   * consultation, the citizen and the key: two people who sent the same answers get unrelated
   * fingerprints, and none of them says what was sent (issue 12). Domain-separated from the
   * pseudonyms.
   */
  public byte[] fingerprint(long consultationId, CitizenId citizen, String idempotencyKey, String canonicalRequest) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(
          ("request\n" + consultationId + ":" + citizen.value() + "\n" + idempotencyKey.length() + "|"
                  + idempotencyKey + "\n" + canonicalRequest)
              .getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  /**
   * A keyed digest of a paper form as one officer typed it: the two entries of one form agree when
   * their digests do. Stored beside the person's id until the second entry; without the key it
   * says nothing about the answers. Domain-separated from the pseudonyms and fingerprints.
   */
  public byte[] paperDigest(long consultationId, String reference, CitizenId citizen, String canonicalAnswers) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(
          ("paper\n" + consultationId + "\n" + reference.length() + "|" + reference + "\n" + citizen.value() + "\n"
                  + canonicalAnswers)
              .getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  /**
   * Seals what a citizen just sent for their own pages (AES-256-GCM under a key derived from the
   * pseudonym key, bound to the consultation, the citizen and the revision), until the mixer has
   * written it. Without the key it says nothing; with it, nothing the pseudonym key does not.
   */
  public byte[] sealOwn(long consultationId, CitizenId citizen, int revision, byte[] content) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, ownKey(), new javax.crypto.spec.GCMParameterSpec(128, nonce));
      cipher.updateAAD(ownContext(consultationId, citizen, revision));
      byte[] sealed = cipher.doFinal(content);
      byte[] out = new byte[12 + sealed.length];
      System.arraycopy(nonce, 0, out, 0, 12);
      System.arraycopy(sealed, 0, out, 12, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Opens what {@link #sealOwn} sealed for this consultation, citizen and revision. */
  public byte[] openOwn(long consultationId, CitizenId citizen, int revision, byte[] sealed) throws GeneralSecurityException {
    javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        javax.crypto.Cipher.DECRYPT_MODE, ownKey(), new javax.crypto.spec.GCMParameterSpec(128, sealed, 0, 12));
    cipher.updateAAD(ownContext(consultationId, citizen, revision));
    return cipher.doFinal(sealed, 12, sealed.length - 12);
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private SecretKeySpec ownKey() throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(key);
    return new SecretKeySpec(mac.doFinal("own-content/1".getBytes(StandardCharsets.US_ASCII)), "AES");
  }

  private static byte[] ownContext(long consultationId, CitizenId citizen, int revision) {
    return ("own\n" + consultationId + ":" + citizen.value() + ":" + revision).getBytes(StandardCharsets.US_ASCII);
  }
}
