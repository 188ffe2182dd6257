package vn.ykien;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.ykien.classification.cli.ClassifyCommand;
import vn.ykien.consultation.cli.ConsultationCommand;
import vn.ykien.daily.cli.DailyCommand;
import vn.ykien.identity.cli.OfficialsCommand;
import vn.ykien.registry.cli.RegistryCommand;
import vn.ykien.reporting.cli.ReportingCommand;
import vn.ykien.results.cli.ResultsCommand;
import vn.ykien.units.cli.UnitsCommand;

/**
 * {@code ykien COMMAND …}: the platform's command line, on the same database and code as the
 * server (no web server, no demo loading). Without a command, the server starts.
 */
@Command(
    name = "ykien",
    mixinStandardHelpOptions = true,
    description = "YKiến command line / Dòng lệnh YKiến",
    subcommands = {
      UnitsCommand.class,
      RegistryCommand.class,
      ConsultationCommand.class,
      OfficialsCommand.class,
      ClassifyCommand.class,
      ReportingCommand.class,
      ResultsCommand.class,
      DailyCommand.class
    })
class YKienCommand {

  static boolean isCommand(String[] args) {
    return args.length > 0 && !args[0].startsWith("--");
  }

  static int run(String[] args) {
    SpringApplication application =
        new SpringApplicationBuilder(YKienApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "ykien.cli=true",
                // the server follows the opinion log; a command never does
                "ykien.readers.enabled=false",
                "spring.main.banner-mode=off",
                "logging.level.root=warn")
            .build();
    try (ConfigurableApplicationContext context = application.run()) {
      CommandLine.IFactory beans =
          new CommandLine.IFactory() {
            private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> type) throws Exception {
              var provider = context.getBeanProvider(type);
              K bean = provider.getIfAvailable();
              return bean != null ? bean : fallback.create(type);
            }
          };
      return new CommandLine(new YKienCommand(), beans)
          .setExecutionExceptionHandler(
              (problem, commandLine, parsed) -> {
                commandLine.getErr().println(problem.getMessage());
                // The causes say what actually went wrong (e.g. the database's own message).
                for (Throwable cause = problem.getCause(); cause != null; cause = cause.getCause()) {
                  commandLine.getErr().println("  " + cause.getMessage());
                }
                return 2;
              })
          .execute(args);
    }
  }
}
