package vn.ykien.identity.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps), as every
 * authenticator app reads them. A code is accepted for the current step and one step either side,
 * to allow for clocks that drift.
 */
final class Totp {

  static final Duration STEP = Duration.ofSeconds(30);
  private static final TimeBasedOneTimePasswordGenerator GENERATOR =
      new TimeBasedOneTimePasswordGenerator(STEP);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new secret of 160 bits (RFC 4226's recommendation), Base32 as apps expect it. */
  static String newSecret() {
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    return new Base32().encodeAsString(secret).replace("=", "");
  }

  /** The address an authenticator app reads (usually from a QR code). */
  static String uri(String issuer, String account, String secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
  }

  /** The code an app shows at that instant. */
  static String code(String secret, Instant at) {
    try {
      return "%06d".formatted(GENERATOR.generateOneTimePassword(key(secret), at));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("Unusable one-time password secret", e);
    }
  }

  /** The time step the code belongs to, if it is valid near that instant. */
  static OptionalLong matchingStep(String secret, String code, Instant at) {
    if (code == null || !code.matches("[0-9]{6}")) {
      return OptionalLong.empty();
    }
    long step = at.getEpochSecond() / STEP.toSeconds();
    for (long candidate = step - 1; candidate <= step + 1; candidate++) {
      Instant stepStart = Instant.ofEpochSecond(candidate * STEP.toSeconds());
      if (java.security.MessageDigest.isEqual(
          code(secret, stepStart).getBytes(StandardCharsets.US_ASCII),
          code.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(candidate);
      }
    }
    return OptionalLong.empty();
  }

  private static SecretKeySpec key(String secret) {
    return new SecretKeySpec(new Base32().decode(secret), GENERATOR.getAlgorithm());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
