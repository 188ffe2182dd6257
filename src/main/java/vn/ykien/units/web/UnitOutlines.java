package vn.ykien.units.web;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import vn.ykien.units.ProvinceShapes;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * The outlines of the units below a unit, as GeoJSON, for the maps of the results and the
 * participation pages: public geography, the same for everyone, cached by browsers for a day.
 */
@Controller
class UnitOutlines {

  private final Units units;
  private final ProvinceShapes shapes;

  UnitOutlines(Units units, ProvinceShapes shapes) {
    this.units = units;
    this.shapes = shapes;
  }

  @GetMapping("/units/{edition}/{code}/children.geojson")
  ResponseEntity<byte[]> children(@PathVariable String edition, @PathVariable String code) {
    Unit unit = units.findByCode(edition, code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    byte[] outlines = shapes.below(unit).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("application/geo+json"))
        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
        .body(outlines);
  }
}
