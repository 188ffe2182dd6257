package vn.ykien.opinion;

import java.time.Instant;

/**
 * Proof that someone took part: it says nothing of what they said. Signed by the platform
 * (Ed25519); anyone can check it against the published public key, and the platform says whether
 * it still stands.
 *
 * @param issuedAt to the second, as signed
 * @param signature Base64url, over {@link #signedText()}
 */
public record Receipt(String number, long consultationId, Instant issuedAt, String signature) {

  /** What the signature covers: a version, then the number, the consultation and the time. */
  public String signedText() {
    return signedText(number, consultationId, issuedAt.getEpochSecond());
  }

  static String signedText(String number, long consultationId, long epochSecond) {
    return "ykien-receipt/1\n" + number + "\n" + consultationId + "\n" + epochSecond;
  }

  /**
   * The whole receipt in one string, for the QR code and the verification page:
   * {@code number.consultation.epochSecond.signature}.
   */
  public String token() {
    return number + "." + consultationId + "." + issuedAt.getEpochSecond() + "." + signature;
  }
}
