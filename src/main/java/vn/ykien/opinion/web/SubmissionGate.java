package vn.ykien.opinion.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admission control for submissions, in front of everything else (token check, JSON): at most
 * {@code ykien.api.max-concurrent-submissions} are worked on at once by this server; one that
 * cannot start within {@code ykien.api.submission-wait-ms} is answered 429 with Retry-After at
 * once, before any costly work. When a whole village submits at once, the server keeps storing at
 * its full rate, latency stays bounded, and nobody gets a time-out or a 5xx: the others are told
 * to try again in a moment. Registered by {@link SubmissionGateRegistration}.
 */
class SubmissionGate extends OncePerRequestFilter {

  private static final Pattern SUBMISSION = Pattern.compile("/api/v1/consultations/[^/]+/opinions");

  private final Semaphore permits;
  private final long waitMillis;
  private final ApiProblems problems;
  private final JsonMapper json;

  SubmissionGate(int maxConcurrent, long waitMillis, ApiProblems problems,
      JsonMapper json) {
    this.permits = new Semaphore(maxConcurrent, true);
    this.waitMillis = waitMillis;
    this.problems = problems;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !SUBMISSION.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!enter()) {
      // Spread the retries, so that they do not all come back in the same second.
      long retry = 2 + ThreadLocalRandom.current().nextLong(4);
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", String.valueOf(retry));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(
          response.getOutputStream(), problems.problem(HttpStatus.TOO_MANY_REQUESTS, "opinion.busy", request, retry));
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      leave();
    }
  }

  /** Whether a submission may start now; if so, {@link #leave()} must follow. */
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
