package vn.ykien.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.ykien.identity.OfficialAccessDenied;

/** An official refused by {@code OfficialAccess}: 403, and the reason in their language. */
@ControllerAdvice
class OfficialAccessAdvice {

  @ExceptionHandler(OfficialAccessDenied.class)
  String denied(OfficialAccessDenied denied, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("status", HttpStatus.FORBIDDEN.value());
    model.addAttribute("messageKey", denied.messageKey());
    return "error";
  }
}
