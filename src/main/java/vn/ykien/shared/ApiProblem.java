package vn.ykien.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details whose text is given in Vietnamese and English: {@code detail} in the
 * language the caller asked for (Vietnamese unless Accept-Language prefers English), and both in
 * {@code messages}. {@code code} is the stable message key for programs. Every API of the
 * platform answers its errors this way.
 */
public final class ApiProblem {

  private static final Locale VI = Locale.of("vi");

  private ApiProblem() {}

  public static ProblemDetail of(
      MessageSource messages, HttpStatus status, String key, HttpServletRequest request, Object... args) {
    String vi = messages.getMessage(key, args, VI);
    String en = messages.getMessage(key, args, Locale.ENGLISH);
    boolean english = request.getHeader("Accept-Language") != null && request.getLocale().getLanguage().equals("en");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, english ? en : vi);
    problem.setType(URI.create("urn:ykien:problem:" + key));
    problem.setTitle(
        messages.getMessage(
            "problem.status." + status.value(), null, status.getReasonPhrase(), english ? Locale.ENGLISH : VI));
    problem.setProperty("code", key);
    problem.setProperty("messages", Map.of("vi", vi, "en", en));
    return problem;
  }
}
