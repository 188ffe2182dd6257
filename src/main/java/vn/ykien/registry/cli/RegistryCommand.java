package vn.ykien.registry.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.ykien.registry.ImportOptions;
import vn.ykien.registry.ImportReport;
import vn.ykien.registry.NewResident;
import vn.ykien.registry.RegistryImport;
import vn.ykien.registry.RowError;
import vn.ykien.registry.SyntheticPopulation;
import vn.ykien.registry.internal.imports.RegistryImporter;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/** {@code ykien registry …}: the population registry from the command line. */
@Component
@Command(
    name = "registry",
    description = "Population registry (DC01) / Cơ sở dữ liệu dân cư",
    mixinStandardHelpOptions = true,
    subcommands = {
      RegistryCommand.Import.class,
      RegistryCommand.Generate.class,
      RegistryCommand.Sample.class
    })
public class RegistryCommand {

  static final String CURRENT_EDITION = "2026-07";

  /** Text in the language chosen with --lang. */
  static String text(MessageSource messages, String lang, String key, Object... args) {
    return messages.getMessage(key, args, Locale.of(lang));
  }

  static List<SyntheticPopulation.GeneratedUnit> leaves(Units units, String edition, List<String> codes) {
    List<SyntheticPopulation.GeneratedUnit> leaves = new ArrayList<>();
    for (String code : codes) {
      Unit unit =
          units
              .findByCode(edition, code)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Không có đơn vị mã %s trong bộ %s / No unit with code %s in edition %s"
                              .formatted(code, edition, code, edition)));
      for (Unit leaf : units.leavesUnder(unit.id())) {
        leaves.add(new SyntheticPopulation.GeneratedUnit(leaf.id(), leaf.fullName(Locale.of("vi"))));
      }
    }
    return leaves;
  }

  /** {@code ykien registry import FILE}. */
  @Component
  @Command(name = "import", description = "Import a DC01 list (CSV or XLSX) / Nhập danh sách DC01")
  public static class Import implements Callable<Integer> {
    private final RegistryImport registryImport;
    private final MessageSource messages;

    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "the file / tệp (.csv, .xlsx)")
    Path file;

    @Option(names = "--apply-valid", description = "apply the valid rows even if others are wrong")
    boolean applyValid;

    @Option(names = "--edition", defaultValue = CURRENT_EDITION, description = "units edition")
    String edition;

    @Option(names = "--lang", defaultValue = "vi", description = "vi | en")
    String lang;

    @Option(names = "--timing", description = "print import_seconds= and peak_heap_mb= for benchmarks")
    boolean timing;

    Import(RegistryImport registryImport, MessageSource messages) {
      this.registryImport = registryImport;
      this.messages = messages;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      long started = System.nanoTime();
      ImportReport report =
          registryImport.importFile(
              file,
              new ImportOptions(edition, applyValid),
              (stage, rows) -> out.printf("%s %,d%n", text(messages, lang, "registry.import.stage." + stage), rows).flush());
      out.println(
          text(
              messages,
              lang,
              report.applied() ? "registry.import.applied" : "registry.import.notApplied",
              report.rows(),
              report.inserted(),
              report.updated(),
              report.unchanged(),
              report.rejectedRows(),
              report.errorCount()));
      for (RowError error : report.errors()) {
        out.println(
            text(
                messages,
                lang,
                "registry.import.errorLine",
                error.line(),
                error.column() == null ? "-" : error.column(),
                text(messages, lang, "registry.import.error." + error.reason()),
                error.value() == null ? "" : error.value()));
      }
      if (timing) {
        out.printf(Locale.ROOT, "import_seconds=%.3f%n", (System.nanoTime() - started) / 1e9);
        out.printf(Locale.ROOT, "peak_heap_mb=%d%n", PeakHeap.megabytes());
      }
      if (report.errorCount() > report.errors().size()) {
        out.println(text(messages, lang, "registry.import.moreErrors", report.errorCount() - report.errors().size()));
      }
      return report.applied() ? 0 : 1;
    }
  }

  /** {@code ykien registry generate --units … --people N --seed S}. */
  @Component
  @Command(name = "generate", description = "Generate a synthetic population / Sinh dân cư giả lập")
  public static class Generate implements Callable<Integer> {
    private final SyntheticPopulation population;
    private final Units units;
    private final Clock clock;
    private final MessageSource messages;

    @Spec CommandSpec spec;

    @Option(names = "--units", required = true, split = ",", description = "unit codes to fill")
    List<String> unitCodes;

    @Option(names = "--people", required = true, description = "how many residents")
    long people;

    @Option(names = "--seed", defaultValue = "1", description = "the same seed gives the same people")
    long seed;

    @Option(names = "--edition", defaultValue = CURRENT_EDITION)
    String edition;

    @Option(names = "--birth-province", defaultValue = "036", description = "3-digit code starting every id")
    String birthProvince;

    @Option(names = "--lang", defaultValue = "vi")
    String lang;

    Generate(SyntheticPopulation population, Units units, Clock clock, MessageSource messages) {
      this.population = population;
      this.units = units;
      this.clock = clock;
      this.messages = messages;
    }

    @Override
    public Integer call() {
      long started = System.nanoTime();
      long written =
          population.generateStreaming(
              leaves(units, edition, unitCodes), people, seed, LocalDate.now(clock), birthProvince, "Số %d, %s");
      double seconds = (System.nanoTime() - started) / 1e9;
      spec.commandLine()
          .getOut()
          .println(text(messages, lang, "registry.generate.done", written, String.format(Locale.ROOT, "%.1f", seconds), Math.round(written / seconds)));
      return 0;
    }
  }

  /** {@code ykien registry sample FILE}: a small file in the import format, to start from. */
  @Component
  @Command(name = "sample", description = "Write a sample import file / Ghi tệp mẫu để nhập")
  public static class Sample implements Callable<Integer> {
    private final Units units;
    private final Clock clock;

    @Parameters(index = "0")
    Path file;

    @Option(names = "--units", split = ",", defaultValue = "14167")
    List<String> unitCodes;

    @Option(names = "--people", defaultValue = "50")
    long people;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(names = "--edition", defaultValue = CURRENT_EDITION)
    String edition;

    @Option(
        names = "--birth-province",
        defaultValue = "001",
        description = "3-digit code starting every id; differs from the demo's 036")
    String birthProvince;

    Sample(Units units, Clock clock) {
      this.units = units;
      this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
      List<SyntheticPopulation.GeneratedUnit> leaves = leaves(units, edition, unitCodes);
      var codes = new java.util.HashMap<Long, String>();
      for (String code : unitCodes) {
        Unit top = units.findByCode(edition, code).orElseThrow();
        units.leavesUnder(top.id()).forEach(leaf -> codes.put(leaf.id(), leaf.code()));
      }
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(String.join(",", RegistryImporter.COLUMNS));
        out.write('\n');
        long[] household = {0};
        SyntheticPopulation.eachHousehold(
            leaves,
            people,
            seed,
            LocalDate.now(clock),
            birthProvince,
            "Số %d, %s",
            generated -> {
              household[0]++;
              boolean head = true;
              for (NewResident member : generated.members()) {
                writeRow(out, member, "HS-" + seed + "-" + household[0], generated.address(), head, codes.get(generated.unitId()));
                head = false;
              }
            });
      }
      return 0;
    }

    private static void writeRow(
        BufferedWriter out, NewResident person, String household, String address, boolean head, String unit) {
      try {
        Integer level = person.eidAccount().level();
        out.write(
            String.join(
                ",",
                person.citizenId().value(),
                quote(person.fullName()),
                person.birthDate().toString(),
                person.sex().name(),
                household,
                quote(address),
                head ? "1" : "0",
                unit,
                person.eidAccount().state().name(),
                level == null ? "" : level.toString(),
                person.occupation() == null ? "" : person.occupation().name(),
                person.membershipList()));
        out.write('\n');
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static String quote(String value) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
  }
}
