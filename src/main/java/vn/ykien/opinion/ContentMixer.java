package vn.ykien.opinion;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ykien.opinion.internal.Content;
import vn.ykien.opinion.internal.ContentSeal;
import vn.ykien.opinion.internal.OpinionStore;

/**
 * Writes content apart from participation (issue 12, ADR 0004). Submissions seal their content to
 * the mixer ({@code opinion.content_inbox}); the mixer, one server at a time, takes the waiting
 * envelopes once at least {@code ykien.opinion.mixer.min-batch} wait or the oldest waited
 * {@code ykien.opinion.mixer.max-wait}, opens them, shuffles them (one person's revisions keep
 * their order among the places they take), writes their answers, general comments, withdrawals and
 * opinion-log rows in that order, and deletes the envelopes — in one transaction of its own, so a
 * crash leaves the envelopes for the next batch and nothing half-written. An envelope it cannot
 * open or apply is parked, still sealed, with the reason.
 */
@Component
public class ContentMixer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ContentMixer.class);

  /** The advisory lock (shared class with the log writers) only one mixer at a time holds. */
  private static final int MIXER_LOCK_OBJECT = 3;

  private static final int MAX_BATCH = 2000;

  private final JdbcClient jdbc;
  private final ContentSeal seal;
  private final OpinionStore store;
  private final TransactionTemplate transactions;
  private final int minBatch;
  private final Duration maxWait;
  private final Duration idle;
  private final boolean enabled;
  private final SecureRandom random = new SecureRandom();
  private final AtomicBoolean running = new AtomicBoolean();
  private Thread thread;

  ContentMixer(
      JdbcClient jdbc,
      ContentSeal seal,
      OpinionStore store,
      PlatformTransactionManager transactionManager,
      @Value("${ykien.opinion.mixer.min-batch:50}") int minBatch,
      @Value("${ykien.opinion.mixer.max-wait:PT10M}") Duration maxWait,
      @Value("${ykien.readers.idle-wait:PT0.5S}") Duration idle,
      @Value("${ykien.readers.enabled:true}") boolean enabled) {
    if (minBatch < 1 || maxWait.isNegative()) {
      throw new IllegalArgumentException(
          "ykien.opinion.mixer.min-batch must be at least 1 and max-wait not negative / phải ít nhất 1 và không âm");
    }
    this.jdbc = jdbc;
    this.seal = seal;
    this.store = store;
    this.transactions = new TransactionTemplate(transactionManager);
    this.minBatch = minBatch;
    this.maxWait = maxWait;
    this.idle = idle;
    this.enabled = enabled;
  }

  /** What one step of the mixer did. */
  public sealed interface Step {
    /** Wrote this many envelopes' content (none: nothing waited). */
    record Mixed(int envelopes) implements Step {}

    /** Too few envelopes wait, and not for long enough: they wait for more. */
    record Waiting(long envelopes) implements Step {}

    /** Another server is mixing. */
    record HeldElsewhere() implements Step {}
  }

  /**
   * One batch, now, on the caller's thread: the waiting envelopes if there are enough or they
   * waited long enough, or with {@code regardless} whatever waits (closing time, a command).
   */
  public Step mix(boolean regardless) {
    return transactions.execute(status -> {
      boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(?, ?)")
          .params(OpinionStore.LOG_LOCK_CLASS, MIXER_LOCK_OBJECT)
          .query(Boolean.class)
          .single();
      if (!mine) {
        return new Step.HeldElsewhere();
      }
      record Waiting(long count, boolean long_) {}
      Waiting waiting = jdbc.sql(
              "select count(*), coalesce(min(since) <= now() - ?::interval, false) from opinion.content_inbox")
          .param(maxWait.toMillis() + " milliseconds")
          .query((rs, n) -> new Waiting(rs.getLong(1), rs.getBoolean(2)))
          .single();
      if (waiting.count() == 0) {
        return new Step.Mixed(0);
      }
      if (!regardless && waiting.count() < minBatch && !waiting.long_()) {
        return new Step.Waiting(waiting.count());
      }
      store.joinLogWriters();
      record Envelope(UUID id, byte[] sealed) {}
      List<Envelope> envelopes = jdbc.sql(
              "select id, sealed from opinion.content_inbox order by seq limit ? for update")
          .param(MAX_BATCH)
          .query((rs, n) -> new Envelope(rs.getObject(1, UUID.class), rs.getBytes(2)))
          .list();
      List<Content> contents = new ArrayList<>(envelopes.size());
      int parked = 0;
      String firstReason = null;
      for (Envelope envelope : envelopes) {
        try {
          contents.add(Content.of(seal.open(envelope.sealed())));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException unreadable) {
          String reason = unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage();
          jdbc.sql("insert into opinion.content_parked (id, sealed, reason, parked_at) values (?, ?, ?, now())")
              .params(envelope.id(), envelope.sealed(), reason)
              .update();
          parked++;
          firstReason = firstReason == null ? reason : firstReason;
        }
      }
      if (parked > 0) {
        log.error("Mixer parked {} envelopes it cannot open, e.g. {} / Bộ trộn tạm gác {} phong bì không mở được, ví dụ {}",
            parked, firstReason, parked, firstReason);
      }
      write(shuffled(contents));
      jdbc.sql("delete from opinion.content_inbox where id = any(?::uuid[])")
          .param(envelopes.stream().map(Envelope::id).toArray(UUID[]::new))
          .update();
      return new Step.Mixed(envelopes.size());
    });
  }

  /**
   * A random order of the contents in which each pseudonym's revisions still come in order: the
   * places a pseudonym's contents land on are random, and its contents fill them by revision.
   */
  List<Content> shuffled(List<Content> contents) {
    List<Content> order = new ArrayList<>(contents);
    Collections.shuffle(order, random);
    Map<String, List<Integer>> places = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      places.computeIfAbsent(key(order.get(i)), k -> new ArrayList<>()).add(i);
    }
    List<Content> result = new ArrayList<>(order);
    for (List<Integer> at : places.values()) {
      if (at.size() > 1) {
        List<Content> these = new ArrayList<>(at.stream().map(order::get).toList());
        these.sort(java.util.Comparator.comparingInt(Content::revision));
        for (int i = 0; i < at.size(); i++) {
          result.set(at.get(i), these.get(i));
        }
      }
    }
    return result;
  }

  private static String key(Content content) {
    return content.consultationId() + ":" + HexFormat.of().formatHex(content.pseudonym());
  }

  /** Writes the contents in this order, one statement per table. */
  private void write(List<Content> contents) {
    if (contents.isEmpty()) {
      return;
    }
    int n = contents.size();
    Long[] consultation = new Long[n];
    byte[][] pseudonym = new byte[n][];
    Integer[] revision = new Integer[n];
    Boolean[] withdrawn = new Boolean[n];
    Long[] commune = new Long[n];
    String[] channel = new String[n];
    String[] age = new String[n];
    String[] sex = new String[n];
    String[] occupation = new String[n];
    Integer[] memberships = new Integer[n];
    // Dates as ISO text: the driver binds no array of LocalDate.
    String[] firstDay = new String[n];
    String[] day = new String[n];
    String[] general = new String[n];
    List<Object[]> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Content c = contents.get(i);
      consultation[i] = c.consultationId();
      pseudonym[i] = c.pseudonym();
      revision[i] = c.revision();
      withdrawn[i] = c.withdrawal();
      day[i] = c.day().toString();
      memberships[i] = 0;
      if (!c.withdrawal()) {
        commune[i] = c.communeId();
        channel[i] = c.channel().name();
        age[i] = c.group().age().name();
        sex[i] = c.group().sex().name();
        occupation[i] = c.group().occupation() == null ? null : c.group().occupation().name();
        memberships[i] = c.group().membershipBits();
        firstDay[i] = c.firstDay().toString();
        general[i] = c.generalComment();
        for (Answer answer : c.answers()) {
          answers.add(new Object[] {i, answer.itemId(), answer.stance().name(), answer.comment()});
        }
      }
    }
    jdbc.sql(
            """
            insert into opinion.answer_revision (consultation_id, pseudonym, item_id, revision, stance, comment, submitted_on)
            select k.c[a.i + 1], k.p[a.i + 1], a.item, k.v[a.i + 1], a.stance, a.comment, k.d[a.i + 1]
            from (select ?::bigint[] as c, ?::bytea[] as p, ?::int[] as v, ?::date[] as d) k,
                 unnest(?::int[], ?::bigint[], ?::text[], ?::text[]) a(i, item, stance, comment)
            """)
        .params(
            consultation, pseudonym, revision, day,
            answers.stream().map(a -> (Integer) a[0]).toArray(Integer[]::new),
            answers.stream().map(a -> (Long) a[1]).toArray(Long[]::new),
            answers.stream().map(a -> (String) a[2]).toArray(String[]::new),
            answers.stream().map(a -> (String) a[3]).toArray(String[]::new))
        .update();
    jdbc.sql(
            """
            insert into opinion.general_comment_revision (consultation_id, pseudonym, revision, comment, submitted_on)
            select c, p, v, g, d from unnest(?::bigint[], ?::bytea[], ?::int[], ?::text[], ?::date[], ?::boolean[])
              x(c, p, v, g, d, w)
            where not w
            """)
        .params(consultation, pseudonym, revision, general, day, withdrawn)
        .update();
    jdbc.sql(
            """
            insert into opinion.withdrawal (consultation_id, pseudonym, revision, withdrawn_on)
            select c, p, v, d from unnest(?::bigint[], ?::bytea[], ?::int[], ?::date[], ?::boolean[]) x(c, p, v, d, w)
            where w
            """)
        .params(consultation, pseudonym, revision, day, withdrawn)
        .update();
    jdbc.sql(
            """
            insert into opinion.change_log (consultation_id, pseudonym, revision, withdrawn, unit_id, channel, age_band,
              sex, occupation, memberships, first_day, day)
            select c, p, v, w, u, ch, a, s, o, m, f, d
            from unnest(?::bigint[], ?::bytea[], ?::int[], ?::boolean[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::int[], ?::date[], ?::date[]) with ordinality x(c, p, v, w, u, ch, a, s, o, m, f, d, place)
            order by place
            """)
        .params(consultation, pseudonym, revision, withdrawn, commune, channel, age, sex, occupation, memberships,
            firstDay, day)
        .update();
  }

  /** How many envelopes wait, and how many were parked. */
  public record Backlog(long waiting, long parked, @org.jspecify.annotations.Nullable Timestamp oldest) {}

  public Backlog backlog() {
    return jdbc.sql(
            """
            select (select count(*) from opinion.content_inbox), (select count(*) from opinion.content_parked),
                   (select min(since) from opinion.content_inbox)
            """)
        .query((rs, n) -> new Backlog(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3)))
        .single();
  }

  /** The position of the newest envelope waiting now (0: none). */
  long newestWaiting() {
    return jdbc.sql("select coalesce(max(seq), 0) from opinion.content_inbox").query(Long.class).single();
  }

  /** Whether any envelope up to this position still waits. */
  boolean waiting(long upTo) {
    return jdbc.sql("select exists (select 1 from opinion.content_inbox where seq <= ?)")
        .param(upTo)
        .query(Boolean.class)
        .single();
  }

  private void run() {
    while (running.get()) {
      try {
        Step step = mix(false);
        boolean more = step instanceof Step.Mixed(int n) && n == MAX_BATCH;
        if (!more) {
          Thread.sleep(idle);
        }
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException failed) {
        if (!running.get()) {
          return;
        }
        log.warn("Mixer waits: {} / Bộ trộn chờ: {}", failed.getMessage(), failed.getMessage());
        try {
          Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void start() {
    // Only a server that holds the mixer's private key mixes; the others only seal.
    if (!enabled || !seal.canOpen() || !running.compareAndSet(false, true)) {
      return;
    }
    thread = Thread.ofPlatform().name("content-mixer").daemon().start(this::run);
  }

  @Override
  public void stop() {
    running.set(false);
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  /** Start after everything else (the database, the demo), stop before it; before the readers. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 101;
  }
}
