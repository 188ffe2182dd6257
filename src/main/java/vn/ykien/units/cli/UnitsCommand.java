package vn.ykien.units.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.ykien.shared.Localized;
import vn.ykien.units.UnitImport;
import vn.ykien.units.UnitImportResult;

/** {@code ykien units import FILE --edition E}: administrative units from the command line. */
@Component
@Command(
    name = "units",
    description = "Administrative units / Đơn vị hành chính",
    mixinStandardHelpOptions = true,
    subcommands = UnitsCommand.Import.class)
public class UnitsCommand {

  @Component
  @Command(name = "import", description = "Import a units file (JSON) / Nhập tệp đơn vị hành chính")
  public static class Import implements Callable<Integer> {
    private final UnitImport unitImport;

    @Spec CommandSpec spec;

    @Parameters(index = "0")
    Path file;

    @Option(names = "--edition", defaultValue = "2026-07")
    String edition;

    @Option(names = "--name", defaultValue = "Đơn vị hành chính / Administrative units")
    String name;

    Import(UnitImport unitImport) {
      this.unitImport = unitImport;
    }

    @Override
    public Integer call() {
      String[] names = name.split(" / ", 2);
      UnitImportResult result =
          unitImport.importFile(file, edition, new Localized(names[0], names.length > 1 ? names[1] : names[0]));
      return switch (result) {
        case UnitImportResult.Imported(String imported, int count) -> {
          spec.commandLine()
              .getOut()
              .printf("Đã nhập %d đơn vị vào bộ %s / Imported %d units into edition %s%n", count, imported, count, imported);
          yield 0;
        }
        case UnitImportResult.Rejected(String key, String detail) -> {
          spec.commandLine().getErr().printf("%s: %s%n", key, detail);
          yield 1;
        }
      };
    }
  }
}
