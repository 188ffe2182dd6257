package vn.ykien;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vietnamese first; {@code ?lang=en} switches to English and is remembered in a cookie. Request
 * bodies are bounded per route.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestSizeLimits.Properties.class)
class WebConfiguration implements WebMvcConfigurer {

  static final Locale VIETNAMESE = Locale.of("vi");

  @Bean
  LocaleResolver localeResolver() {
    var resolver = new CookieLocaleResolver("ykien-lang");
    resolver.setDefaultLocale(VIETNAMESE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    return resolver;
  }

  /** Request bodies bounded per route, before any other filter (Spring Security's CSRF check, Boot's form-content filter) reads them. */
  @Bean
  FilterRegistrationBean<RequestSizeLimits> requestSizeLimits(
      RequestSizeLimits.Properties properties, MessageSource messages, JsonMapper json) {
    var registration = new FilterRegistrationBean<>(new RequestSizeLimits(properties, messages, json));
    // First of all: Boot's form-content filter (-9900) would read a PUT's form body whole.
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** A reverse proxy the deployment forgot to trust is reported in the log (once per address). */
  @Bean
  FilterRegistrationBean<UntrustedForwardedHeaders> untrustedForwardedHeaders() {
    var registration = new FilterRegistrationBean<>(new UntrustedForwardedHeaders());
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * Links are written as they are. With the webjars locator on the class path, Boot registers a
   * filter that passes every {@code @{...}} link of a page through the static resource chain, which
   * looks each one up on the class path (four jar lookups per link, never cached for a page's own
   * addresses): two thirds of the CPU of a results page of 100 units. Nothing here needs links
   * rewritten (no content-hash versions; webjars are served version-agnostic by their resolver),
   * so the filter is registered disabled, which also keeps Boot from adding its own.
   */
  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    registration.setEnabled(false);
    return registration;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    registry.addInterceptor(change);
  }
}
