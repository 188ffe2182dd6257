package vn.ykien.consultation.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.Eligibility;
import vn.ykien.consultation.EligibilityDecision;
import vn.ykien.consultation.Window;
import vn.ykien.registry.Residents;
import vn.ykien.shared.CitizenId;
import vn.ykien.shared.Localized;
import vn.ykien.units.Units;

/** {@code ykien consultation eligibility …}: why a person may or may not take part. */
@Component
@Command(
    name = "consultation",
    description = "Consultations / Cuộc lấy ý kiến",
    mixinStandardHelpOptions = true,
    subcommands = ConsultationCommand.EligibilityCheck.class)
public class ConsultationCommand {

  @Component
  @Command(
      name = "eligibility",
      description =
          "Check who may take part, one person or a random sample with timings / Kiểm tra điều"
              + " kiện tham gia của một người, hoặc một mẫu ngẫu nhiên kèm thời gian")
  public static class EligibilityCheck implements Callable<Integer> {
    private final Eligibility eligibility;
    private final Consultations consultations;
    private final Residents residents;
    private final Units units;
    private final MessageSource messages;
    private final Clock clock;

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", description = "personal id / số định danh")
    @Nullable String citizenId;

    @Option(
        names = "--consultation",
        description = "slug; default: one opened yesterday for the whole country / mặc định: mở từ hôm qua, toàn quốc")
    @Nullable String slug;

    @Option(names = "--scope", description = "with the default consultation: only this unit code")
    @Nullable String scope;

    @Option(names = "--edition", defaultValue = "2026-07")
    String edition;

    @Option(names = "--sample", description = "check this many random residents and print timings")
    int sample;

    @Option(names = "--lang", defaultValue = "vi")
    String lang;

    EligibilityCheck(
        Eligibility eligibility,
        Consultations consultations,
        Residents residents,
        Units units,
        MessageSource messages,
        Clock clock) {
      this.eligibility = eligibility;
      this.consultations = consultations;
      this.residents = residents;
      this.units = units;
      this.messages = messages;
      this.clock = clock;
    }

    @Override
    public Integer call() {
      Consultation consultation = consultation();
      if (sample > 0) {
        return timeSample(consultation);
      }
      if (citizenId == null || !CitizenId.isValid(citizenId)) {
        spec.commandLine().getErr().println(text("cli.eligibility.needId"));
        return 2;
      }
      EligibilityDecision decision = eligibility.decide(consultation, CitizenId.of(citizenId), 2);
      Object[] args =
          decision instanceof EligibilityDecision.TooYoung young
              ? new Object[] {young.minimumAge()}
              : new Object[0];
      spec.commandLine()
          .getOut()
          .println(decision.getClass().getSimpleName() + ": " + text(decision.messageKey(), args));
      return decision instanceof EligibilityDecision.Eligible ? 0 : 1;
    }

    private Consultation consultation() {
      if (slug != null) {
        return consultations
            .findBySlug(slug)
            .orElseThrow(() -> new IllegalArgumentException(text("cli.eligibility.noConsultation", slug)));
      }
      Long scopeId =
          scope == null
              ? null
              : units
                  .findByCode(edition, scope)
                  .orElseThrow(() -> new IllegalArgumentException(text("cli.eligibility.noUnit", scope)))
                  .id();
      Instant now = clock.instant();
      var title = new Localized("Kiểm tra điều kiện", "Eligibility check");
      return new Consultation(
          0, "eligibility-check", title, title,
          new Window(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))), scopeId, 14);
    }

    /** Each check timed on its own, after a warm-up; percentiles over the sample. */
    private int timeSample(Consultation consultation) {
      List<CitizenId> ids = residents.sample(sample);
      if (ids.isEmpty()) {
        spec.commandLine().getErr().println(text("cli.eligibility.emptyRegistry"));
        return 1;
      }
      int warmUp = Math.min(ids.size(), 2_000);
      for (int i = 0; i < warmUp; i++) {
        eligibility.decide(consultation, ids.get(i), 2);
      }
      long[] nanos = new long[ids.size()];
      Map<Class<?>, Integer> outcomes = new java.util.LinkedHashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        long start = System.nanoTime();
        EligibilityDecision decision = eligibility.decide(consultation, ids.get(i), 2);
        nanos[i] = System.nanoTime() - start;
        outcomes.merge(decision.getClass(), 1, Integer::sum);
      }
      Arrays.sort(nanos);
      var out = spec.commandLine().getOut();
      out.printf("registry_residents=%d%n", residents.count());
      out.printf("checks=%d (after %d warm-up checks)%n", nanos.length, warmUp);
      List<String> counts = new ArrayList<>();
      outcomes.forEach((type, count) -> counts.add(type.getSimpleName() + "=" + count));
      out.println("outcomes: " + String.join(", ", counts));
      out.printf(Locale.ROOT, "p50_ms=%.3f%n", percentile(nanos, 50));
      out.printf(Locale.ROOT, "p95_ms=%.3f%n", percentile(nanos, 95));
      out.printf(Locale.ROOT, "p99_ms=%.3f%n", percentile(nanos, 99));
      out.printf(Locale.ROOT, "max_ms=%.3f%n", nanos[nanos.length - 1] / 1e6);
      return 0;
    }

    private static double percentile(long[] sorted, int percent) {
      int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private String text(String key, Object... args) {
      return messages.getMessage(key, args, Locale.of(lang));
    }
  }
}
