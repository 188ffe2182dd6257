package vn.ykien.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.registry.internal.PopulationCopy;
import vn.ykien.shared.CitizenId;

/**
 * Generates a synthetic, deterministic population for demos and tests: Vietnamese names with
 * their real frequency patterns, ages from Viet Nam's population pyramid, households, and e-ID
 * accounts in realistic shares. The same seed always gives the same people.
 */
@Service
public class SyntheticPopulation {

  /** Family names with their approximate share of the population, in percent. */
  private static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Cao"
  };

  private static final double[] FAMILY_SHARE = {
    38, 11, 9.5, 7, 5.1, 4.2, 4.5, 3.9, 3.5, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 0.8, 0.7, 0.6, 0.5
  };

  private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công"};
  private static final String[] MIDDLE_F = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Phương"};
  private static final String[] GIVEN_M = {
    "An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Hưng", "Khánh", "Long", "Minh", "Nam", "Phong",
    "Quân", "Sơn", "Tài", "Thắng", "Toàn", "Trung", "Tuấn", "Việt"
  };
  private static final String[] GIVEN_F = {
    "Anh", "Chi", "Dung", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc",
    "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Vân", "Yến"
  };

  /** Share of each five-year age band (0–4 … 80+), Viet Nam, mid-2020s, in percent. */
  private static final double[] AGE_BAND_SHARE = {
    7.5, 8.0, 8.0, 7.2, 7.0, 7.5, 8.2, 8.0, 7.3, 6.8, 6.2, 5.5, 4.6, 3.5, 2.2, 1.3, 1.2
  };

  private static final int[] HOUSEHOLD_SIZE = {1, 2, 3, 4, 4, 3, 5, 2, 4, 6};

  private final Registry registry;
  private final PopulationCopy copy;

  SyntheticPopulation(Registry registry, PopulationCopy copy) {
    this.registry = registry;
    this.copy = copy;
  }

  /**
   * Adds about {@code people} residents in households spread evenly over the given units.
   *
   * @param birthProvinceCode three-digit code that starts every generated citizen id
   * @param addressFormat e.g. "Số %d, %s": house number, then the unit's name
   * @return the ids of the generated residents, in order (demo-sized populations only)
   */
  @Transactional
  public List<CitizenId> generate(
      List<GeneratedUnit> units,
      int people,
      long seed,
      LocalDate today,
      String birthProvinceCode,
      String addressFormat) {
    List<CitizenId> ids = new ArrayList<>(people);
    for (Household household : households(units, people, seed, today, birthProvinceCode, addressFormat)) {
      registry.addHousehold(household.unitId(), household.address(), household.members());
      household.members().forEach(member -> ids.add(member.citizenId()));
    }
    return ids;
  }

  /**
   * Generates {@code people} residents straight into the registry, streaming: memory stays flat for
   * any number, up to national size. Returns the number of residents written.
   */
  @Transactional
  public long generateStreaming(
      List<GeneratedUnit> units,
      long people,
      long seed,
      LocalDate today,
      String birthProvinceCode,
      String addressFormat) {
    return copy.copy(
        people,
        sink -> eachHousehold(units, people, seed, today, birthProvinceCode, addressFormat, sink));
  }

  /** A generated household: where it lives and who lives there, the head first. */
  public record Household(long unitId, String address, List<NewResident> members) {}

  /** The households {@link #generate} would add: a pure function of its arguments. */
  public static List<Household> households(
      List<GeneratedUnit> units,
      int people,
      long seed,
      LocalDate today,
      String birthProvinceCode,
      String addressFormat) {
    List<Household> households = new ArrayList<>();
    eachHousehold(units, people, seed, today, birthProvinceCode, addressFormat, households::add);
    return households;
  }

  /**
   * Generates households one by one and hands each to {@code sink}: memory stays flat whatever
   * the number of people. Citizen ids are unique within a run up to a million people per birth
   * year and sex.
   */
  public static void eachHousehold(
      List<GeneratedUnit> units,
      long people,
      long seed,
      LocalDate today,
      String birthProvinceCode,
      String addressFormat,
      java.util.function.Consumer<Household> sink) {
    var random = new SplittableRandom(seed);
    int[] sequences = new int[400];
    long generated = 0;
    long house = 0;
    while (generated < people) {
      GeneratedUnit unit = units.get((int) (house % units.size()));
      house++;
      int size = (int) Math.min(HOUSEHOLD_SIZE[random.nextInt(HOUSEHOLD_SIZE.length)], people - generated);
      String family = pick(random, FAMILY, FAMILY_SHARE);
      List<NewResident> members = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
        int age = i == 0 ? 25 + random.nextInt(50) : age(random);
        LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
        String name = family + " " + middle(random, sex) + " " + given(random, sex);
        int bucket = centurySex(sex, birth) * 100 + birth.getYear() % 100;
        Occupation occupation = occupation(random, age);
        members.add(
            new NewResident(
                citizenId(birthProvinceCode, sex, birth, ++sequences[bucket]),
                name,
                birth,
                sex,
                account(random, age),
                occupation,
                memberships(random, age, sex, occupation)));
      }
      sink.accept(new Household(unit.unitId(), addressFormat.formatted(house, unit.name()), members));
      generated += size;
    }
  }

  /** A unit to fill, with the name used in addresses. */
  public record GeneratedUnit(long unitId, String name) {}

  /**
   * Province of birth (3 digits), century and sex (1 digit: 0/1 for men/women born in the 1900s,
   * 2/3 in the 2000s), year of birth (2 digits), then a 6-digit sequence.
   */
  static CitizenId citizenId(String province, Sex sex, LocalDate birth, int sequence) {
    if (sequence >= 1_000_000) {
      throw new IllegalArgumentException("more than a million people of one birth year and sex");
    }
    return CitizenId.of(
        "%s%d%02d%06d"
            .formatted(province, centurySex(sex, birth), birth.getYear() % 100, sequence));
  }

  private static int centurySex(Sex sex, LocalDate birth) {
    return (birth.getYear() >= 2000 ? 2 : 0) + (sex == Sex.F ? 1 : 0);
  }

  /** Occupation groups of working-age people, in percent (rough shares of Viet Nam's labour force). */
  private static final Occupation[] WORKING = {
    Occupation.FARMER, Occupation.WORKER, Occupation.BUSINESS, Occupation.CIVIL_SERVANT,
    Occupation.INTELLECTUAL, Occupation.ARMED_FORCES, Occupation.OTHER
  };

  private static final double[] WORKING_SHARE = {33, 27, 13, 6, 4, 1, 16};

  /** None under 6; pupils and students to 22; mostly retired from 60; otherwise by share. */
  private static @org.jspecify.annotations.Nullable Occupation occupation(SplittableRandom random, int age) {
    if (age < 6) {
      return null;
    }
    if (age < 18 || (age < 23 && random.nextDouble() < 0.45)) {
      return Occupation.STUDENT;
    }
    if (age >= 60 && random.nextDouble() < 0.7) {
      return Occupation.RETIRED;
    }
    return pick(random, WORKING, WORKING_SHARE);
  }

  /**
   * Memberships in rough national shares: Party members about 5.5 % of adults, the Youth Union
   * for many aged 16 to 30, the Women's Union for half of adult women, the Veterans' Association
   * for older men, the Farmers' Union for half of farmers, commune staff among civil servants.
   */
  private static java.util.Set<Membership> memberships(
      SplittableRandom random, int age, Sex sex, @org.jspecify.annotations.Nullable Occupation occupation) {
    if (age < 16) {
      return java.util.Set.of();
    }
    var set = java.util.EnumSet.noneOf(Membership.class);
    if (age >= 18 && random.nextDouble() < (occupation == Occupation.CIVIL_SERVANT ? 0.4 : 0.045)) {
      set.add(Membership.PARTY);
    }
    if (age <= 30 && random.nextDouble() < 0.4) {
      set.add(Membership.YOUTH_UNION);
    }
    if (sex == Sex.F && age >= 18 && random.nextDouble() < 0.5) {
      set.add(Membership.WOMEN_UNION);
    }
    if (sex == Sex.M && age >= 45 && random.nextDouble() < 0.12) {
      set.add(Membership.VETERANS);
    }
    if (occupation == Occupation.FARMER && random.nextDouble() < 0.5) {
      set.add(Membership.FARMERS_UNION);
    }
    if (occupation == Occupation.WORKER && random.nextDouble() < 0.3) {
      set.add(Membership.TRADE_UNION);
    }
    if (occupation == Occupation.CIVIL_SERVANT && random.nextDouble() < 0.2) {
      set.add(Membership.COMMUNE_STAFF);
    }
    return set;
  }

  private static EidAccount account(SplittableRandom random, int age) {
    double roll = random.nextDouble();
    if (age < 14) {
      return roll < 0.5 ? EidAccount.none() : EidAccount.activated(2);
    }
    if (roll < 0.08) {
      return EidAccount.none();
    }
    if (roll < 0.15) {
      return EidAccount.registered();
    }
    if (roll < 0.25) {
      return EidAccount.activated(1);
    }
    return EidAccount.activated(2);
  }

  private static int age(SplittableRandom random) {
    double roll = random.nextDouble() * 100;
    for (int band = 0; band < AGE_BAND_SHARE.length; band++) {
      roll -= AGE_BAND_SHARE[band];
      if (roll <= 0) {
        return band * 5 + random.nextInt(5);
      }
    }
    return 80 + random.nextInt(15);
  }

  private static String middle(SplittableRandom random, Sex sex) {
    String[] names = sex == Sex.M ? MIDDLE_M : MIDDLE_F;
    return names[random.nextInt(names.length)];
  }

  private static String given(SplittableRandom random, Sex sex) {
    String[] names = sex == Sex.M ? GIVEN_M : GIVEN_F;
    return names[random.nextInt(names.length)];
  }

  private static <T> T pick(SplittableRandom random, T[] values, double[] shares) {
    double total = 0;
    for (double share : shares) {
      total += share;
    }
    double roll = random.nextDouble() * total;
    for (int i = 0; i < values.length; i++) {
      roll -= shares[i];
      if (roll <= 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
