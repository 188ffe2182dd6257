package vn.ykien.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request with a body to an officials' route is refused before anything reads the body unless
 * an official is signed in (a signed-in citizen is refused too): the form token check (CSRF) would otherwise parse an anonymous upload
 * of up to 4 GB to the registry import before authorisation refused it. Runs just before the CSRF
 * filter, after the session's security context is loaded. Signing in and enrolling, the two forms
 * a stranger may send, are small and bounded by {@code RequestSizeLimits}.
 */
final class SignedInBeforeBodies extends OncePerRequestFilter {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final MessageSource messages;

  SignedInBeforeBodies(MessageSource messages) {
    this.messages = messages;
  }

  private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final String OFFICIAL_AUTHORITY = "ROLE_" + SecurityConfiguration.OFFICIAL;
  private static final Set<String> OPEN = Set.of("/officials/sign-in", "/officials/enrol");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return WITHOUT_BODY.contains(request.getMethod()) || !path.startsWith("/officials/") || OPEN.contains(path);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken
        || authentication.getAuthorities().stream()
            .noneMatch(granted -> OFFICIAL_AUTHORITY.equals(granted.getAuthority()))) {
      // The body stays unread: close the connection rather than drain it. Written here, not
      // through the error page, whose dispatch would pass the CSRF filter and read the body.
      response.setHeader("Connection", "close");
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/html");
      response.setCharacterEncoding("UTF-8");
      response.getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>%s</title></head><body><main><h1>%s</h1><p>%s</p><p lang=\"en\">%s</p><p><a href=\"/officials/sign-in\">%s</a></p></main></body></html>"
                  .formatted(
                      HtmlUtils.htmlEscape(messages.getMessage("error.title", null, VI)),
                      HtmlUtils.htmlEscape(messages.getMessage("error.title", null, VI)),
                      HtmlUtils.htmlEscape(messages.getMessage("error.signInFirst", null, VI)),
                      HtmlUtils.htmlEscape(messages.getMessage("error.signInFirst", null, Locale.ENGLISH)),
                      HtmlUtils.htmlEscape(messages.getMessage("officials.signIn.title", null, VI))));
      return;
    }
    chain.doFilter(request, response);
  }
}
