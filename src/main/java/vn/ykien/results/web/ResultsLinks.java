package vn.ykien.results.web;

import org.springframework.web.util.UriComponentsBuilder;
import vn.ykien.consultation.Consultation;
import vn.ykien.units.Unit;

/** Where the results page of another unit or item is: the public page, or the officials' one. */
public record ResultsLinks(boolean official, Consultation consultation) {

  public String unit(Unit unit) {
    return builder(unit).build().encode().toUriString();
  }

  public String item(Unit unit, String item) {
    return builder(unit).queryParam("item", item).build().encode().toUriString();
  }

  private UriComponentsBuilder builder(Unit unit) {
    return official
        ? UriComponentsBuilder.fromPath("/officials/units/" + unit.edition() + "/" + unit.code() + "/results/answers")
            .queryParam("consultation", consultation.slug())
        : UriComponentsBuilder.fromPath("/results/" + consultation.slug()).queryParam("unit", unit.code());
  }
}
