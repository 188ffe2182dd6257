package vn.ykien.results.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.ykien.consultation.Consultations;
import vn.ykien.results.Release;
import vn.ykien.results.internal.Releases;

/** {@code ykien results …}: the released results. */
@Component
@Command(
    name = "results",
    description = "Released results / Kết quả công bố",
    mixinStandardHelpOptions = true,
    subcommands = ResultsCommand.Publish.class)
public class ResultsCommand {

  /** A new instance per run: picocli keeps option values in the command's fields. */
  @Component
  @Scope("prototype")
  @Command(
      name = "release",
      description =
          "Publish a release of a consultation's results now (protected like the scheduled ones) / Công bố"
              + " ngay một đợt kết quả (được bảo vệ như các đợt theo lịch)")
  public static class Publish implements Callable<Integer> {

    private final Releases releases;
    private final Consultations consultations;
    private final MessageSource messages;

    @Spec CommandSpec spec;

    @Option(names = "--consultation", required = true, description = "slug")
    String slug = "";

    @Option(names = "--lang", defaultValue = "vi")
    String lang = "vi";

    Publish(Releases releases, Consultations consultations, MessageSource messages) {
      this.releases = releases;
      this.consultations = consultations;
      this.messages = messages;
    }

    @Override
    public Integer call() {
      Locale locale = Locale.of(lang);
      var consultation = consultations.findBySlug(slug);
      if (consultation.isEmpty()) {
        spec.commandLine().getErr().println(messages.getMessage("cli.eligibility.noConsultation", new Object[] {slug}, locale));
        return 2;
      }
      return switch (releases.publish(consultation.get().id())) {
        case Release.Published p -> {
          spec.commandLine().getOut().println(messages.getMessage(
              "cli.results.released",
              new Object[] {slug, p.number(), p.items(), p.hidden(), p.cells(), String.format(Locale.ROOT, "%.1f", 100 * p.hiddenShare()),
                  p.withheldItems(), p.millis(), p.commentHidden(), p.commentCells(),
                  String.format(Locale.ROOT, "%.1f", p.commentCells() == 0 ? 0 : 100.0 * p.commentHidden() / p.commentCells())},
              locale));
          yield 0;
        }
        case Release.Busy b -> {
          spec.commandLine().getErr().println(messages.getMessage("cli.results.busy", null, locale));
          yield 1;
        }
      };
    }
  }
}
