package vn.ykien.demo;

import vn.ykien.identity.OfficialRole;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** What the demo loads; see application-demo.yaml. */
@ConfigurationProperties("ykien.demo")
public record DemoProperties(
    String communeEdition,
    String communeCode,
    int residentialGroups,
    int population,
    long seed,
    double priorParticipation,
    List<Persona> personas,
    String officialPassword,
    List<DemoOfficial> officials) {

  /** An official's account of the demo, on a unit of the demo's edition. */
  public record DemoOfficial(String username, String name, OfficialRole role, String unit) {}


  /** A named resident that shows one sign-in case. */
  public record Persona(
      String citizenId,
      String fullName,
      String sex,
      int ageAtOpening,
      PersonaAccount eid,
      @Nullable Integer group,
      @Nullable String otherCommuneCode,
      @org.springframework.boot.context.properties.bind.Name("case") String caseName) {

    /** Message key describing the case, e.g. {@code demo.persona.tooYoung}. */
    public String descriptionKey() {
      return "demo.persona." + caseName;
    }
  }

  public enum PersonaAccount {
    NONE,
    REGISTERED,
    LEVEL_1,
    LEVEL_2
  }
}
