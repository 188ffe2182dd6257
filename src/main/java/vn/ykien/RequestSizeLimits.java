package vn.ykien;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every request's body by its route before anything reads it: before Spring Security
 * (whose CSRF check reads a form's parameters, and so a multipart body in full, spooled to disk)
 * and before the multipart parser. A body declared larger than its route allows is refused at
 * once (413) without being read; a body of unknown length (chunked) is refused (411) on every
 * route whose limit is below the multipart parser's own, which counts while it reads.
 */
class RequestSizeLimits extends OncePerRequestFilter {

  private static final Locale VI = Locale.of("vi");

  /** The limits: one for every route, and larger ones for the routes that upload files. */
  @ConfigurationProperties("ykien.web.request-size")
  record Properties(DataSize defaultLimit, DataSize multipartLimit, List<Route> routes) {

    Properties {
      routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** A path pattern (e.g. {@code /officials/units/*&#47;*&#47;receipts}) and its limit. */
    record Route(String pattern, DataSize limit) {}
  }

  private record Limit(PathPattern pattern, long bytes) {}

  private final long defaultBytes;
  private final long multipartBytes;
  private final List<Limit> limits;
  private final MessageSource messages;
  private final JsonMapper json;

  RequestSizeLimits(Properties properties, MessageSource messages, JsonMapper json) {
    this.defaultBytes = properties.defaultLimit().toBytes();
    this.multipartBytes = properties.multipartLimit().toBytes();
    var parser = PathPatternParser.defaultInstance;
    this.limits =
        properties.routes().stream()
            .map(route -> new Limit(parser.parse(route.pattern()), route.limit().toBytes()))
            .toList();
    this.messages = messages;
    this.json = json;
  }

  /** The most a request to this path may send. */
  long limitFor(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return limits.stream()
        .filter(limit -> limit.pattern().matches(container))
        .mapToLong(Limit::bytes)
        .findFirst()
        .orElse(defaultBytes);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = limitFor(path);
    long declared = request.getContentLengthLong();
    boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
    if (declared > limit) {
      refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.tooLarge", DataSize.ofBytes(limit).toMegabytes());
      return;
    }
    if (chunked && limit < multipartBytes) {
      refuse(request, response, HttpStatus.LENGTH_REQUIRED, "request.lengthRequired");
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * The API answers with bilingual problem details; a page with a short page in both languages.
   * The connection is closed: what the client still sends is not read.
   */
  private void refuse(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key, Object... args)
      throws IOException {
    response.setHeader("Connection", "close");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setStatus(status.value());
    if (!path.startsWith("/api/")) {
      String vi = messages.getMessage(key, args, VI);
      String en = messages.getMessage(key, args, Locale.ENGLISH);
      // Not through the error page: its dispatch would pass the filters again, and the CSRF
      // check would read the very body refused here.
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>%s</title></head><body><main>"
                      .formatted(HtmlUtils.htmlEscape(messages.getMessage("error.title", null, VI)))
                  + "<h1>%s</h1><p>%s</p><p lang=\"en\">%s</p><p><a href=\"/\">%s</a> · <a href=\"/?lang=en\">%s</a></p>"
                      .formatted(
                          HtmlUtils.htmlEscape(messages.getMessage("error.title", null, VI)),
                          HtmlUtils.htmlEscape(vi),
                          HtmlUtils.htmlEscape(en),
                          HtmlUtils.htmlEscape(messages.getMessage("error.back", null, VI)),
                          HtmlUtils.htmlEscape(messages.getMessage("error.back", null, Locale.ENGLISH)))
                  + "</main></body></html>");
      return;
    }
    ProblemDetail problem = vn.ykien.shared.ApiProblem.of(messages, status, key, request, args);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
