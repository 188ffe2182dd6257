package vn.ykien;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An official's browser session over real HTTP: signs in through the form, keeps the session
 * cookie, and sends the CSRF token of the last page it read with every form it posts.
 */
public final class OfficialSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http;
  private String csrf = "";

  private final String host;

  public OfficialSession(int port) {
    this.port = port;
    this.host = "localhost";
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * A session from another client address on the loopback network (e.g. 127.0.0.5), as another
   * machine would be: the server sees that address.
   */
  public OfficialSession(int port, String clientAddress) {
    this.port = port;
    this.host = "127.0.0.1";
    try {
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .localAddress(java.net.InetAddress.getByName(clientAddress))
              .build();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(clientAddress, e);
    }
  }

  private final Map<String, String> headers = new LinkedHashMap<>();

  /** Sends this header with every request from now on (e.g. X-Forwarded-For). */
  public OfficialSession withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Where the last sign-in's form sent the browser (e.g. {@code /officials/sign-in?wait=2}). */
  public String lastLocation = "";

  /** Signs in; true when the form accepted the credentials (and code). */
  public boolean signIn(String username, String password, String code) {
    get("/officials/sign-in");
    var form = new LinkedHashMap<String, String>();
    form.put("username", username);
    form.put("password", password);
    form.put("code", code);
    HttpResponse<String> response = post("/officials/sign-in", form);
    String location = response.headers().firstValue("Location").orElse("");
    lastLocation = location;
    // Refusals lead back to the form (?error, ?wait=…, ?busy).
    boolean accepted = response.statusCode() == 302 && !location.contains("/officials/sign-in");
    if (accepted) {
      get("/"); // a page with the sign-out form: the new session's CSRF token
    }
    return accepted;
  }

  public HttpResponse<String> get(String path) {
    return remember(send(HttpRequest.newBuilder(uri(path)).GET()));
  }

  /** A download (a document, a file): the body as bytes. */
  public HttpResponse<byte[]> getBytes(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(request::header);
    try {
      return http.send(request.header("Accept-Language", "vi").build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> post(String path, Map<String, String> fields) {
    var all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf);
    String body =
        all.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return remember(
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  /** Posts a file as a browser's multipart form does. */
  public HttpResponse<String> upload(String path, String fileName, byte[] content) {
    String boundary = "----ykien" + UUID.randomUUID();
    String head =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] end = tail.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + content.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(content, 0, body, start.length, content.length);
    System.arraycopy(end, 0, body, start.length + content.length, end.length);
    return remember(
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
  }

  private HttpResponse<String> remember(HttpResponse<String> response) {
    Matcher matcher = CSRF.matcher(response.body());
    if (matcher.find()) {
      csrf = matcher.group(1);
    }
    return response;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      headers.forEach(request::header);
      return http.send(request.header("Accept-Language", "vi").build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://" + host + ":" + port + path);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
