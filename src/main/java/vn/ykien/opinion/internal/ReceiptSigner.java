package vn.ykien.opinion.internal;

import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ykien.shared.SigningKey;

/**
 * Signs receipts with the platform's Ed25519 key ({@code ykien.opinion.receipt-key}, env
 * {@code YKIEN_RECEIPT_KEY}: a PKCS#8 private key, Base64 DER, e.g. from {@code openssl genpkey
 * -algorithm ed25519 -outform DER | base64 -w0}). Ed25519 signatures are deterministic, so a
 * receipt shown again carries the same signature. The public key is published for anyone to check.
 */
@Component
public class ReceiptSigner {

  private final SigningKey key;

  ReceiptSigner(@Value("${ykien.opinion.receipt-key:}") String base64Key) {
    this.key = SigningKey.fromPkcs8(base64Key, "ykien.opinion.receipt-key (env YKIEN_RECEIPT_KEY)");
  }

  /** A receipt for this number, consultation and time (to the second), signed. */
  public vn.ykien.opinion.Receipt receipt(String number, long consultationId, java.time.Instant issuedAt) {
    var unsigned = new vn.ykien.opinion.Receipt(number, consultationId, issuedAt, "");
    return new vn.ykien.opinion.Receipt(
        number, consultationId, issuedAt, Base64.getUrlEncoder().withoutPadding().encodeToString(sign(unsigned.signedText())));
  }

  public byte[] sign(String message) {
    return key.sign(message);
  }

  public boolean verify(String message, byte[] signed) {
    return key.verify(message, signed);
  }

  /** The public key as PEM (SubjectPublicKeyInfo), for anyone who verifies receipts offline. */
  public String publicKeyPem() {
    return key.publicKeyPem();
  }
}
