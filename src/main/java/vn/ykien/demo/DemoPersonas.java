package vn.ykien.demo;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo residents offered on the development sign-in page, one per case. */
@Component
@Profile("demo")
@EnableConfigurationProperties(DemoProperties.class)
public class DemoPersonas {

  private final DemoProperties properties;

  DemoPersonas(DemoProperties properties) {
    this.properties = properties;
  }

  public List<DemoProperties.Persona> all() {
    return properties.personas();
  }
}
