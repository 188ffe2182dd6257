package vn.ykien;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** A reverse proxy nobody configured as trusted is reported, a trusted one is not. */
@IntegrationTest
class UntrustedForwardedHeadersTests {

  @LocalServerPort int port;

  @Autowired
  @Qualifier("untrustedForwardedHeaders")
  FilterRegistrationBean<UntrustedForwardedHeaders> registration;

  @Test
  void forwardedHeadersFromAnAddressThatIsNotATrustedProxyAreReportedOnce() {
    new OfficialSession(port, "127.0.0.10").withHeader("X-Forwarded-For", "203.0.113.7").get("/");
    new OfficialSession(port, "127.0.0.9").withHeader("X-Forwarded-For", "192.0.2.77").get("/");

    var filter = registration.getFilter();
    assertThat(filter.reported("127.0.0.10")).as("a proxy nobody trusted").isTrue();
    assertThat(filter.reported("127.0.0.9")).as("the trusted proxy").isFalse();
    assertThat(filter.reported("192.0.2.77")).as("the client behind the trusted proxy").isFalse();
  }
}
