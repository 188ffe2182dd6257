package vn.ykien;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Says so in the log when requests carry {@code X-Forwarded-For} from an address that is not a
 * configured proxy ({@code YKIEN_TRUSTED_PROXIES}). Tomcat ignores the header then, as it must;
 * but a deployment behind a reverse proxy that forgot the setting sees every citizen as the
 * proxy's address, so one stranger's failed sign-ins or submissions slow everyone down. Once per
 * sending address (at most {@link #REMEMBERED} of them), so a spoofing client cannot flood the log.
 */
final class UntrustedForwardedHeaders extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(UntrustedForwardedHeaders.class);
  static final int REMEMBERED = 100;

  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // A configured proxy's header is consumed by Tomcat (RemoteIpValve) before this filter.
    if (request.getHeader("X-Forwarded-For") != null && warned.size() < REMEMBERED && warned.add(request.getRemoteAddr())) {
      log.warn(
          "Requests from {} carry X-Forwarded-For, which is ignored: {} is not a trusted proxy. Behind a reverse proxy,"
              + " set YKIEN_TRUSTED_PROXIES to its address (a regular expression), or every client counts as the proxy"
              + " for rate limits and sign-in delays.",
          request.getRemoteAddr(),
          request.getRemoteAddr());
    }
    chain.doFilter(request, response);
  }

  /** Whether this address was reported (for tests). */
  boolean reported(String address) {
    return warned.contains(address);
  }
}
