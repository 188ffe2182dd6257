package vn.ykien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTests {

  static Properties load(String name) throws Exception {
    Properties properties = new Properties();
    try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void everyMessageExistsInVietnameseAndEnglish() throws Exception {
    Properties vietnamese = load("messages.properties");
    Properties english = load("messages_en.properties");

    assertThat(english.stringPropertyNames()).isEqualTo(vietnamese.stringPropertyNames());
    assertThat(vietnamese.stringPropertyNames()).hasSizeGreaterThan(100);
    vietnamese.forEach((key, value) -> assertThat(value.toString()).as("vi %s", key).isNotBlank());
    english.forEach((key, value) -> assertThat(value.toString()).as("en %s", key).isNotBlank());
  }

  @Test
  void theVietnameseBundleIsReallyVietnamese() throws Exception {
    assertThat(load("messages.properties").getProperty("opinion.approve")).isEqualTo("Tán thành");
    assertThat(load("messages_en.properties").getProperty("opinion.approve")).isEqualTo("Approve");
  }
}
