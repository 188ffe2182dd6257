package vn.ykien.opinion.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals a submission's content to the mixer (issue 12, ADR 0004): X25519 with a fresh key pair per
 * envelope, SHA-256 of the shared secret and both public keys as the AES-256-GCM key. The servers
 * that take submissions need only the mixer's public key ({@code ykien.opinion.mixer-public-key},
 * env {@code YKIEN_MIXER_PUBLIC_KEY}: X.509 DER in Base64); the mixer's private key
 * ({@code ykien.opinion.mixer-key}, env {@code YKIEN_MIXER_KEY}: PKCS#8 DER in Base64) opens them,
 * and only a server that holds it runs the mixer. A copy of the database taken while envelopes wait
 * shows that a sealed envelope belongs to a participation, not what it says.
 */
@Component
public class ContentSeal {

  private static final byte[] CONTEXT = "ykien-content/1".getBytes(StandardCharsets.US_ASCII);
  private static final int PUBLIC_LENGTH = 44;
  private static final int NONCE_LENGTH = 12;

  private final @org.jspecify.annotations.Nullable PrivateKey privateKey;
  private final PublicKey publicKey;
  private final byte[] publicEncoded;
  private final SecureRandom random = new SecureRandom();

  ContentSeal(
      @Value("${ykien.opinion.mixer-key:}") String base64Private,
      @Value("${ykien.opinion.mixer-public-key:}") String base64Public) {
    if (base64Private.isBlank() && base64Public.isBlank()) {
      throw new IllegalStateException(
          "ykien.opinion.mixer-key (env YKIEN_MIXER_KEY: an X25519 private key, PKCS#8 DER in Base64, openssl"
              + " genpkey -algorithm x25519 -outform DER | base64 -w0) must be set on the server that mixes, or"
              + " ykien.opinion.mixer-public-key (env YKIEN_MIXER_PUBLIC_KEY: its public key, X.509 DER in Base64)"
              + " on servers that only take submissions; both kept outside the database");
    }
    try {
      KeyFactory keys = KeyFactory.getInstance("X25519");
      if (!base64Private.isBlank()) {
        this.privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Private.strip())));
        // The public key is X25519(private, 9): an agreement with the base point.
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(privateKey);
        agreement.doPhase(keys.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9))), true);
        byte[] u = agreement.generateSecret();
        this.publicKey = keys.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, littleEndian(u)));
      } else {
        this.privateKey = null;
        this.publicKey = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Public.strip())));
      }
      this.publicEncoded = publicKey.getEncoded();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "ykien.opinion.mixer-key / mixer-public-key is not an X25519 key (PKCS#8 / X.509, Base64)", e);
    }
    if (!base64Private.isBlank() && !base64Public.isBlank()
        && !Arrays.equals(publicEncoded, Base64.getDecoder().decode(base64Public.strip()))) {
      throw new IllegalStateException("ykien.opinion.mixer-public-key is not the public key of ykien.opinion.mixer-key");
    }
  }

  /** Whether this server holds the mixer's private key (and may run the mixer). */
  public boolean canOpen() {
    return privateKey != null;
  }

  /** The mixer's public key, X.509 DER in Base64: what servers that only take submissions are given. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicEncoded);
  }

  /** The envelope of a content: the ephemeral public key, the nonce, the ciphertext and its tag. */
  public byte[] seal(byte[] content) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
      KeyPair ephemeral = generator.generateKeyPair();
      byte[] ephemeralEncoded = ephemeral.getPublic().getEncoded();
      byte[] key = key(ephemeral.getPrivate(), publicKey, ephemeralEncoded);
      byte[] nonce = new byte[NONCE_LENGTH];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(CONTEXT);
      byte[] sealed = cipher.doFinal(content);
      return ByteBuffer.allocate(ephemeralEncoded.length + NONCE_LENGTH + sealed.length)
          .put(ephemeralEncoded)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal content", e);
    }
  }

  /** Opens an envelope sealed to this key; fails if it was not, or was changed. */
  public byte[] open(byte[] envelope) throws GeneralSecurityException {
    PrivateKey mine = privateKey;
    if (mine == null) {
      throw new IllegalStateException("this server does not hold the mixer's key (ykien.opinion.mixer-key)");
    }
    if (envelope.length < PUBLIC_LENGTH + NONCE_LENGTH + 16) {
      throw new GeneralSecurityException("envelope too short");
    }
    byte[] ephemeralEncoded = Arrays.copyOfRange(envelope, 0, PUBLIC_LENGTH);
    PublicKey ephemeral = KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(ephemeralEncoded));
    byte[] key = key(mine, ephemeral, ephemeralEncoded);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(128, envelope, PUBLIC_LENGTH, NONCE_LENGTH));
    cipher.updateAAD(CONTEXT);
    return cipher.doFinal(envelope, PUBLIC_LENGTH + NONCE_LENGTH, envelope.length - PUBLIC_LENGTH - NONCE_LENGTH);
  }

  private byte[] key(PrivateKey own, PublicKey other, byte[] ephemeralEncoded) throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance("X25519");
    agreement.init(own);
    agreement.doPhase(other, true);
    byte[] shared = agreement.generateSecret();
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(CONTEXT);
    sha256.update(shared);
    sha256.update(ephemeralEncoded);
    sha256.update(publicEncoded);
    return sha256.digest();
  }

  private static BigInteger littleEndian(byte[] bytes) {
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, reversed);
  }
}
