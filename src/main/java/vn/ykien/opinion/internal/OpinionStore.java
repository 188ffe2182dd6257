package vn.ykien.opinion.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.Stance;
import vn.ykien.shared.CitizenId;

/** Participation rows and pseudonymous answers. */
@Repository
public class OpinionStore {

  private final JdbcClient jdbc;

  OpinionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The advisory lock every writer of the opinion log holds, shared, from before its first write. */
  public static final int LOG_LOCK_CLASS = 0x594B;

  public static final int LOG_LOCK_OBJECT = 1;

  /**
   * Declares this transaction a writer of the opinion log, before it writes anything: readers then
   * take no change of a transaction younger than the oldest writer still running (see
   * {@link vn.ykien.opinion.OpinionLog}). Shared: writers never wait for each other.
   */
  public void joinLogWriters() {
    jdbc.sql("select pg_advisory_xact_lock_shared(?, ?)")
        .params(LOG_LOCK_CLASS, LOG_LOCK_OBJECT)
        .query()
        .singleValue();
  }

  /** The participation row, locked for this transaction: where and how the person took part. */
  public record Participation(long unitId, Channel channel, Instant firstSubmittedAt) {}

  public Optional<Participation> lockParticipation(long consultationId, CitizenId citizen) {
    return jdbc.sql(
            "select unit_id, channel, first_submitted_at from opinion.participation"
                + " where consultation_id = ? and citizen_id = ? for update")
        .params(consultationId, citizen.value())
        .query(
            (rs, row) ->
                new Participation(
                    rs.getLong(1),
                    Channel.valueOf(rs.getString(2)),
                    rs.getObject(3, OffsetDateTime.class).toInstant()))
        .optional();
  }

  /**
   * What a submission is counted by: the participation log keeps the lowest unit, the opinion log
   * only its commune ({@code communeId}: content is never placed closer).
   */
  public record LogEntry(
      long unitId, long communeId, Channel channel, vn.ykien.consultation.CitizenGroup group, LocalDate firstDay) {}

  /**
   * Declares this transaction a writer of the opinion log (as {@link #joinLogWriters()}) and
   * inserts the person's first participation, in one statement: the lock is taken before the row
   * is written. False when the person already took part (or a concurrent request inserted it
   * first): the caller then locks the row with {@link #lockParticipation}.
   */
  public boolean insertParticipationAsLogWriter(
      long consultationId, CitizenId citizen, long unitId, Channel channel, Instant at, String receipt) {
    return jdbc.sql(
                """
                with writer as (select pg_advisory_xact_lock_shared(?, ?))
                insert into opinion.participation (consultation_id, citizen_id, unit_id, channel,
                  first_submitted_at, last_submitted_at, receipt_number)
                select ?, ?, ?, ?, ?, ?, ? from writer
                on conflict (consultation_id, citizen_id) do nothing
                """)
            .params(
                LOG_LOCK_CLASS, LOG_LOCK_OBJECT, consultationId, citizen.value(), unitId, channel.name(), utc(at),
                utc(at), receipt)
            .update()
        == 1;
  }

  public void reviseParticipation(
      long consultationId, CitizenId citizen, long unitId, Channel channel, Instant at, String receipt) {
    jdbc.sql(
            """
            update opinion.participation
            set unit_id = ?, channel = ?, last_submitted_at = ?, receipt_number = ?
            where consultation_id = ? and citizen_id = ?
            """)
        .params(unitId, channel.name(), utc(at), receipt, consultationId, citizen.value())
        .update();
  }

  /**
   * The number of the person's next change (1 for the first): the next revision of their opinion
   * on both sides, as the participation log counts it. The caller holds the participation row's
   * lock (or is inserting it), so no other change of the same person is numbered meanwhile.
   */
  public int nextChange(long consultationId, CitizenId citizen) {
    return jdbc.sql(
            "select coalesce(max(seq), 0) + 1 as seq from opinion.participation_log where consultation_id = ? and citizen_id = ?")
        .params(consultationId, citizen.value())
        .query(Integer.class)
        .single();
  }

