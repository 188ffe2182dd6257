package vn.ykien.units;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import vn.ykien.shared.Localized;
import vn.ykien.units.internal.UnitFileReader;
import vn.ykien.units.internal.UnitStore;

/**
 * Imports administrative units into an edition. Re-importing the same file changes nothing; a
 * newer file updates names and parents. Either the whole file applies or nothing does.
 */
@Service
public class UnitImport {

  private final UnitFileReader reader;
  private final UnitStore store;

  UnitImport(UnitFileReader reader, UnitStore store) {
    this.reader = reader;
    this.store = store;
  }

  /** Imports a units file in either of the two known JSON layouts (current or pre-2025). */
  public UnitImportResult importFile(Path file, String edition, Localized editionName) {
    if (!Files.isRegularFile(file)) {
      return new UnitImportResult.Rejected("units.import.missing", file.toString());
    }
    List<NewUnit> units;
    try (InputStream in = Files.newInputStream(file)) {
      units = reader.read(in);
    } catch (JacksonException | IllegalArgumentException e) {
      return new UnitImportResult.Rejected("units.import.malformed", e.getMessage());
    } catch (IOException e) {
      return new UnitImportResult.Rejected("units.import.unreadable", e.getMessage());
    }
    return importUnits(edition, editionName, file.getFileName().toString(), units);
  }

  /** Imports units given in memory, parents first or not: parents are resolved by code. */
  public UnitImportResult importUnits(
      String edition, Localized editionName, String source, List<NewUnit> units) {
    if (units.isEmpty()) {
      return new UnitImportResult.Rejected("units.import.empty", source);
    }
    return store.importUnits(edition, editionName, source, units);
  }
}
