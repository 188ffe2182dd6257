package vn.ykien.demo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ykien.demo.DemoPersonas;
import vn.ykien.identity.DevEidProvider;
import vn.ykien.demo.DemoProperties;
import vn.ykien.registry.Resident;
import vn.ykien.registry.Residents;
import vn.ykien.shared.CitizenId;

/**
 * The sign-in page of the development e-ID provider. Where VNeID verifies a chip card and a face,
 * the demo lets you choose a resident; like VNeID it refuses people without an activated account.
 * The provider then continues the standard OpenID Connect flow it was called from.
 */
@Controller
@Profile("demo")
class DevEidSignInPage {

  private final DemoPersonas personas;
  private final Residents residents;
  private final Clock clock;
  private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  DevEidSignInPage(DemoPersonas personas, Residents residents, Clock clock) {
    this.personas = personas;
    this.residents = residents;
    this.clock = clock;
    requestCache.setSessionAttrName(DevEidProvider.SAVED_REQUEST_ATTRIBUTE);
  }

  /** A persona with the registry's record of them. */
  record Choice(DemoProperties.Persona persona, Optional<Resident> resident) {}

  @GetMapping("/dev-eid/sign-in")
  String page(Model model) {
    List<Choice> choices =
        personas.all().stream()
            .map(p -> new Choice(p, residents.find(CitizenId.of(p.citizenId()))))
            .toList();
    model.addAttribute("choices", choices);
    return "demo/dev-eid-sign-in";
  }

  @PostMapping("/dev-eid/sign-in")
  String signIn(
      @RequestParam(defaultValue = "") String citizenId,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String id = citizenId.strip();
    String refusal = refusal(id);
    if (refusal != null) {
      model.addAttribute("refusal", refusal);
      return page(model);
    }
    // The authentication time goes into the ID token's auth_time claim.
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            id,
            null,
            List.of(
                new SimpleGrantedAuthority("ROLE_EID_SUBJECT"),
                FactorGrantedAuthority.withFactor("EID_DEMO").issuedAt(clock.instant()).build()));
    request.getSession(true);
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    SavedRequest saved = requestCache.getRequest(request, response);
    return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
  }

  private String refusal(String id) {
    if (!CitizenId.isValid(id)) {
      return "devEid.invalid";
    }
    Optional<Resident> resident = residents.find(CitizenId.of(id));
    if (resident.isEmpty()) {
      return "devEid.unknown";
    }
    return switch (resident.get().eidAccount().state()) {
      case NONE -> "devEid.noAccount";
      case REGISTERED -> "devEid.notActivated";
      case ACTIVATED -> null;
    };
  }
}
