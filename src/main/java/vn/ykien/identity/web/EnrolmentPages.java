package vn.ykien.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ykien.identity.internal.Enrolments;
import vn.ykien.shared.QrCodes;

/**
 * The holder of a new (or reset) official's account enrols with the one-time code they were
 * handed: their own password, their own authenticator. The new secret is made here, kept in the
 * holder's session only, and stored (sealed) once a code from their app proves it was scanned.
 */
@Controller
class EnrolmentPages {

  private static final String SECRET = "ykien.enrolment.secret.";

  private final Enrolments enrolments;

  EnrolmentPages(Enrolments enrolments) {
    this.enrolments = enrolments;
  }

  @GetMapping("/officials/enrol")
  String form(@RequestParam(defaultValue = "") String code, HttpSession session, Model model) {
    return page(code, null, session, model);
  }

  @PostMapping("/officials/enrol")
  String enrol(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeated,
      @RequestParam(defaultValue = "") String oneTimeCode,
      HttpServletRequest request,
      Model model) {
    HttpSession session = request.getSession();
    var pending = enrolments.find(code);
    String secret =
        pending.map(p -> (String) session.getAttribute(SECRET + p.username())).orElse(null);
    var outcome = enrolments.enrol(code, password, repeated, oneTimeCode, secret, request.getRemoteAddr());
    return switch (outcome) {
      case Enrolments.Outcome.Enrolled enrolled -> {
        session.removeAttribute(SECRET + enrolled.username());
        yield "redirect:/officials/sign-in?enrolled";
      }
      case Enrolments.Outcome.Throttled throttled -> {
        model.addAttribute("errorDetail", throttled.seconds());
        yield page(code, "enrol.throttled", session, model);
      }
      default -> page(code, "enrol." + outcomeName(outcome), session, model);
    };
  }

  private static String outcomeName(Enrolments.Outcome outcome) {
    String name = outcome.getClass().getSimpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private String page(String code, @Nullable String errorKey, HttpSession session, Model model) {
    model.addAttribute("errorKey", errorKey);
    var pending = enrolments.find(code);
    if (pending.isEmpty()) {
      model.addAttribute("invalid", true);
      return "identity/enrol";
    }
    var account = pending.get();
    model.addAttribute("code", code);
    model.addAttribute("account", account);
    if (account.newSecondFactor()) {
      // The same secret until enrolment succeeds: a page reloaded after a typo keeps the QR code.
      String key = SECRET + account.username();
      String secret = (String) session.getAttribute(key);
      if (secret == null) {
        secret = enrolments.newSecret(account.username()).secret();
        session.setAttribute(key, secret);
      }
      String uri = enrolments.uriFor(account.username(), secret);
      model.addAttribute("secret", secret);
      model.addAttribute("totpUri", uri);
      model.addAttribute("totpQr", QrCodes.svg(uri));
    }
    return "identity/enrol";
  }
}
