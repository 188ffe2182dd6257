package vn.ykien.daily.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ykien.daily.Level;
import vn.ykien.shared.SigningKey;
import vn.ykien.units.Unit;

/**
 * Signs snapshots with the snapshot key ({@code ykien.daily.snapshot-key}, env {@code
 * YKIEN_SNAPSHOT_KEY}): each unit's figures as one text, signed on its own so that one printed
 * report can be checked without the rest, and the whole snapshot as the digest of those texts.
 * The short code a report carries is drawn from its signature: unknown to anyone without the key
 * until the snapshot is taken, and changed by any change to the figures.
 */
@Component
public class SnapshotSigner {

  private static final Base32 BASE32 = new Base32();

  private final SigningKey key;

  SnapshotSigner(@Value("${ykien.daily.snapshot-key:}") String base64Key) {
    this.key = SigningKey.fromPkcs8(base64Key, "ykien.daily.snapshot-key (env YKIEN_SNAPSHOT_KEY)");
  }

  /** The text a unit's row stands for: what is signed, and what the snapshot's digest covers. */
  public static String unitText(
      long consultationId, Level level, LocalDate day, Instant cutOff, Unit unit, @Nullable Long eligibleAtOpening,
      List<String> layout, long[] figures) {
    StringBuilder text = new StringBuilder(256)
        .append("ykien-snapshot/1\n")
        .append("consultation=").append(consultationId).append('\n')
        .append("level=").append(level.name()).append('\n')
        .append("day=").append(day).append('\n')
        .append("cut-off=").append(cutOff).append('\n')
        .append("unit=").append(unit.edition()).append('/').append(unit.code()).append('\n')
        .append("eligible-at-opening=").append(eligibleAtOpening == null ? "-" : eligibleAtOpening.toString()).append('\n');
    for (int i = 0; i < layout.size(); i++) {
      text.append(layout.get(i)).append('=').append(figures[i]).append('\n');
    }
    return text.toString();
  }

  /** The text of a snapshot as a whole: its header and the digest of its units' texts. */
  public static String snapshotText(long consultationId, Level level, LocalDate day, Instant cutOff, int units, byte[] digest) {
    return "ykien-snapshot-digest/1\nconsultation=" + consultationId + "\nlevel=" + level.name() + "\nday=" + day
        + "\ncut-off=" + cutOff + "\nunits=" + units + "\ndigest=" + java.util.HexFormat.of().formatHex(digest) + "\n";
  }

  public byte[] sign(String text) {
    return key.sign(text);
  }

  public boolean verify(String text, byte[] signature) {
    return key.verify(text, signature);
  }

  /** The code printed beside a unit's figures: 80 bits of its signature's hash, as 16 letters and digits. */
  public static String code(byte[] signature) {
    byte[] hash = sha256().digest(signature);
    return BASE32.encodeAsString(java.util.Arrays.copyOf(hash, 10));
  }

  /** A code as people type it: any case, spaces or dashes between the groups. */
  public static String normalise(String typed) {
    return typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
