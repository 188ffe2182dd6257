package vn.ykien.opinion.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs receipts with the platform's Ed25519 key ({@code ykien.opinion.receipt-key}, env
 * {@code YKIEN_RECEIPT_KEY}: a PKCS#8 private key, Base64 DER, e.g. from {@code openssl genpkey
 * -algorithm ed25519 -outform DER | base64 -w0}). Ed25519 signatures are deterministic, so a
 * receipt shown again carries the same signature. The public key is published for anyone to check.
 */
@Component
public class ReceiptSigner {

  /** X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410), before the 32 key bytes. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final PublicKey publicKey;
  // Signing and checking use Bouncy Castle's Ed25519: the JDK's takes about 1 ms per signature on
  // this hardware, Bouncy Castle's about 50 µs (measured by bench/submit-load.sh's profile), and
  // the signatures are the same (RFC 8032 signatures are deterministic).
  private final Ed25519PrivateKeyParameters signingKey;
  private final Ed25519PublicKeyParameters checkingKey;

  ReceiptSigner(@Value("${ykien.opinion.receipt-key:}") String base64Key) {
    if (base64Key.isBlank()) {
      throw new IllegalStateException(
          "ykien.opinion.receipt-key (env YKIEN_RECEIPT_KEY) must be set: an Ed25519 private key,"
              + " PKCS#8 DER in Base64 (openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)");
    }
    try {
      var factory = KeyFactory.getInstance("Ed25519");
      PrivateKey privateKey =
          factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Key.strip())));
      byte[] seed =
          ((EdECPrivateKey) privateKey)
              .getBytes()
              .orElseThrow(() -> new IllegalStateException("the receipt key has no private bytes"));
      this.signingKey = new Ed25519PrivateKeyParameters(seed, 0);
      this.checkingKey = signingKey.generatePublicKey();
      byte[] raw = checkingKey.getEncoded();
      byte[] x509 = new byte[X509_PREFIX.length + raw.length];
      System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
      System.arraycopy(raw, 0, x509, X509_PREFIX.length, raw.length);
      this.publicKey = factory.generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException("ykien.opinion.receipt-key is not an Ed25519 PKCS#8 key: " + e.getMessage(), e);
    }
  }

  /** A receipt for this number, consultation and time (to the second), signed. */
  public vn.ykien.opinion.Receipt receipt(String number, long consultationId, java.time.Instant issuedAt) {
    var unsigned = new vn.ykien.opinion.Receipt(number, consultationId, issuedAt, "");
    return new vn.ykien.opinion.Receipt(
        number, consultationId, issuedAt, Base64.getUrlEncoder().withoutPadding().encodeToString(sign(unsigned.signedText())));
  }

  public byte[] sign(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    var signer = new Ed25519Signer();
    signer.init(true, signingKey);
    signer.update(bytes, 0, bytes.length);
    return signer.generateSignature();
  }

  public boolean verify(String message, byte[] signed) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    var checker = new Ed25519Signer();
    checker.init(false, checkingKey);
    checker.update(bytes, 0, bytes.length);
    return checker.verifySignature(signed);
  }

  /** The public key as PEM (SubjectPublicKeyInfo), for anyone who verifies receipts offline. */
  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }
}
