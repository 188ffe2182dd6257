package vn.ykien.opinion.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import vn.ykien.shared.ApiProblem;

/** The opinion API's problem details, in Vietnamese and English ({@link ApiProblem}). */
@Component
class ApiProblems {

  private final MessageSource messages;

  ApiProblems(MessageSource messages) {
    this.messages = messages;
  }

  ProblemDetail problem(HttpStatus status, String key, HttpServletRequest request, Object... args) {
    return ApiProblem.of(messages, status, key, request, args);
  }
}