  /** What one submission stores on participation's side, beside its sealed content. */
  public record NewRevision(
      String receipt,
      Instant issuedAt,
      Assistance assistance,
      int revision,
      byte[] envelope,
      byte[] ownCopy,
      @org.jspecify.annotations.Nullable Idempotency idempotency,
      LogEntry log,
      LocalDate day,
      Instant hour) {}

  /** The key a client sent with its request, what the request said (its fingerprint), and when. */
  public record Idempotency(String key, byte[] fingerprint, Instant at) {}

  /**
   * Stores a submission in one statement: its receipt, the idempotency record, the participation
   * log's entry, the content sealed to the mixer ({@code opinion.content_inbox}) and the citizen's
   * own sealed copy on their participation row. No answer, comment or opinion-log row is written
   * here: the mixer writes them apart (ADR 0004).
   */
  public void recordSubmission(long consultationId, CitizenId citizen, NewRevision revision) {
    String official = null;
    String place = null;
    String reference = null;
    String confirmedBy = null;
    switch (revision.assistance()) {
      case Assistance.Self self -> {}
      case Assistance.Helped helped -> {
        official = helped.official();
        place = helped.place();
      }
      case Assistance.OnPaper paper -> {
        official = paper.official();
        place = paper.place();
        reference = paper.reference();
        confirmedBy = paper.confirmedBy();
      }
    }
    Idempotency idempotency = revision.idempotency();
    LogEntry log = revision.log();
    var group = log.group();
    jdbc.sql(
            """
            with receipt as (
              insert into opinion.receipt (number, consultation_id, citizen_id, issued_at, channel,
                official, place, paper_reference, paper_confirmed_by)
              values (?::text, ?::bigint, ?::char(12), ?::timestamptz, ?::text, ?::text, ?::text, ?::text,
                ?::text)),
            idempotent as (
              insert into opinion.idempotent_request (consultation_id, citizen_id, key, fingerprint,
                receipt_number, revision, created_at)
              select ?::bigint, ?::char(12), ?::text, ?::bytea, ?::text, ?::int, ?::timestamptz
              where ?::text is not null),
            participated as (
              insert into opinion.participation_log (consultation_id, citizen_id, seq, withdrawn, unit_id,
                channel, age_band, sex, occupation, memberships, first_day, day, hour)
              values (?::bigint, ?::char(12), ?::int, false, ?::bigint, ?::text, ?::text, ?::text, ?::text, ?::int,
                ?::date, ?::date, ?::timestamptz)),
            own as (
              update opinion.participation set pending_revision = ?::int, pending_content = ?::bytea
              where consultation_id = ?::bigint and citizen_id = ?::char(12))
            insert into opinion.content_inbox (sealed) values (?::bytea)
            """)
        .params(
            // receipt
            revision.receipt(), consultationId, citizen.value(), utc(revision.issuedAt()),
            revision.assistance().channel().name(), official, place, reference, confirmedBy,
            // idempotency
            consultationId, citizen.value(), idempotency == null ? null : idempotency.key(),
            idempotency == null ? null : idempotency.fingerprint(), revision.receipt(), revision.revision(),
            idempotency == null ? null : utc(idempotency.at()), idempotency == null ? null : idempotency.key(),
            // participation log: the lowest unit, the hour, no pseudonym
            consultationId, citizen.value(), revision.revision(), log.unitId(), log.channel().name(),
            group.age().name(), group.sex().name(), group.occupation() == null ? null : group.occupation().name(),
            group.membershipBits(), log.firstDay(), revision.day(), utc(revision.hour()),
            // the citizen's own copy
            revision.revision(), revision.ownCopy(), consultationId, citizen.value(),
            // the content, sealed to the mixer
            revision.envelope())
        .update();
  }

