package vn.ykien.units.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.shared.Localized;
import vn.ykien.units.NewUnit;
import vn.ykien.units.UnitKind;

/**
 * Reads the two JSON layouts of the administrative-units data set: the current one (provinces with
 * "Wards") and the pre-2025 one (provinces with "District", each with "Ward").
 */
@Component
public class UnitFileReader {

  public static final String NATION_CODE = "VN";

  private final JsonMapper json = JsonMapper.builder().build();

  public List<NewUnit> read(InputStream in) {
    JsonNode root = json.readTree(in);
    if (!root.isArray() || root.isEmpty()) {
      throw new IllegalArgumentException("expected a non-empty JSON array of provinces");
    }
    List<NewUnit> units = new ArrayList<>();
    units.add(nation());
    for (JsonNode province : root) {
      String provinceCode = required(province, "Code");
      units.add(unit(province, NATION_CODE, UnitKind.PROVINCE));
      if (province.has("Wards")) {
        for (JsonNode ward : province.get("Wards")) {
          units.add(unit(ward, provinceCode, UnitKind.COMMUNE));
        }
      } else if (province.has("District")) {
        for (JsonNode district : province.get("District")) {
          String districtCode = required(district, "Code");
          units.add(unit(district, provinceCode, UnitKind.DISTRICT));
          for (JsonNode ward : district.path("Ward")) {
            units.add(unit(ward, districtCode, UnitKind.COMMUNE));
          }
        }
      } else {
        throw new IllegalArgumentException(
            "province " + provinceCode + " has neither \"Wards\" nor \"District\"");
      }
    }
    return units;
  }

  public static NewUnit nation() {
    return new NewUnit(
        NATION_CODE,
        null,
        UnitKind.NATION,
        new Localized("Quốc gia", "Nation"),
        new Localized("Việt Nam", "Viet Nam"));
  }

  private static NewUnit unit(JsonNode node, String parentCode, UnitKind kind) {
    String name = required(node, "Name");
    String nameEn = text(node, "NameEn", name);
    Localized category =
        new Localized(
            category(text(node, "FullName", ""), name, text(node, "AdministrativeUnitShortName", null), kind, false),
            category(text(node, "FullNameEn", ""), nameEn, text(node, "AdministrativeUnitShortNameEn", null), kind, true));
    return new NewUnit(required(node, "Code"), parentCode, kind, category, new Localized(name, nameEn));
  }

  /** "Phường Ba Đình" minus "Ba Đình" is "Phường"; the explicit short name wins when given. */
  private static String category(
      String fullName, String name, @Nullable String shortName, UnitKind kind, boolean english) {
    if (shortName != null && !shortName.isBlank()) {
      return shortName;
    }
    String rest = fullName.replace(name, "").trim();
    if (!rest.isEmpty()) {
      return rest;
    }
    return switch (kind) {
      case PROVINCE -> english ? "Province" : "Tỉnh";
      case DISTRICT -> english ? "District" : "Huyện";
      case COMMUNE -> english ? "Commune" : "Xã";
      case VILLAGE -> english ? "Village" : "Thôn";
      case NATION -> english ? "Nation" : "Quốc gia";
    };
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new IllegalArgumentException("a unit lacks the text field \"" + field + "\"");
    }
    return value.asString().strip();
  }

  private static @Nullable String text(JsonNode node, String field, @Nullable String fallback) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString().strip() : fallback;
  }
}
