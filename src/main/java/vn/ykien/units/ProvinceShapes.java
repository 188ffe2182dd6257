package vn.ykien.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The provinces' outlines for the results and participation maps, from the GeoJSON files of the shared data
 * ({@code units/province-geojson}, one file per province, named after it) when they are there:
 * one FeatureCollection whose features carry the unit code, coordinates rounded to 0.01° (about
 * a kilometre: a national map, light enough for a phone). Read once per nation.
 */
@Component
public class ProvinceShapes {

  private static final Logger log = LoggerFactory.getLogger(ProvinceShapes.class);

  private final Path directory;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  private final Units units;

  ProvinceShapes(@Value("${ykien.data.shared-directory}") String sharedData, Units units) {
    this.directory = Path.of(sharedData, "units", "province-geojson");
    this.units = units;
  }

  /**
   * The outlines of the units below this one that have a file, as GeoJSON: the provinces of a
   * nation; empty for any other unit, or when no province has a file.
   */
  public Optional<byte[]> below(Unit unit) {
    if (unit.kind() != UnitKind.NATION) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(unit.edition() + "/" + unit.code(), e -> read(units.children(unit.id())));
  }

  /** Where a page's map fetches the outlines of the units below this one; empty when there are none. */
  public Optional<String> addressBelow(Unit unit) {
    return below(unit).map(outlines -> "/units/" + unit.edition() + "/" + unit.code() + "/children.geojson");
  }

  private Optional<byte[]> read(List<Unit> provinces) {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    Map<String, Unit> byName = new HashMap<>();
    for (Unit province : provinces) {
      byName.put(slug(province.name().vi()), province);
    }
    ArrayNode features = JsonNodeFactory.instance.arrayNode();
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(p -> p.getFileName().toString().endsWith(".geojson")).sorted().toList();
    } catch (IOException e) {
      log.warn("The province outlines in {} could not be listed: the results and participation maps shows tiles", directory, e);
      return Optional.empty();
    }
    for (Path file : files) {
      String name = file.getFileName().toString().replaceFirst("\\.geojson$", "").replaceFirst("^\\d+_", "")
          .replaceFirst("^(tinh|thanh_pho|tp)_", "");
      Unit province = byName.get(name);
      if (province == null) {
        continue;
      }
      try {
        JsonNode collection = json.readTree(file.toFile());
        for (JsonNode feature : collection.path("features")) {
          ObjectNode shape = JsonNodeFactory.instance.objectNode();
          shape.put("type", "Feature");
          ObjectNode properties = shape.putObject("properties");
          properties.put("code", province.code());
          properties.put("name", province.code());
          ObjectNode geometry = shape.putObject("geometry");
          geometry.put("type", feature.path("geometry").path("type").asString());
          geometry.set("coordinates", rounded(feature.path("geometry").path("coordinates")));
          features.add(shape);
        }
      } catch (RuntimeException e) {
        log.warn("The province outline {} could not be read; that province shows as a tile", file, e);
      }
    }
    if (features.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode collection = JsonNodeFactory.instance.objectNode();
    collection.put("type", "FeatureCollection");
    collection.set("features", features);
    return Optional.of(json.writeValueAsBytes(collection));
  }

  /** Coordinates to 0.01°, dropping points that then repeat the one before. */
  private static JsonNode rounded(JsonNode coordinates) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    if (coordinates.isArray() && !coordinates.isEmpty() && coordinates.get(0).isNumber()) {
      for (JsonNode value : coordinates) {
        out.add(Math.round(value.asDouble() * 100) / 100.0);
      }
      return out;
    }
    JsonNode previous = null;
    List<JsonNode> points = new ArrayList<>();
    for (JsonNode part : coordinates) {
      JsonNode r = rounded(part);
      if (previous != null && r.equals(previous) && r.get(0).isNumber()) {
        continue;
      }
      points.add(r);
      previous = r;
    }
    points.forEach(out::add);
    return out;
  }

  /** "Ninh Bình" → "ninh_binh", as the files are named. */
  static String slug(String name) {
    String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .strip();
    return plain.replaceAll("[^a-z0-9]+", "_");
  }
}