  /** A withdrawal on participation's side: the participation log's entry and the sealed content. */
  public void recordWithdrawal(long consultationId, CitizenId citizen, int revision, byte[] envelope, LocalDate day, Instant hour) {
    jdbc.sql(
            """
            with participated as (
              insert into opinion.participation_log (consultation_id, citizen_id, seq, withdrawn, memberships, day, hour)
              values (?::bigint, ?::char(12), ?::int, true, 0, ?::date, ?::timestamptz))
            insert into opinion.content_inbox (sealed) values (?::bytea)
            """)
        .params(consultationId, citizen.value(), revision, day, utc(hour), envelope)
        .update();
  }

  /** The citizen's latest change as participation's side knows it, and their own sealed copy. */
  public record LatestChange(int revision, boolean withdrawn, LocalDate day,
      @org.jspecify.annotations.Nullable Integer pendingRevision, byte @org.jspecify.annotations.Nullable [] pendingContent) {}

  public Optional<LatestChange> latestChange(long consultationId, CitizenId citizen) {
    return jdbc.sql(
            """
            select l.seq, l.withdrawn, l.day, p.pending_revision, p.pending_content
            from opinion.participation_log l
            left join opinion.participation p on p.consultation_id = l.consultation_id and p.citizen_id = l.citizen_id
            where l.consultation_id = ? and l.citizen_id = ?
            order by l.seq desc limit 1
            """)
        .params(consultationId, citizen.value())
        .query((rs, n) -> new LatestChange(
            rs.getInt(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class),
            (Integer) rs.getObject(4), rs.getBytes(5)))
        .optional();
  }

  /** The latest revision of a pseudonym's opinion the mixer has written (0: none yet). */
  public int mixedRevision(long consultationId, byte[] pseudonym) {
    return jdbc.sql(
            """
            select greatest(
              (select coalesce(max(revision), 0) from opinion.answer_revision
               where consultation_id = ? and pseudonym = ?),
              (select coalesce(max(revision), 0) from opinion.withdrawal
               where consultation_id = ? and pseudonym = ?))
            """)
        .params(consultationId, pseudonym, consultationId, pseudonym)
        .query(Integer.class)
        .single();
  }

  public Optional<String> currentGeneralComment(long consultationId, byte[] pseudonym) {
    return jdbc.sql("select comment from opinion.current_general_comment where consultation_id = ? and pseudonym = ?")
        .params(consultationId, pseudonym)
        .query(String.class)
        .optional();
  }

  public List<Answer> currentAnswers(long consultationId, byte[] pseudonym) {
    return jdbc.sql(
            "select item_id, stance, comment from opinion.current_answer"
                + " where consultation_id = ? and pseudonym = ? order by item_id")
        .params(consultationId, pseudonym)
        .query(
            (rs, row) ->
                new Answer(rs.getLong(1), Stance.valueOf(rs.getString(2)), rs.getString(3)))
        .list();
  }

  /** The latest receipt of a participant. */
  public record LatestReceipt(String number, Instant issuedAt) {}

