package vn.ykien.audit;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The audit trail's head at the end of a day, as the platform signed and published it: anyone may
 * copy it (the public page {@code /audit/heads}), and an auditor checks the trail against copies
 * kept outside the database.
 *
 * @param entryId the last entry written before the day ended, 0 when there was none
 * @param hash that entry's hash (hex), the chain's start (zeros) when there was none
 * @param signature Ed25519 over {@link #signedText()}, Base64url
 */
public record PublishedHead(LocalDate day, long entryId, String hash, String signature) {

  private static final Pattern LINE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{1,18})\\s+([0-9a-fA-F]{64})\\s+([A-Za-z0-9_-]{86})");

  /** What the platform signs: nothing else can be read into it. */
  public String signedText() {
    return "ykien-audit-head/1\n" + day + "\n" + entryId + "\n" + hash;
  }

  /** One line of the published list: day, entry, hash, signature, separated by spaces. */
  public String line() {
    return day + " " + entryId + " " + hash + " " + signature;
  }

  /** A line as published (extra spaces allowed); empty when it is not one. */
  public static Optional<PublishedHead> parse(String line) {
    var match = LINE.matcher(line.strip());
    if (!match.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new PublishedHead(
              LocalDate.parse(match.group(1)), Long.parseLong(match.group(2)),
              match.group(3).toLowerCase(java.util.Locale.ROOT),
              match.group(4)));
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
