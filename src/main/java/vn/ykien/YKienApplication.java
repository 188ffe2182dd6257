package vn.ykien;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** YKien: a national public-consultation platform. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class YKienApplication {

  public static void main(String[] args) {
    if (YKienCommand.isCommand(args)) {
      System.exit(YKienCommand.run(args));
    }
    SpringApplication.run(YKienApplication.class, args);
  }
}
