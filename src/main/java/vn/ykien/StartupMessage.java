package vn.ykien;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the platform can be opened, once it is ready (after the demo has loaded). */
@Component
class StartupMessage {

  private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

  @EventListener
  void ready(ApplicationReadyEvent event) {
    Environment environment = event.getApplicationContext().getEnvironment();
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    log.info("YKiến đang chạy tại / YKien is running at http://localhost:{}/", port);
  }
}
