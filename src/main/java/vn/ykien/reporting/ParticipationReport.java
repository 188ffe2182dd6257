package vn.ykien.reporting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.consultation.CitizenGroup;
import vn.ykien.consultation.CitizenGroup.AgeBand;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.EligiblePopulation;
import vn.ykien.opinion.Channel;
import vn.ykien.registry.Membership;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Sex;
import vn.ykien.reporting.internal.TallyStore;
import vn.ykien.units.Region;
import vn.ykien.units.Settlement;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/**
 * Participation per unit for officials: counts only, never content. Reads the tallies and the
 * denominators kept per unit at every level (one row per unit and channel), so that a national
 * page costs what a village page costs.
 */
@Service
public class ParticipationReport {

  private final Units units;
  private final EligiblePopulation population;
  private final TallyStore tallies;
  private final Clock clock;

  ParticipationReport(
      Units units,
      EligiblePopulation population,
      TallyStore tallies,
      Clock clock,
      @Value("${ykien.reporting.detail-kept:PT1M}") Duration detailKept) {
    this.clock = clock;
    this.details = Caffeine.newBuilder().expireAfterWrite(detailKept).maximumSize(10_000).build();
    this.units = units;
    this.population = population;
    this.tallies = tallies;
  }

  /**
   * Every unit of the consultation's scope, at every level, with the people eligible there when it
   * opened (null where no snapshot of the eligible population was frozen).
   */
  @Transactional(readOnly = true)
  public Map<Long, @Nullable Long> eligibleAtOpeningOfEveryUnit(Consultation consultation) {
    Map<Long, @Nullable Long> eligible = tallies.eligibleAtOpening(consultation.id());
    if (population.snapshot(consultation).isEmpty()) {
      // Nothing frozen yet: no unit has a figure at opening, as the participation pages say.
      eligible.replaceAll((unit, atOpening) -> null);
    } else {
      eligible.replaceAll((unit, atOpening) -> atOpening == null ? Long.valueOf(0) : atOpening);
    }
    return eligible;
  }

  /** The unit itself, then each of its child units, each with its whole subtree counted. */
  @Transactional(readOnly = true)
  public List<UnitParticipation> forUnitAndChildren(Consultation consultation, Unit unit) {
    boolean frozen = population.snapshot(consultation).isPresent();
    List<Unit> shown = new ArrayList<>();
    shown.add(unit);
    shown.addAll(units.children(unit.id()));
    List<Long> ids = shown.stream().map(Unit::id).toList();
    Map<Long, Map<Channel, Long>> counted = tallies.participants(consultation.id(), ids);
    Map<Long, Long[]> eligible = tallies.eligible(consultation.id(), ids);
    List<UnitParticipation> rows = new ArrayList<>(shown.size());
    for (Unit each : shown) {
      Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
      for (Channel channel : Channel.values()) {
        byChannel.put(channel, 0L);
      }
      byChannel.putAll(counted.getOrDefault(each.id(), Map.of()));
      Long[] denominators = eligible.get(each.id());
      long now = denominators == null ? 0 : denominators[1];
      // Until the denominators are refreshed after the snapshot, the rate stays on the live count.
      Long atOpening = !frozen ? null : denominators == null ? Long.valueOf(0) : denominators[0];
      rows.add(new UnitParticipation(each, now, atOpening, byChannel));
    }
    return rows;
  }

  /**
   * Participation in one unit (its whole subtree) per day and per citizen group, channels apart:
   * for the officials' dashboard, at every level (participation counts, never content).
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ParticipationDetail detail(Consultation consultation, Unit unit) {
    return details.get(new DetailKey(consultation.id(), unit.id()), key -> readDetail(consultation, unit));
  }

  /**
   * The per-day and per-group counts of a national or provincial unit sum hundreds of thousands of
   * tally cells (every day × channel × group × memberships); they are kept a short while
   * ({@code ykien.reporting.detail-kept}, a minute by default), while the headline per unit and
   * channel stays live.
   */
  private final Cache<DetailKey, ParticipationDetail> details;

  private record DetailKey(long consultationId, long unitId) {}

