package vn.ykien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.ykien.shared.CitizenId;

class SyntheticPopulationTests {

  static final LocalDate TODAY = LocalDate.of(2025, 5, 6);
  static final List<SyntheticPopulation.GeneratedUnit> GROUPS =
      List.of(
          new SyntheticPopulation.GeneratedUnit(1, "Tổ dân phố 1"),
          new SyntheticPopulation.GeneratedUnit(2, "Tổ dân phố 2"));

  static List<NewResident> people(long seed, int count) {
    return SyntheticPopulation.households(GROUPS, count, seed, TODAY, "036", "Số %d, %s").stream()
        .flatMap(household -> household.members().stream())
        .toList();
  }

  @Test
  void theSameSeedAlwaysGivesTheSamePeople() {
    assertThat(people(2025, 2000)).isEqualTo(people(2025, 2000));
    assertThat(people(2025, 2000)).isNotEqualTo(people(2026, 2000));
  }

  @Test
  void generatesExactlyTheNumberAskedWithDistinctWellFormedIds() {
    List<NewResident> people = people(7, 3000);

    assertThat(people).hasSize(3000);
    Set<CitizenId> ids = people.stream().map(NewResident::citizenId).collect(Collectors.toSet());
    assertThat(ids).hasSize(3000);
    assertThat(ids).allSatisfy(id -> assertThat(id.value()).startsWith("036"));
  }

  @Test
  void looksLikeAVietnamesePopulation() {
    List<NewResident> people = people(11, 10_000);

    double nguyen = people.stream().filter(p -> p.fullName().startsWith("Nguyễn ")).count() / 10_000.0;
    assertThat(nguyen).isBetween(0.33, 0.43);
    double children = people.stream().filter(p -> Period.between(p.birthDate(), TODAY).getYears() < 14).count() / 10_000.0;
    assertThat(children).isBetween(0.12, 0.30);
    double level2 =
        people.stream().filter(p -> p.eidAccount().isLevel2()).count() / 10_000.0;
    assertThat(level2).isBetween(0.6, 0.85);
    assertThat(people).anySatisfy(p -> assertThat(p.eidAccount().state()).isEqualTo(EidState.REGISTERED));
    assertThat(people).anySatisfy(p -> assertThat(p.eidAccount().level()).isEqualTo(1));
    long women = people.stream().filter(p -> p.sex() == Sex.F).count();
    assertThat(women).isBetween(4_700L, 5_300L);
    assertThat(people).allSatisfy(p -> {
      if (p.sex() == Sex.F) {
        assertThat(p.fullName()).doesNotContain(" Văn ");
      }
    });
  }

  @Test
  void hasOccupationGroupsAndMembershipsThatFitAge() {
    List<NewResident> people = people(13, 10_000);

    assertThat(people)
        .filteredOn(p -> Period.between(p.birthDate(), TODAY).getYears() < 6)
        .allSatisfy(p -> assertThat(p.occupation()).isNull());
    assertThat(people)
        .filteredOn(p -> Period.between(p.birthDate(), TODAY).getYears() < 16)
        .allSatisfy(p -> assertThat(p.memberships()).isEmpty());
    assertThat(people)
        .filteredOn(p -> p.memberships().contains(Membership.WOMEN_UNION))
        .allSatisfy(p -> assertThat(p.sex()).isEqualTo(Sex.F));
    double farmers = people.stream().filter(p -> p.occupation() == Occupation.FARMER).count() / 10_000.0;
    assertThat(farmers).isBetween(0.12, 0.30);
    double party = people.stream().filter(p -> p.memberships().contains(Membership.PARTY)).count() / 10_000.0;
    assertThat(party).isBetween(0.02, 0.08);
    assertThat(people.stream().map(NewResident::occupation).distinct()).hasSize(Occupation.values().length + 1);
  }
}
