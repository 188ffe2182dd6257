package vn.ykien.registry.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ykien.registry.ImportProgress;
import vn.ykien.registry.ImportReport;

/**
 * Imports started from the officials' page, while they run and after: how far each has got, for
 * the progress bar, and its report. Kept in memory: a restart forgets them (the data they applied
 * stays, as each import is one transaction).
 */
@Component
class ImportJobs {

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  Job start(String owner, String unitEdition, String unitCode, String fileName, long bytes) {
    // Reports hold personal values: keep them an hour, not for the life of the server.
    Instant expired = Instant.now().minusSeconds(3600);
    jobs.values().removeIf(old -> old.report() != null && old.started().isBefore(expired));
    Job job = new Job(UUID.randomUUID().toString(), owner, unitEdition, unitCode, fileName, bytes, Instant.now());
    jobs.put(job.id(), job);
    return job;
  }

  /** An import for that unit; officials who may import for the unit may follow it. */
  Optional<Job> find(String id, String unitEdition, String unitCode) {
    return Optional.ofNullable(jobs.get(id))
        .filter(job -> job.unitEdition.equals(unitEdition) && job.unitCode.equals(unitCode));
  }

  /** Imports running now, to keep their number bounded. */
  long running() {
    return jobs.values().stream().filter(job -> job.report() == null).count();
  }

  /** One import: its progress is updated by the import's thread and read by the page. */
  static final class Job implements ImportProgress {
    private final String id;
    private final String owner;
    private final String unitEdition;
    private final String unitCode;
    private final String fileName;
    private final long bytes;
    private final Instant started;
    private final AtomicLong bytesRead = new AtomicLong();
    private volatile Stage stage = Stage.READING;
    private volatile long rows;
    private volatile @Nullable ImportReport report;

    Job(
        String id,
        String owner,
        String unitEdition,
        String unitCode,
        String fileName,
        long bytes,
        Instant started) {
      this.id = id;
      this.owner = owner;
      this.unitEdition = unitEdition;
      this.unitCode = unitCode;
      this.fileName = fileName;
      this.bytes = bytes;
      this.started = started;
    }

    @Override
    public void reached(Stage stage, long rows) {
      this.stage = stage;
      this.rows = rows;
    }

    void finish(ImportReport report) {
      this.report = report;
      this.stage = Stage.DONE;
    }

    InputStream counting(InputStream in) {
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            bytesRead.incrementAndGet();
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          if (n > 0) {
            bytesRead.addAndGet(n);
          }
          return n;
        }
      };
    }

    /** Percent of the file read; reading is most of an import's time. */
    public int percent() {
      if (report != null) {
        return 100;
      }
      return bytes == 0 ? 0 : (int) Math.min(99, 100 * bytesRead.get() / bytes);
    }

    public String id() {
      return id;
    }

    public String owner() {
      return owner;
    }

    public String fileName() {
      return fileName;
    }

    public Instant started() {
      return started;
    }

    public Stage stage() {
      return stage;
    }

    public long rows() {
      return rows;
    }

    public @Nullable ImportReport report() {
      return report;
    }
  }
}
