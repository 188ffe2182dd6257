package vn.ykien.opinion;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.consultation.Consultation;

/**
 * Support points: an officer who helps citizens (at the cultural house, at their door) gets a code
 * for the day and the place. A citizen helped there gives it with their opinion (they still sign
 * in with their own e-ID), and the submission records the officer and the place.
 */
@Service
public class SupportPoints {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  /** A code for one consultation, one officer, one place, one day. */
  public record SupportPointCode(String code, long consultationId, String place, LocalDate validOn) {}

  /** The outcome of asking for a code. */
  public sealed interface Issuance {
    record Issued(SupportPointCode code) implements Issuance {}

    record Refused(String messageKey) implements Issuance {}
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  SupportPoints(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A new code for today, for the officer (username) working for this unit at this place. */
  @Transactional
  public Issuance issue(String official, long unitId, Consultation consultation, String place) {
    String trimmed = place == null ? "" : place.strip();
    if (trimmed.isEmpty() || trimmed.length() > OpinionSubmission.MAX_PLACE_LENGTH) {
      return new Issuance.Refused("opinion.placeRequired");
    }
    if (!consultation.window().isOpenAt(clock.instant())) {
      return new Issuance.Refused("eligibility.closed");
    }
    LocalDate today = LocalDate.now(clock.withZone(Consultation.ZONE));
    String code = newCode();
    jdbc.sql(
            """
            insert into opinion.assistance_code
              (code, consultation_id, official, unit_id, place, valid_on, created_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(code, consultation.id(), official, unitId, trimmed, today, clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    return new Issuance.Issued(new SupportPointCode(code, consultation.id(), trimmed, today));
  }

  /** The help a code stands for, when it is today's and for this consultation. */
  @Transactional(readOnly = true)
  public Optional<Assistance.Helped> resolve(String code, long consultationId) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.now(clock.withZone(Consultation.ZONE));
    return jdbc.sql(
            "select official, place from opinion.assistance_code"
                + " where code = ? and consultation_id = ? and valid_on = ?")
        .params(normalise(code), consultationId, today)
        .query((rs, row) -> new Assistance.Helped(rs.getString(1), rs.getString(2)))
        .optional();
  }

  /** The officer's codes of today, newest first. */
  @Transactional(readOnly = true)
  public List<SupportPointCode> issuedToday(String official) {
    LocalDate today = LocalDate.now(clock.withZone(Consultation.ZONE));
    return jdbc.sql(
            "select code, consultation_id, place, valid_on from opinion.assistance_code"
                + " where official = ? and valid_on = ? order by created_at desc")
        .params(official, today)
        .query(
            (rs, row) ->
                new SupportPointCode(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
        .list();
  }

  /** Codes are typed by people: case, spaces and missing dashes do not matter. */
  static String normalise(String code) {
    String letters = code.strip().toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    if (letters.startsWith("HT")) {
      letters = letters.substring(2);
    }
    return letters.length() == 8 ? "HT-" + letters.substring(0, 4) + "-" + letters.substring(4) : code.strip();
  }

  private String newCode() {
    StringBuilder code = new StringBuilder("HT-");
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        code.append('-');
      }
      code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }
}
