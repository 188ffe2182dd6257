package vn.ykien;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's frame needs: whether someone is signed in, whether this is the demo. */
@ControllerAdvice
class PageModel {

  private final boolean demo;

  PageModel(Environment environment) {
    // The demo is usually the default profile (nothing active): active or default, it counts.
    this.demo = environment.matchesProfiles("demo");
  }

  @ModelAttribute("signedIn")
  boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /**
   * The same page in the other language. Pages reached by a form post (review, change) have no
   * address of their own: the switch leads to the form they came from.
   */
  @ModelAttribute("languageUrl")
  String languageUrl(HttpServletRequest request, Locale locale) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"GET".equals(request.getMethod())) {
      path = path.replaceFirst("/(review|edit)$", "");
    }
    String other = "en".equals(locale.getLanguage()) ? "vi" : "en";
    var url = UriComponentsBuilder.fromPath(path);
    if ("GET".equals(request.getMethod())) {
      request.getParameterMap().forEach((name, values) -> {
        if (!"lang".equals(name)) {
          url.queryParam(name, (Object[]) values);
        }
      });
    }
    return request.getContextPath() + url.queryParam("lang", other).encode().build().toUriString();
  }

  @ModelAttribute("demoProfile")
  boolean demoProfile() {
    return demo;
  }
}
