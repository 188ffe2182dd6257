package vn.ykien.opinion.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The submission gate runs before Spring Security's filters, so a refusal costs next to nothing. */
@Configuration(proxyBeanMethods = false)
class SubmissionGateRegistration {

  @Bean
  SubmissionGate submissionGate(
      @Value("${ykien.api.max-concurrent-submissions:16}") int maxConcurrent,
      @Value("${ykien.api.submission-wait-ms:250}") long waitMillis,
      ApiProblems problems,
      JsonMapper json) {
    return new SubmissionGate(maxConcurrent, waitMillis, problems, json);
  }

  @Bean
  FilterRegistrationBean<SubmissionGate> submissionGateFilter(SubmissionGate gate) {
    var registration = new FilterRegistrationBean<>(gate);
    registration.addUrlPatterns("/api/v1/consultations/*");
    // Spring Security's chain is at -100: this goes first.
    registration.setOrder(-200);
    return registration;
  }
}
