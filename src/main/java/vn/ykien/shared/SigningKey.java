package vn.ykien.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 key the platform signs with (receipts, the audit trail's daily heads), read from a
 * PKCS#8 private key in Base64 DER ({@code openssl genpkey -algorithm ed25519 -outform DER | base64
 * -w0}). Signatures are deterministic (RFC 8032): the same text always gets the same signature.
 */
public final class SigningKey {

  /** X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410), before the 32 key bytes. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  // Bouncy Castle's Ed25519: the JDK's takes about 1 ms per signature on this hardware, Bouncy
  // Castle's about 50 µs (measured by bench/submit-load.sh's profile); the signatures are the same.
  private final Ed25519PrivateKeyParameters signingKey;
  private final Ed25519PublicKeyParameters checkingKey;

  private SigningKey(Ed25519PrivateKeyParameters signingKey) {
    this.signingKey = signingKey;
    this.checkingKey = signingKey.generatePublicKey();
  }

  /**
   * The key in {@code base64Key}; {@code setting} names where it comes from (e.g. {@code
   * ykien.opinion.receipt-key (env YKIEN_RECEIPT_KEY)}) in the message when it is missing or wrong.
   */
  public static SigningKey fromPkcs8(String base64Key, String setting) {
    if (base64Key.isBlank()) {
      throw new IllegalStateException(
          setting
              + " must be set: an Ed25519 private key, PKCS#8 DER in Base64"
              + " (openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)");
    }
    try {
      var privateKey =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Key.strip())));
      byte[] seed =
          ((EdECPrivateKey) privateKey)
              .getBytes()
              .orElseThrow(() -> new IllegalStateException(setting + " has no private bytes"));
      return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(setting + " is not an Ed25519 PKCS#8 key: " + e.getMessage(), e);
    }
  }

  public byte[] sign(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    var signer = new Ed25519Signer();
    signer.init(true, signingKey);
    signer.update(bytes, 0, bytes.length);
    return signer.generateSignature();
  }

  public boolean verify(String message, byte[] signature) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    var checker = new Ed25519Signer();
    checker.init(false, checkingKey);
    checker.update(bytes, 0, bytes.length);
    return checker.verifySignature(signature);
  }

  /** The public key as PEM (SubjectPublicKeyInfo), for anyone who checks signatures offline. */
  public String publicKeyPem() {
    byte[] raw = checkingKey.getEncoded();
    byte[] x509 = new byte[X509_PREFIX.length + raw.length];
    System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
    System.arraycopy(raw, 0, x509, X509_PREFIX.length, raw.length);
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(x509)
        + "\n-----END PUBLIC KEY-----\n";
  }
}
