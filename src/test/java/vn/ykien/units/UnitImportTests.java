package vn.ykien.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ykien.IntegrationTest;
import vn.ykien.shared.Localized;

@IntegrationTest
class UnitImportTests {

  static final Path SHARED_UNITS = Path.of("..", "shared", "data", "units");

  @Autowired UnitImport unitImport;
  @Autowired Units units;

  @Test
  void importsTheCurrentTwoLevelStructure() {
    var result =
        unitImport.importFile(
            SHARED_UNITS.resolve("vn-units-2026-07.json"), "test-current", new Localized("a", "b"));

    assertThat(result).isEqualTo(new UnitImportResult.Imported("test-current", 1 + 34 + 3321));
    assertThat(units.countByKind("test-current"))
        .containsEntry(UnitKind.NATION, 1L)
        .containsEntry(UnitKind.PROVINCE, 34L)
        .containsEntry(UnitKind.COMMUNE, 3321L)
        .doesNotContainKey(UnitKind.DISTRICT);
    Unit giaoThuy = units.findByCode("test-current", "14167").orElseThrow();
    assertThat(giaoThuy.name().vi()).isEqualTo("Giao Thuỷ");
    assertThat(giaoThuy.category().vi()).isEqualTo("Xã");
    assertThat(units.lineage(giaoThuy.id()))
        .extracting(Unit::code)
        .containsExactly("VN", "37", "14167");
  }

  @Test
  void importsThePreReformThreeLevelStructure() {
    var result =
        unitImport.importFile(
            SHARED_UNITS.resolve("vn-units-2025-03-pre-reform.json"),
            "test-pre-reform",
            new Localized("a", "b"));

    assertThat(result).isInstanceOf(UnitImportResult.Imported.class);
    var counts = units.countByKind("test-pre-reform");
    assertThat(counts).containsEntry(UnitKind.PROVINCE, 63L);
    assertThat(counts.get(UnitKind.DISTRICT)).isGreaterThan(600L);
    assertThat(counts.get(UnitKind.COMMUNE)).isGreaterThan(10_000L);
    Unit phucXa = units.findByCode("test-pre-reform", "00001").orElseThrow();
    assertThat(units.lineage(phucXa.id()))
        .extracting(Unit::kind)
        .containsExactly(UnitKind.NATION, UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE);
  }

  @Test
  void reimportingTheSameFileChangesNothing() {
    Path file = SHARED_UNITS.resolve("vn-units-2026-07.json");
    unitImport.importFile(file, "test-again", new Localized("a", "b"));
    Unit before = units.findByCode("test-again", "00004").orElseThrow();

    unitImport.importFile(file, "test-again", new Localized("a", "b"));

    assertThat(units.findByCode("test-again", "00004")).contains(before);
    assertThat(units.countByKind("test-again")).containsEntry(UnitKind.COMMUNE, 3321L);
  }

  @Test
  void villagesCanBeAddedBelowACommuneAtAnyDepth() {
    unitImport.importFile(
        SHARED_UNITS.resolve("vn-units-2026-07.json"), "test-villages", new Localized("a", "b"));

    unitImport.importUnits(
        "test-villages",
        new Localized("a", "b"),
        "test",
        List.of(
            new NewUnit(
                "14167-T01",
                "14167",
                UnitKind.VILLAGE,
                new Localized("Tổ dân phố", "Residential group"),
                new Localized("1", "1"))));

    Unit group = units.findByCode("test-villages", "14167-T01").orElseThrow();
    assertThat(group.depth()).isEqualTo(3);
    assertThat(units.findByCode("test-villages", "14167").orElseThrow().contains(group)).isTrue();
  }

  @Test
  void rejectsAFileThatIsNotAUnitsFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"not\": \"units\"}");

    var result = unitImport.importFile(file, "test-bad", new Localized("a", "b"));

    assertThat(result).isInstanceOf(UnitImportResult.Rejected.class);
    assertThat(units.countByKind("test-bad")).isEmpty();
  }
}
