package vn.ykien.daily.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import vn.ykien.daily.DailySnapshots;
import vn.ykien.daily.Level;
import vn.ykien.daily.SnapshotTaking;

/** {@code ykien daily …}: the daily reporting chain. */
@Component
@Command(
    name = "daily",
    description = "Daily reporting / Báo cáo hằng ngày",
    mixinStandardHelpOptions = true,
    subcommands = DailyCommand.Snapshot.class)
public class DailyCommand {

  /** A new instance per run: picocli keeps option values in the command's fields. */
  @Component
  @Scope("prototype")
  @Command(
      name = "snapshot",
      description =
          "Take a level's snapshot of a day now, if its cut-off has passed and it has none (as the schedule"
              + " does) / Chốt số liệu của một cấp cho một ngày ngay (nếu đã qua giờ chốt và chưa chốt)")
  public static class Snapshot implements Callable<Integer> {

    private final DailySnapshots snapshots;
    private final Consultations consultations;
    private final MessageSource messages;

    @Spec CommandSpec spec;

    @Option(names = "--consultation", required = true, description = "slug")
    String slug = "";

    @Option(names = "--level", required = true, description = "VILLAGE, COMMUNE, PROVINCE or NATION")
    Level level = Level.COMMUNE;

    @Option(names = "--day", required = true, description = "yyyy-MM-dd")
    String day = "";

    @Option(names = "--lang", defaultValue = "vi")
    String lang = "vi";

    Snapshot(DailySnapshots snapshots, Consultations consultations, MessageSource messages) {
      this.snapshots = snapshots;
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
      LocalDate date;
      try {
        date = LocalDate.parse(day);
      } catch (DateTimeParseException e) {
        spec.commandLine().getErr().println(messages.getMessage("daily.badDay", null, locale));
        return 2;
      }
      return switch (snapshots.take(consultation.get(), level, date)) {
        case SnapshotTaking.Taken taken -> {
          spec.commandLine().getOut().println(messages.getMessage(
              "cli.daily.taken", new Object[] {slug, level.name(), day, taken.snapshot().units(), taken.millis()}, locale));
          yield 0;
        }
        case SnapshotTaking.AlreadyTaken already -> {
          spec.commandLine().getOut().println(messages.getMessage("cli.daily.already", new Object[] {slug, level.name(), day}, locale));
          yield 0;
        }
        case SnapshotTaking.NotYet notYet -> {
          spec.commandLine().getErr().println(messages.getMessage("daily.report.notFrozenYet", null, locale));
          yield 1;
        }
        case SnapshotTaking.Busy busy -> {
          spec.commandLine().getErr().println(messages.getMessage("cli.daily.busy", null, locale));
          yield 1;
        }
      };
    }
  }
}
