package vn.ykien.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.DraftItem;
import vn.ykien.registry.Residents;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/** A machine without ../shared/data still starts, with the built-in minimum. */
@SpringBootTest(properties = "ykien.data.shared-directory=target/no-shared-data-here")
@ActiveProfiles({"test", "demo"})
class WithoutSharedDataTests {

  @Autowired Units units;
  @Autowired Consultations consultations;
  @Autowired Residents residents;

  @Test
  void startsWithTheBuiltIn34ProvincesAndTheDemoCommune() {
    var counts = units.countByKind("2026-07");
    assertThat(counts).containsEntry(UnitKind.PROVINCE, 34L).containsEntry(UnitKind.VILLAGE, 25L);
    var commune = units.findByCode("2026-07", "14167").orElseThrow();
    assertThat(units.lineage(commune.id())).extracting(u -> u.name().vi())
        .containsExactly("Việt Nam", "Ninh Bình", "Giao Thuỷ");
    assertThat(residents.count()).isGreaterThan(3000);
  }

  @Test
  void theConsultationIsThereWithSummariesButNoWording() {
    var consultation = consultations.findBySlug("hien-phap-2025").orElseThrow();
    var items = consultations.items(consultation.id());

    assertThat(items).extracting(DraftItem::code)
        .containsExactly(
            "dieu-9", "dieu-10", "dieu-84", "dieu-110", "dieu-111", "dieu-112", "dieu-114",
            "dieu-115", "dieu-2-du-thao");
    assertThat(items).allSatisfy(item -> {
      assertThat(item.summary().vi()).isNotBlank();
      assertThat(item.currentText()).isNull();
    });
  }
}