  public Optional<LatestReceipt> latestReceipt(long consultationId, CitizenId citizen) {
    return jdbc.sql(
            "select r.number, r.issued_at from opinion.participation p"
                + " join opinion.receipt r on r.number = p.receipt_number"
                + " where p.consultation_id = ? and p.citizen_id = ?")
        .params(consultationId, citizen.value())
        .query(
            (rs, row) ->
                new LatestReceipt(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
        .optional();
  }

  /** When the citizen's submissions since this moment were made, oldest first. */
  public List<Instant> submissionsSince(long consultationId, CitizenId citizen, Instant since) {
    return jdbc.sql(
            "select issued_at from opinion.receipt where consultation_id = ? and citizen_id = ? and issued_at > ?"
                + " order by issued_at")
        .params(consultationId, citizen.value(), utc(since))
        .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
        .list();
  }

  /** How the person took part, if they did (not locked: a check before anything is written). */
  public Optional<Channel> participationChannel(long consultationId, CitizenId citizen) {
    return jdbc.sql("select channel from opinion.participation where consultation_id = ? and citizen_id = ?")
        .params(consultationId, citizen.value())
        .query((rs, row) -> Channel.valueOf(rs.getString(1)))
        .optional();
  }

  /** A paper form typed once, waiting for a second officer to type it again. */
  public record PaperEntry(
      String reference, CitizenId citizen, long unitId, String place, String enteredBy, Instant enteredAt, byte[] digest) {}

  /** The form's first entry, locked for this transaction (two confirmations cannot both count). */
  public Optional<PaperEntry> lockPaperEntry(long consultationId, String reference) {
    return jdbc.sql(
            """
            select reference, citizen_id, unit_id, place, entered_by, entered_at, digest
            from opinion.paper_entry where consultation_id = ? and reference = ? for update
            """)
        .params(consultationId, reference)
        .query(OpinionStore::paperEntry)
        .optional();
  }

  /** Stores a first entry; false when another officer stored one for the same form meanwhile. */
  public boolean insertPaperEntry(long consultationId, PaperEntry entry) {
    return jdbc.sql(
                """
                insert into opinion.paper_entry (consultation_id, reference, citizen_id, unit_id, place,
                  entered_by, entered_at, digest)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """)
            .params(
                consultationId, entry.reference(), entry.citizen().value(), entry.unitId(), entry.place(),
                entry.enteredBy(), utc(entry.enteredAt()), entry.digest())
            .update()
        == 1;
  }

  public void deletePaperEntry(long consultationId, String reference) {
    jdbc.sql("delete from opinion.paper_entry where consultation_id = ? and reference = ?")
        .params(consultationId, reference)
        .update();
  }

  /** First entries waiting at these units, oldest first. */
  public List<PaperEntry> paperEntriesAt(long consultationId, java.util.Collection<Long> unitIds, int limit) {
    return jdbc.sql(
            """
            select reference, citizen_id, unit_id, place, entered_by, entered_at, digest
            from opinion.paper_entry where consultation_id = ? and unit_id = any(?::bigint[])
            order by entered_at limit ?
            """)
        .params(consultationId, unitIds.toArray(Long[]::new), limit)
        .query(OpinionStore::paperEntry)
        .list();
  }

  private static PaperEntry paperEntry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new PaperEntry(
        rs.getString(1),
        CitizenId.of(rs.getString(2)),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getObject(6, OffsetDateTime.class).toInstant(),
        rs.getBytes(7));
  }

  /** Whether the paper form with this number was already entered in this consultation. */
  public boolean paperEntered(long consultationId, String reference) {
    return jdbc.sql("select exists (select 1 from opinion.receipt where consultation_id = ? and paper_reference = ?)")
        .params(consultationId, reference)
        .query(Boolean.class)
        .single();
  }

  /** Every receipt the citizen was given in this consultation, oldest first. */
  public List<StoredReceiptNumber> receiptsOf(long consultationId, CitizenId holder) {
    return jdbc.sql(
            "select number, issued_at, revoked_at from opinion.receipt"
                + " where consultation_id = ? and citizen_id = ? order by issued_at, number")
        .params(consultationId, holder.value())
        .query(
            (rs, row) -> {
              OffsetDateTime revoked = rs.getObject(3, OffsetDateTime.class);
              return new StoredReceiptNumber(
                  rs.getString(1),
                  rs.getObject(2, OffsetDateTime.class).toInstant(),
                  revoked == null ? null : revoked.toInstant());
            })
        .list();
  }

  /** A receipt with its number, as its holder sees it listed. */
  public record StoredReceiptNumber(
      String number, Instant issuedAt, @org.jspecify.annotations.Nullable Instant revokedAt) {}

  /** Revokes every standing receipt of the citizen in this consultation; how many. */
  public int revokeReceipts(long consultationId, CitizenId holder, Instant at) {
    return jdbc.sql(
            "update opinion.receipt set revoked_at = ?"
                + " where consultation_id = ? and citizen_id = ? and revoked_at is null")
        .params(utc(at), consultationId, holder.value())
        .update();
  }

  /** Forgets the citizen's idempotency keys in this consultation. */
  public void forgetIdempotent(long consultationId, CitizenId citizen) {
    jdbc.sql("delete from opinion.idempotent_request where consultation_id = ? and citizen_id = ?")
        .params(consultationId, citizen.value())
        .update();
  }

  /** Removes the participation row: the person no longer takes part. */
  public void deleteParticipation(long consultationId, CitizenId citizen) {
    jdbc.sql("delete from opinion.participation where consultation_id = ? and citizen_id = ?")
        .params(consultationId, citizen.value())
        .update();
  }

  /** One stored revision of a pseudonym's opinion, or a withdrawal (no answers). */
  public record StoredRevision(
      int revision,
      LocalDate on,
      boolean withdrawal,
      List<Answer> answers,
      @org.jspecify.annotations.Nullable String generalComment) {}

  /** The pseudonym's whole history, oldest first. */
  public List<StoredRevision> history(long consultationId, byte[] pseudonym) {
    var answers = new java.util.TreeMap<Integer, List<Answer>>();
    var days = new java.util.HashMap<Integer, LocalDate>();
    jdbc.sql(
            "select revision, item_id, stance, comment, submitted_on from opinion.answer_revision"
                + " where consultation_id = ? and pseudonym = ? order by revision, item_id")
        .params(consultationId, pseudonym)
        .query(
            (java.sql.ResultSet rs) -> {
              int revision = rs.getInt(1);
              answers
                  .computeIfAbsent(revision, r -> new java.util.ArrayList<>())
                  .add(new Answer(rs.getLong(2), Stance.valueOf(rs.getString(3)), rs.getString(4)));
              days.put(revision, rs.getObject(5, LocalDate.class));
            });
    var general = new java.util.HashMap<Integer, String>();
    jdbc.sql(
            "select revision, comment from opinion.general_comment_revision"
                + " where consultation_id = ? and pseudonym = ? and comment is not null")
        .params(consultationId, pseudonym)
        .query((java.sql.ResultSet rs) -> {
          general.put(rs.getInt(1), rs.getString(2));
        });
    var entries = new java.util.TreeMap<Integer, StoredRevision>();
    answers.forEach(
        (revision, list) ->
            entries.put(
                revision,
                new StoredRevision(revision, days.get(revision), false, List.copyOf(list), general.get(revision))));
    jdbc.sql(
            "select revision, withdrawn_on from opinion.withdrawal where consultation_id = ? and pseudonym = ?")
        .params(consultationId, pseudonym)
        .query(
            (java.sql.ResultSet rs) -> {
              entries.put(
                  rs.getInt(1), new StoredRevision(rs.getInt(1), rs.getObject(2, LocalDate.class), true, List.of(), null));
            });
    return List.copyOf(entries.values());
  }

  /** A stored receipt: when it was issued and, if so, revoked. */
  public record StoredReceipt(long consultationId, Instant issuedAt, @org.jspecify.annotations.Nullable Instant revokedAt) {}

  public Optional<StoredReceipt> findReceipt(String number) {
    return jdbc.sql("select consultation_id, issued_at, revoked_at from opinion.receipt where number = ?")
        .param(number)
        .query(
            (rs, row) -> {
              OffsetDateTime revoked = rs.getObject(3, OffsetDateTime.class);
              return new StoredReceipt(
                  rs.getLong(1),
                  rs.getObject(2, OffsetDateTime.class).toInstant(),
                  revoked == null ? null : revoked.toInstant());
            })
        .optional();
  }

  /** What the first request with an idempotency key got. */
  public record IdempotentResult(byte[] fingerprint, String receiptNumber, int revision, Instant issuedAt) {}

  public Optional<IdempotentResult> findIdempotent(long consultationId, CitizenId citizen, String key) {
    return jdbc.sql(
            """
            select i.fingerprint, i.receipt_number, i.revision, r.issued_at
            from opinion.idempotent_request i join opinion.receipt r on r.number = i.receipt_number
            where i.consultation_id = ? and i.citizen_id = ? and i.key = ?
            """)
        .params(consultationId, citizen.value(), key)
        .query(
            (rs, row) ->
                new IdempotentResult(
                    rs.getBytes(1), rs.getString(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
        .optional();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
