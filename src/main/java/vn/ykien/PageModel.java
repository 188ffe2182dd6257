package vn.ykien;

import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: whether someone is signed in, whether this is the demo. */
@ControllerAdvice
class PageModel {

  private final boolean demo;

  PageModel(Environment environment) {
    this.demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
  }

  @ModelAttribute("signedIn")
  boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  @ModelAttribute("demoProfile")
  boolean demoProfile() {
    return demo;
  }
}