  private ParticipationDetail readDetail(Consultation consultation, Unit unit) {
    SortedMap<LocalDate, Map<Channel, Long>> perDay = new TreeMap<>();
    tallies.peopleByDay(consultation.id(), unit.id(), (day, channel, people) -> add(perDay.computeIfAbsent(day, d -> zero()), channel, people));
    List<ParticipationDetail.Day> days = new ArrayList<>(perDay.size());
    long cumulative = 0;
    for (var day : perDay.entrySet()) {
      cumulative += day.getValue().values().stream().mapToLong(Long::longValue).sum();
      days.add(new ParticipationDetail.Day(day.getKey(), day.getValue(), cumulative));
    }
    Map<String, Map<Channel, Long>> age = new LinkedHashMap<>();
    for (var band : AgeBand.values()) {
      age.put(band.name(), zero());
    }
    Map<String, Map<Channel, Long>> sex = new LinkedHashMap<>();
    for (var value : Sex.values()) {
      sex.put(value.name(), zero());
    }
    Map<String, Map<Channel, Long>> occupation = new LinkedHashMap<>();
    for (var value : Occupation.values()) {
      occupation.put(value.name(), zero());
    }
    occupation.put(ParticipationDetail.NONE, zero());
    Map<String, Map<Channel, Long>> memberships = new LinkedHashMap<>();
    for (var value : Membership.values()) {
      memberships.put(value.name(), zero());
    }
    memberships.put(ParticipationDetail.NONE, zero());
    tallies.peopleByGroup(consultation.id(), unit.id(), (group, channel, people) -> {
      add(age.computeIfAbsent(group.ageBand(), v -> zero()), channel, people);
      add(sex.computeIfAbsent(group.sex(), v -> zero()), channel, people);
      add(occupation.computeIfAbsent(group.occupation().isEmpty() ? ParticipationDetail.NONE : group.occupation(), v -> zero()), channel, people);
      if (group.memberships() == 0) {
        add(memberships.get(ParticipationDetail.NONE), channel, people);
      }
      for (var membership : CitizenGroup.membershipsOf(group.memberships())) {
        add(memberships.get(membership.name()), channel, people);
      }
    });
    return new ParticipationDetail(clock.instant(), days, groups(age), groups(sex), groups(occupation), groups(memberships));
  }

  private static Map<Channel, Long> zero() {
    Map<Channel, Long> counts = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      counts.put(channel, 0L);
    }
    return counts;
  }

  private static void add(Map<Channel, Long> counts, Channel channel, long people) {
    counts.merge(channel, people, Long::sum);
  }

  private static List<ParticipationDetail.Group> groups(Map<String, Map<Channel, Long>> counts) {
    return counts.entrySet().stream().map(e -> new ParticipationDetail.Group(e.getKey(), e.getValue())).toList();
  }

  /**
   * The nation's provinces grouped by socio-economic region, in the regions' order (provinces
   * without a region last, together). Empty below the nation.
   */
  @Transactional(readOnly = true)
  public List<AreaParticipation> byRegion(Consultation consultation, Unit unit) {
    if (unit.kind() != UnitKind.NATION) {
      return List.of();
    }
    Map<Long, Region> regionOf = units.regionsOfProvinces(unit.edition());
    List<Long> provinces = units.children(unit.id()).stream().map(Unit::id).toList();
    Map<Optional<Region>, List<Long>> groups = new LinkedHashMap<>();
    for (Region region : units.regions()) {
      groups.put(Optional.of(region), new ArrayList<>());
    }
    for (long province : provinces) {
      groups.computeIfAbsent(Optional.ofNullable(regionOf.get(province)), r -> new ArrayList<>()).add(province);
    }
    List<AreaParticipation> rows = new ArrayList<>();
    Totals totals = totals(consultation, provinces);
    groups.forEach((region, ids) -> {
      if (!ids.isEmpty()) {
        rows.add(totals.of(region.orElse(null), null, ids));
      }
    });
    return rows;
  }

  /** The urban (wards) and the rural communes of a nation or a province. Empty below provinces. */
  @Transactional(readOnly = true)
  public List<AreaParticipation> bySettlement(Consultation consultation, Unit unit) {
    if (unit.kind() != UnitKind.NATION && unit.kind() != UnitKind.PROVINCE) {
      return List.of();
    }
    Map<Long, Settlement> communes = units.settlementsUnder(unit.id());
    Totals totals = totals(consultation, List.copyOf(communes.keySet()));
    List<AreaParticipation> rows = new ArrayList<>();
    for (Settlement settlement : Settlement.values()) {
      List<Long> ids = communes.entrySet().stream().filter(e -> e.getValue() == settlement).map(Map.Entry::getKey).toList();
      rows.add(totals.of(null, settlement, ids));
    }
    return rows;
  }

  /** The tallies and denominators of a set of units, added up by group. */
  private Totals totals(Consultation consultation, List<Long> ids) {
    return new Totals(
        population.snapshot(consultation).isPresent(),
        tallies.participants(consultation.id(), ids),
        tallies.eligible(consultation.id(), ids));
  }

  private record Totals(boolean frozen, Map<Long, Map<Channel, Long>> counted, Map<Long, Long[]> eligible) {

    AreaParticipation of(@Nullable Region region, @Nullable Settlement settlement, List<Long> ids) {
      long participants = 0;
      long now = 0;
      long atOpening = 0;
      // Until the denominators are refreshed after the snapshot, the rate stays on the live count.
      boolean rolled = frozen;
      for (long id : ids) {
        participants += counted.getOrDefault(id, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        Long[] denominators = eligible.get(id);
        if (denominators != null) {
          now += denominators[1];
          if (denominators[0] == null) {
            rolled = false;
          } else {
            atOpening += denominators[0];
          }
        }
      }
      return new AreaParticipation(region, settlement, ids.size(), now, rolled ? atOpening : null, participants);
    }
  }
}
