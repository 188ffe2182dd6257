// Load generator for the opinion API (bench/submit-load.sh, bench/submit-surge.sh).
// A single-file Java program (java bench/SubmitLoad.java ...), JDK only, no dependencies.
//
// It signs e-ID access tokens (RS256) with the key the server's development e-ID provider was
// started with, one per citizen, before any timing starts; then it submits full opinions (every
// item, some comments, a general comment now and then, an Idempotency-Key) for distinct citizens.
//
// Modes (all print their figures; none asserts anything):
//   peak  --concurrency C --seconds S   closed loop: C clients back to back; the server's peak
//   rate  --rate R --seconds S          open loop at R/s; latency counted from each request's
//                                       scheduled time, so a slow server cannot hide its queue
//   surge --rate R --seconds S          R/s for 20 s, 10×R for S s, R/s for 40 s; per-second
//                                       p99 and status counts, and how long latency took to
//                                       come back after the surge (5 s in a row within 2 x the
//                                       p99 before it, or 20 ms above)
// Every acknowledged submission (201 with a receipt) is written to --ack as "citizen receipt", and
// with --ack-times the wall-clock millisecond each 201 arrived, one per line.

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SubmitLoad {

  record Result(long scheduledNanos, long latencyNanos, int status, String citizen, String receipt) {}

  static final Pattern RECEIPT = Pattern.compile("\"receiptNumber\"\\s*:\\s*\"([^\"]+)\"");

  static final String[] COMMENTS = {
    "Đề nghị giữ nguyên quy định hiện hành về quyền chất vấn của đại biểu Hội đồng nhân dân.",
    "Tán thành việc tổ chức chính quyền địa phương hai cấp, đề nghị quy định rõ thời gian chuyển tiếp.",
    "Đồng ý một phần: cần bổ sung cơ chế giám sát của Nhân dân đối với chính quyền cấp xã.",
    "Đề nghị làm rõ vai trò của Mặt trận Tổ quốc Việt Nam trong việc tập hợp ý kiến Nhân dân.",
  };

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String mode = options.getOrDefault("mode", "peak");
    String url = options.get("url") + "/api/v1/consultations/" + options.get("consultation") + "/opinions";
    long[] items = Arrays.stream(options.get("items").split(",")).mapToLong(Long::parseLong).toArray();
    List<String> citizens = Files.readAllLines(Path.of(options.get("citizens")));
    int offset = Integer.parseInt(options.getOrDefault("offset", "0"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
    int warmSeconds = Integer.parseInt(options.getOrDefault("warmup", "15"));
    int wanted =
        switch (mode) {
          // at most 1,500 submissions a second are prepared for: far above what 2 cores reach
          case "peak" -> (warmSeconds + seconds) * 1_500;
          // the warm-up runs flat out: up to 600/s are set aside for it
          case "rate" -> warmSeconds * 600 + (int) Math.ceil(rate * seconds) + 1;
          case "surge" -> warmSeconds * 600 + (int) Math.ceil(rate * 60 + rate * 10 * seconds) + 1;
          default -> throw new IllegalArgumentException("mode: peak, rate or surge");
        };
    final int needed = Math.min(wanted, citizens.size() - offset);
    PrivateKey key = readKey(Path.of(options.get("key")));
    long t = System.nanoTime();
    String[] tokens = new String[needed];
    String[] bodies = new String[needed];
    try (var pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
      int chunk = Math.max(1, needed / 64);
      for (int start = 0; start < needed; start += chunk) {
        int from = start;
        int to = Math.min(needed, start + chunk);
        pool.submit(
            () -> {
              var random = new SplittableRandom(from);
              for (int i = from; i < to; i++) {
                tokens[i] = token(key, citizens.get(offset + i));
                bodies[i] = body(items, random);
              }
              return null;
            });
      }
    }
    System.out.printf("prepared %d tokens and opinions in %.1f s (not timed)%n", needed, (System.nanoTime() - t) / 1e9);

    HttpClient http = null; // requests go through Connection (see below)
    var results = new ConcurrentLinkedQueue<Result>();
    AtomicInteger next = new AtomicInteger();
    // Warm-up: the same load for --warmup seconds, not counted (the server's JIT compiles the
    // hot paths meanwhile); their citizens are used up.
    long warmEnd = System.nanoTime() + warmSeconds * 1_000_000_000L;
    try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < Math.min(concurrency, 8); c++) {
        clients.submit(
            () -> {
              while (System.nanoTime() < warmEnd) {
                int i = next.getAndIncrement();
                if (i >= needed) {
                  return;
                }
                send(http, url, tokens, bodies, citizens, offset, i, System.nanoTime());
              }
            });
      }
    }
    System.out.printf("warmed up for %d s with %d submissions (not counted)%n", warmSeconds, next.get());
    System.out.println("sending");
    System.out.flush();
    long began = System.nanoTime();
    switch (mode) {
      case "peak" -> {
        long end = began + seconds * 1_000_000_000L;
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
          for (int c = 0; c < concurrency; c++) {
            clients.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    int i = next.getAndIncrement();
                    if (i >= needed) {
                      exhausted = true;
                      return;
                    }
                    results.add(send(http, url, tokens, bodies, citizens, offset, i, System.nanoTime()));
                  }
                });
          }
        }
      }
      case "rate" -> openLoop(http, url, tokens, bodies, citizens, offset, next, needed, results, began, List.of(new double[] {rate, seconds}));
      case "surge" ->
          openLoop(
              http, url, tokens, bodies, citizens, offset, next, needed, results, began,
              List.of(new double[] {rate, 20}, new double[] {rate * 10, seconds}, new double[] {rate, 40}));
      default -> throw new IllegalStateException();
    }
    double elapsed = (System.nanoTime() - began) / 1e9;
    if (exhausted) {
      System.out.println("WARNING: ran out of prepared citizens; the figures below are cut short");
    }
    report(mode, new ArrayList<>(results), elapsed, began, rate, seconds);
    if (options.containsKey("ack-times")) {
      long wallMinusNano = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
      try (BufferedWriter out = Files.newBufferedWriter(Path.of(options.get("ack-times")))) {
        for (Result r : results) {
          if (r.status() == 201) {
            out.write((r.scheduledNanos() + r.latencyNanos() + wallMinusNano) / 1_000_000L + "\n");
          }
        }
      }
    }
    if (options.containsKey("ack")) {
      try (BufferedWriter out = Files.newBufferedWriter(Path.of(options.get("ack")))) {
        for (Result r : results) {
          if (r.status() == 201 && r.receipt() != null) {
            out.write(r.citizen() + " " + r.receipt() + "\n");
          }
        }
      }
    }
    System.exit(0);
  }

  static void openLoop(
      HttpClient http, String url, String[] tokens, String[] bodies, List<String> citizens, int offset,
      AtomicInteger next, int needed, ConcurrentLinkedQueue<Result> results, long began, List<double[]> phases) {
    try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
      long phaseStart = began;
      for (double[] phase : phases) {
        double perSecond = phase[0];
        long count = (long) (perSecond * phase[1]);
        for (long k = 0; k < count; k++) {
          long scheduled = phaseStart + (long) (k * 1e9 / perSecond);
          long wait = scheduled - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          int i = next.getAndIncrement();
          if (i >= needed) {
            exhausted = true;
            break;
          }
          senders.submit(() -> results.add(send(http, url, tokens, bodies, citizens, offset, i, scheduled)));
        }
        phaseStart += (long) (phase[1] * 1e9);
      }
    }
  }

  /**
   * One keep-alive HTTP/1.1 connection per sending thread, written and read by hand: the JDK's
   * HttpClient costs several times more CPU per request, and this machine's two cores are shared
   * with the server and its database.
   */
  static final ConcurrentLinkedQueue<Connection> IDLE = new ConcurrentLinkedQueue<>();

  /** Set when a request was due but no prepared citizen was left. */
  static volatile boolean exhausted;

  static final class Connection implements AutoCloseable {
    final java.net.Socket socket;
    final java.io.BufferedInputStream in;
    final java.io.OutputStream out;

    Connection(URI uri) throws java.io.IOException {
      socket = new java.net.Socket(uri.getHost(), uri.getPort());
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(30_000);
      in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    /** Sends one request, returns the status and the body. */
    String[] exchange(byte[] request) throws java.io.IOException {
      out.write(request);
      out.flush();
      String statusLine = line();
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      int length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).strip());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        }
      }
      var body = new java.io.ByteArrayOutputStream();
      if (chunked) {
        for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
          body.write(in.readNBytes(size));
          line();
        }
        line();
      } else if (length > 0) {
        body.write(in.readNBytes(length));
      }
      return new String[] {String.valueOf(status), body.toString(StandardCharsets.UTF_8), close ? "close" : ""};
    }

    private String line() throws java.io.IOException {
      var line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new java.io.EOFException();
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (java.io.IOException ignored) {
        // closing anyway
      }
    }
  }

  static Result send(
      HttpClient http, String url, String[] tokens, String[] bodies, List<String> citizens, int offset, int i, long scheduled) {
    URI uri = URI.create(url);
    byte[] body = bodies[i].getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + tokens[i]
                + "\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    int status;
    String receipt = null;
    try {
      Connection connection = IDLE.poll();
      if (connection == null) {
        connection = new Connection(uri);
      }
      String[] answer;
      try {
        answer = connection.exchange(request);
      } catch (java.io.IOException e) {
        connection.close();
        throw e;
      }
      if (answer[2].isEmpty()) {
        IDLE.add(connection);
      } else {
        connection.close(); // the server ends keep-alive connections now and then
      }
      status = Integer.parseInt(answer[0]);
      if (status == 201) {
        Matcher m = RECEIPT.matcher(answer[1]);
        receipt = m.find() ? m.group(1) : null;
      }
    } catch (Exception e) {
      status = -1; // no answer at all (refused, reset, timed out)
    }
    return new Result(scheduled, System.nanoTime() - scheduled, status, citizens.get(offset + i), receipt);
  }

  static void report(String mode, List<Result> results, double elapsed, long began, double rate, int seconds) {
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    results.forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
    long ok = results.stream().filter(r -> r.status() == 201).count();
    long[] latencies = results.stream().filter(r -> r.status() == 201).mapToLong(Result::latencyNanos).sorted().toArray();
    System.out.printf("mode=%s requests=%d statuses=%s elapsed_s=%.1f%n", mode, results.size(), statuses, elapsed);
    System.out.printf(
        "submissions_per_s=%.0f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
        ok / elapsed, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), pct(latencies, 100));
    if (mode.equals("surge")) {
      // Per second: how many were sent, answered 201 / 429 / other, and the 201s' p99.
      Map<Long, List<Result>> bySecond = new java.util.TreeMap<>();
      for (Result r : results) {
        bySecond.computeIfAbsent((r.scheduledNanos() - began) / 1_000_000_000L, s -> new ArrayList<>()).add(r);
      }
      double baseline = Double.NaN;
      long surgeEnd = 20 + seconds;
      long recoveredAt = -1;
      Map<Long, Double> p99s = new HashMap<>();
      System.out.println("second sent ok_201 limited_429 other p99_ms");
      for (var entry : bySecond.entrySet()) {
        long second = entry.getKey();
        var list = entry.getValue();
        long[] secondLatencies = list.stream().filter(r -> r.status() == 201).mapToLong(Result::latencyNanos).sorted().toArray();
        long limited = list.stream().filter(r -> r.status() == 429).count();
        long other = list.stream().filter(r -> r.status() != 201 && r.status() != 429).count();
        double p99 = pct(secondLatencies, 99);
        System.out.printf("%d %d %d %d %d %.1f%n", second, list.size(), secondLatencies.length, limited, other, p99);
        if (second == 15) {
          baseline = pct(bySecondLatencies(bySecond, 5, 19), 99);
        }
        p99s.put(second, p99);
      }
      // Back to normal: from the first second after the surge that starts five seconds in a row
      // within 2 x the baseline p99 (or 20 ms above it).
      for (long second = surgeEnd; second < surgeEnd + 40 && recoveredAt < 0; second++) {
        boolean normal = true;
        for (long s = second; s < second + 5; s++) {
          double p = p99s.getOrDefault(s, Double.NaN);
          normal &= !Double.isNaN(p) && p <= Math.max(2 * baseline, baseline + 20);
        }
        if (normal) {
          recoveredAt = second;
        }
      }
      long others = results.stream().filter(r -> r.status() != 201 && r.status() != 429).count();
      System.out.printf(
          "baseline_p99_ms=%.1f errors_other_than_429=%d recovered_after_s=%s%n",
          baseline, others, recoveredAt < 0 ? "never" : String.valueOf(recoveredAt - surgeEnd));
    }
  }

  static long[] bySecondLatencies(Map<Long, List<Result>> bySecond, long from, long to) {
    return bySecond.entrySet().stream()
        .filter(e -> e.getKey() >= from && e.getKey() <= to)
        .flatMap(e -> e.getValue().stream())
        .filter(r -> r.status() == 201)
        .mapToLong(Result::latencyNanos)
        .sorted()
        .toArray();
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  static String body(long[] items, SplittableRandom random) {
    StringBuilder json = new StringBuilder("{\"answers\":[");
    for (int i = 0; i < items.length; i++) {
      double roll = random.nextDouble();
      String stance = roll < 0.85 ? "APPROVE" : roll < 0.95 ? "DISAPPROVE" : "PARTLY";
      boolean comment = stance.equals("PARTLY") || random.nextDouble() < 0.2;
      json.append(i == 0 ? "" : ",").append("{\"itemId\":").append(items[i]).append(",\"stance\":\"").append(stance).append('"');
      if (comment) {
        json.append(",\"comment\":\"").append(COMMENTS[random.nextInt(COMMENTS.length)]).append('"');
      }
      json.append('}');
    }
    json.append(']');
    if (random.nextDouble() < 0.1) {
      json.append(",\"generalComment\":\"").append(COMMENTS[random.nextInt(COMMENTS.length)]).append('"');
    }
    return json.append('}').toString();
  }

  static String token(PrivateKey key, String citizen) {
    long now = System.currentTimeMillis() / 1000;
    String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String claims =
        b64(
            "{\"sub\":\"%s\",\"aud\":\"ykien-api\",\"citizen_id\":\"%s\",\"acr\":\"urn:vneid:loa:2\",\"iat\":%d,\"exp\":%d}"
                .formatted(citizen, citizen, now, now + 3 * 3600));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
      return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static PrivateKey readKey(Path pem) throws Exception {
    String text = Files.readString(pem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip();
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(text)));
  }
}
