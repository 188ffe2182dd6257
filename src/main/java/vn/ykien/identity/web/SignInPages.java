package vn.ykien.identity.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where citizens and officials start signing in. */
@Controller
class SignInPages {

  private final String demoOfficial;
  private final String demoPassword;
  private final ObjectProvider<ClientRegistrationRepository> eidProviders;

  SignInPages(
      ObjectProvider<ClientRegistrationRepository> eidProviders,
      @Value("${ykien.identity.demo-official.username:}") String demoOfficial,
      @Value("${ykien.identity.demo-official.password:}") String demoPassword) {
    this.demoOfficial = demoOfficial;
    this.demoPassword = demoPassword;
    this.eidProviders = eidProviders;
  }

  @GetMapping("/sign-in")
  String citizen(Model model) {
    model.addAttribute("eidAvailable", eidProviders.getIfAvailable() != null);
    return "identity/sign-in";
  }

  @GetMapping("/officials/sign-in")
  String official(
      @org.springframework.web.bind.annotation.RequestParam(required = false) @org.jspecify.annotations.Nullable String wait,
      Model model) {
    // How long a throttled address must wait, as the sign-in said (a number of seconds, or none).
    if (wait != null) {
      model.addAttribute("waitSeconds", wait.matches("[0-9]{1,4}") ? Integer.parseInt(wait) : 1);
    }
    model.addAttribute("demoOfficial", demoOfficial.isBlank() ? null : demoOfficial);
    model.addAttribute("demoPassword", demoPassword);
    return "identity/officials-sign-in";
  }
}
