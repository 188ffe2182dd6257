package vn.ykien.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answer to a request without a valid e-ID token: 401 as problem+json, in Vietnamese and
 * English like every other API error.
 */
class ProblemEntryPoint implements AuthenticationEntryPoint {

  private static final String KEY = "opinion.notSignedIn";

  private final MessageSource messages;
  private final JsonMapper json = JsonMapper.builder().build();

  ProblemEntryPoint(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException problem)
      throws IOException {
    String vi = messages.getMessage(KEY, null, Locale.of("vi"));
    String en = messages.getMessage(KEY, null, Locale.ENGLISH);
    boolean english =
        request.getHeader("Accept-Language") != null
            && "en".equals(request.getLocale().getLanguage());
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("type", "urn:ykien:problem:" + KEY);
    body.put("title", messages.getMessage("problem.status.401", null, english ? Locale.ENGLISH : Locale.of("vi")));
    body.put("status", 401);
    body.put("detail", english ? en : vi);
    body.put("code", KEY);
    body.put("messages", java.util.Map.of("vi", vi, "en", en));
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader("WWW-Authenticate", "Bearer");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
