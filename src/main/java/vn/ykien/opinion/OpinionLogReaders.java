package vn.ykien.opinion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link OpinionLogReader}, each on a thread of its own, never on a request's: it takes
 * the reader's position (one server at a time holds it), reads the next batch of the log, applies
 * it and stores the new position in one transaction. A change the reader cannot apply is parked
 * with its reason and the reader goes on; when the database is away the reader waits and tries
 * again. Each reader uses at most one connection at a time.
 */
@Component
public class OpinionLogReaders implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OpinionLogReaders.class);

  private final List<OpinionLogReader> readers;
  private final OpinionLog opinionLog;
  private final ParticipationLog participationLog;
  private final ContentMixer mixer;
  private final TransactionTemplate transactions;
  private final int batchSize;
  private final Duration idle;
  private final boolean enabled;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  OpinionLogReaders(
      List<OpinionLogReader> readers,
      OpinionLog opinionLog,
      ParticipationLog participationLog,
      ContentMixer mixer,
      PlatformTransactionManager transactionManager,
      @Value("${ykien.readers.batch-size:500}") int batchSize,
      @Value("${ykien.readers.idle-wait:PT0.5S}") Duration idle,
      @Value("${ykien.readers.enabled:true}") boolean enabled) {
    this.readers = List.copyOf(readers);
    this.opinionLog = opinionLog;
    this.participationLog = participationLog;
    this.mixer = mixer;
    this.transactions = new TransactionTemplate(transactionManager);
    this.batchSize = batchSize;
    this.idle = idle;
    this.enabled = enabled;
  }

  /** What one step of a reader did. */
  public sealed interface Step {
    /** Applied this many changes (none: nothing new). */
    record Applied(int changes) implements Step {}

    /** Another server holds the reader's position. */
    record HeldElsewhere() implements Step {}

    /** The batch failed; the first change of it was then applied alone, or parked. */
    record Isolated(boolean parked) implements Step {}
  }

  /** One batch of one reader, now, on the caller's thread. */
  public Step step(OpinionLogReader reader) {
    return step(reader, batchSize);
  }

  private Step step(OpinionLogReader reader, int limit) {
    try {
      return transactions.execute(status -> {
        var position = reader.lockPosition();
        if (position.isEmpty()) {
          return new Step.HeldElsewhere();
        }
        List<OpinionChange> changes = changesAfter(reader, position.get(), limit);
        if (!changes.isEmpty()) {
          reader.apply(changes);
          reader.savePosition(changes.getLast().position());
        }
        return new Step.Applied(changes.size());
      });
    } catch (RuntimeException failed) {
      if (transient_(failed)) {
        throw failed;
      }
      return isolate(reader, failed);
    }
  }

  /** The batch failed: apply its first change alone, or park it with the reason. */
  private Step isolate(OpinionLogReader reader, RuntimeException batchFailure) {
    try {
      return transactions.execute(status -> {
        var position = reader.lockPosition();
        if (position.isEmpty()) {
          return new Step.HeldElsewhere();
        }
        List<OpinionChange> first = changesAfter(reader, position.get(), 1);
        if (first.isEmpty()) {
          return new Step.Applied(0);
        }
        reader.apply(first);
        reader.savePosition(first.getFirst().position());
        return new Step.Isolated(false);
      });
    } catch (RuntimeException failed) {
      if (transient_(failed)) {
        throw failed;
      }
      return transactions.execute(status -> {
        var position = reader.lockPosition();
        if (position.isEmpty()) {
          return new Step.HeldElsewhere();
        }
        List<OpinionChange> first = changesAfter(reader, position.get(), 1);
        if (first.isEmpty()) {
          return new Step.Applied(0);
        }
        String reason = reasonOf(failed);
        log.warn("Reader {} parked change {}: {} / Bộ đọc {} tạm gác thay đổi {}: {}",
            reader.name(), first.getFirst().position().id(), reason, reader.name(), first.getFirst().position().id(), reason);
        reader.park(first.getFirst(), reason);
        reader.savePosition(first.getFirst().position());
        return new Step.Isolated(true);
      });
    }
  }

  /** The next changes of the log the reader follows, after its position. */
  public List<OpinionChange> changesAfter(OpinionLogReader reader, LogPosition position, int limit) {
    return reader.log() == LogKind.PARTICIPATION
        ? participationLog.after(position, limit)
        : opinionLog.after(position, limit);
  }

  private static boolean transient_(RuntimeException failure) {
    return failure instanceof TransientDataAccessException
        || failure instanceof RecoverableDataAccessException
        || failure instanceof DataAccessResourceFailureException
        || failure instanceof CannotCreateTransactionException;
  }

  /** Every reader with its position and how far behind the log's head it is. */
  public record Lag(String reader, LogPosition position, long pending, long parked) {}

  public List<Lag> lag() {
    return lag(1_000_000);
  }

  /** As {@link #lag()}, counting at most {@code cap} pending changes per reader (for a page). */
  public List<Lag> lag(long cap) {
    List<Lag> lag = new ArrayList<>();
    for (OpinionLogReader reader : readers) {
      LogPosition position = reader.position();
      long pending =
          reader.log() == LogKind.PARTICIPATION
              ? participationLog.pendingAfter(position, cap)
              : opinionLog.pendingAfter(position, cap);
      lag.add(new Lag(reader.name(), position, pending, reader.parked()));
    }
    return lag;
  }

  /**
   * Waits until the mixer has written every envelope waiting now, then until every reader has
   * passed the head of its log as it is then (what the caller wrote before
   * is then applied everywhere); false if that took longer than {@code timeout}.
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    // First the mixer: every envelope waiting now is written to the opinion log.
    long envelopes = mixer.newestWaiting();
    while (mixer.waiting(envelopes)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    LogPosition contentHead = opinionLog.head();
    LogPosition participationHead = participationLog.head();
    for (OpinionLogReader reader : readers) {
      LogPosition head = reader.log() == LogKind.PARTICIPATION ? participationHead : contentHead;
      while (reader.position().isBefore(head)) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(20);
      }
    }
    return true;
  }

  public List<OpinionLogReader> readers() {
    return readers;
  }

  private void run(OpinionLogReader reader) {
    // After a batch failed, the next batch's worth of changes go one at a time (each bad one is
    // then parked at once), then whole batches again.
    int oneByOne = 0;
    while (running.get()) {
      try {
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        Step step = step(reader, oneByOne > 0 ? 1 : batchSize);
        rest(reader, THREADS.getCurrentThreadCpuTime() - cpuBefore);
        if (step instanceof Step.Isolated) {
          oneByOne = batchSize;
        } else if (oneByOne > 0 && step instanceof Step.Applied(int n) && n > 0) {
          oneByOne--;
        }
        boolean more = step instanceof Step.Applied(int n) && n == (oneByOne > 0 ? 1 : batchSize)
            || step instanceof Step.Isolated;
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
        log.warn("Reader {} waits: {} / Bộ đọc {} chờ: {}", reader.name(), failed.getMessage(), reader.name(), failed.getMessage());
        try {
          Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private static final java.lang.management.OperatingSystemMXBean SYSTEM =
      java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  /** Above this share of the machine's CPU in use, readers with a share below 1 rest. */
  static final double BUSY = 0.75;

  /**
   * After a batch that cost the reader's thread {@code cpuNanos} of CPU, the rest that keeps it
   * within its share while the machine is busy (nothing when the CPU is mostly idle: it catches up
   * at full speed then).
   */
  private static void rest(OpinionLogReader reader, long cpuNanos) throws InterruptedException {
    double share = reader.share();
    if (share >= 1 || cpuNanos < 1_000_000 || !busy()) {
      return;
    }
    long rest = (long) (cpuNanos * (1 - share) / share);
    Thread.sleep(Duration.ofNanos(Math.min(rest, Duration.ofSeconds(30).toNanos())));
  }

  private static boolean busy() {
    if (SYSTEM instanceof com.sun.management.OperatingSystemMXBean measured) {
      double load = measured.getCpuLoad();
      return load < 0 || load > BUSY;
    }
    return true;
  }

  /**
   * Why a change was parked, as officials may read it: the error's kind and its first line only,
   * without the database's detail (which names the values of the failing row: a pseudonym, a
   * comment's text).
   */
  static String reasonOf(Throwable failure) {
    Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure);
    String first = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
    first = first.replaceAll("(Key \\(|Failing row contains|Detail:).*", "").strip();
    String state = cause instanceof java.sql.SQLException sql && sql.getSQLState() != null ? " [" + sql.getSQLState() + "]" : "";
    String reason = cause.getClass().getSimpleName() + state + ": " + first;
    return reason.length() > 500 ? reason.substring(0, 500) : reason;
  }

  @Override
  public void start() {
    if (!enabled || !running.compareAndSet(false, true)) {
      return;
    }
    for (OpinionLogReader reader : readers) {
      threads.add(Thread.ofPlatform().name("log-reader-" + reader.name()).daemon().start(() -> run(reader)));
    }
  }

  @Override
  public void stop() {
    running.set(false);
    for (Thread thread : threads) {
      thread.interrupt();
    }
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  /** Start after everything else (the database, the demo), stop before it. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
