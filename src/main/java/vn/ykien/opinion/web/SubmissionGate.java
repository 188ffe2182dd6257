package vn.ykien.opinion.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Admission control for submissions: at most {@code ykien.api.max-concurrent-submissions} are
 * worked on at once by this server; a submission that cannot start within
 * {@code ykien.api.submission-wait-ms} is answered 429 with Retry-After instead of joining an
 * ever longer queue. When a whole village submits at once, latency stays bounded and nobody gets
 * a time-out or a 5xx: they are told to try again in a moment.
 */
@Component
class SubmissionGate {

  private final Semaphore permits;
  private final long waitMillis;

  SubmissionGate(
      @Value("${ykien.api.max-concurrent-submissions:16}") int maxConcurrent,
      @Value("${ykien.api.submission-wait-ms:1000}") long waitMillis) {
    this.permits = new Semaphore(maxConcurrent, true);
    this.waitMillis = waitMillis;
  }

  /** Whether the submission may start now; if so, {@link #leave()} must follow. */
  boolean enter() {
    try {
      return permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void leave() {
    permits.release();
  }
}
