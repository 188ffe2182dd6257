package vn.ykien.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals officials' second-factor secrets with AES-256-GCM under a key kept outside the database
 * ({@code ykien.identity.totp-key}, env {@code YKIEN_TOTP_KEY}: 32 random bytes, Base64). The
 * username is the associated data: a sealed secret copied onto another account does not open. A
 * database dump alone therefore cannot produce anyone's one-time codes.
 */
@Component
class TotpSecrets {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  TotpSecrets(@Value("${ykien.identity.totp-key:}") String base64Key) {
    if (base64Key.isBlank()) {
      throw new IllegalStateException(
          "ykien.identity.totp-key (env YKIEN_TOTP_KEY) must be set: 32 random bytes in Base64"
              + " (openssl rand -base64 32), kept outside the database");
    }
    byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
    if (bytes.length != 32) {
      throw new IllegalStateException("ykien.identity.totp-key must be exactly 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  byte[] seal(String username, String secret) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The secret, or an exception when it was not sealed for this username with this key. */
  String open(String username, byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The second-factor secret of " + username + " does not open with this key", e);
    }
  }
}
