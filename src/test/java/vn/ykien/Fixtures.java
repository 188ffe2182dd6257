package vn.ykien;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.ConsultationSetup;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.DraftItem;
import vn.ykien.consultation.NewConsultation;
import vn.ykien.consultation.Window;
import vn.ykien.registry.EidAccount;
import vn.ykien.registry.NewResident;
import vn.ykien.registry.Registry;
import vn.ykien.registry.Sex;
import vn.ykien.shared.CitizenId;
import vn.ykien.shared.Localized;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Test data in the domain's words: residents of a demo residential group, consultations with a
 * few items, each with fresh ids so tests never see each other's data.
 */
@Component
public class Fixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Registry registry;
  private final Units units;
  private final ConsultationSetup setup;
  private final Consultations consultations;
  private final Clock clock;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final vn.ykien.opinion.OpinionLogReaders readers;

  Fixtures(
      Registry registry,
      Units units,
      ConsultationSetup setup,
      Consultations consultations,
      Clock clock,
      org.springframework.jdbc.core.simple.JdbcClient jdbc,
      vn.ykien.opinion.OpinionLogReaders readers) {
    this.jdbc = jdbc;
    this.readers = readers;
    this.registry = registry;
    this.units = units;
    this.setup = setup;
    this.consultations = consultations;
    this.clock = clock;
  }

  /**
   * Waits until every reader of the opinion log (tallies, classification) has applied everything
   * written before this call: what a test sent is then counted and classified.
   */
  public void readersCaughtUp() {
    try {
      if (!readers.awaitCaughtUp(java.time.Duration.ofSeconds(60))) {
        throw new AssertionError("the opinion log's readers did not catch up within 60 s: " + readers.lag());
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError(interrupted);
    }
  }

  public Unit residentialGroup(int number) {
    return units.findByCode("2026-07", "14167-%02d".formatted(number)).orElseThrow();
  }

  public ResidentBuilder aResident() {
    return new ResidentBuilder();
  }

  /** A consultation with three items, open from yesterday to next week. */
  public Consultation anOpenConsultation() {
    Instant now = clock.instant();
    return aConsultation(new Window(now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS)));
  }

  /** A consultation open since yesterday to the residents of one unit only. */
  public Consultation anOpenConsultationFor(Unit scope) {
    Instant now = clock.instant();
    return aConsultation(new Window(now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS)), scope.id());
  }

  /** A consultation that opens tomorrow. */
  public Consultation anUpcomingConsultation() {
    Instant now = clock.instant();
    return aConsultation(new Window(now.plus(1, ChronoUnit.DAYS), now.plus(8, ChronoUnit.DAYS)));
  }

  /** The window of this consultation ends now: it closed a minute ago. */
  public void close(Consultation consultation) {
    jdbc.sql("update consultation.consultation set closes_at = ? where id = ?")
        .params(clock.instant().minus(1, ChronoUnit.MINUTES).atOffset(java.time.ZoneOffset.UTC), consultation.id())
        .update();
  }

  /** A consultation that closed yesterday. */
  public Consultation aClosedConsultation() {
    Instant now = clock.instant();
    return aConsultation(new Window(now.minus(10, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
  }

  private Consultation aConsultation(Window window) {
    return aConsultation(window, null);
  }

  private Consultation aConsultation(Window window, @org.jspecify.annotations.Nullable Long scopeUnitId) {
    String slug = "test-" + UUID.randomUUID();
    List<NewConsultation.NewItem> items =
        List.of(9, 10, 84).stream()
            .map(
                article ->
                    new NewConsultation.NewItem(
                        "dieu-" + article,
                        article,
                        new Localized("Điều " + article, "Article " + article),
                        new Localized("Tiêu đề", "Title"),
                        new Localized("Tóm tắt", "Summary")))
            .toList();
    long id =
        setup.create(
            new NewConsultation(
                slug,
                new Localized("Thử", "Test"),
                new Localized("Thử", "Test"),
                window,
                scopeUnitId,
                14,
                items));
    return consultations.find(id).orElseThrow();
  }

  /**
   * A consultation open now on three items with real titles and summaries (Articles 9, 110 and
   * 115 of the 2025 draft), for reading comments against.
   */
  public Consultation anOpenConsultationOnTheDraft() {
    String slug = "test-" + UUID.randomUUID();
    Instant now = clock.instant();
    List<NewConsultation.NewItem> items =
        List.of(
            new NewConsultation.NewItem(
                "dieu-9", 9, new Localized("Điều 9", "Article 9"),
                new Localized("Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
                    "The Viet Nam Fatherland Front and socio-political organisations"),
                new Localized("Công đoàn, Hội Nông dân, Đoàn Thanh niên, Hội Liên hiệp Phụ nữ, Hội Cựu"
                    + " chiến binh trực thuộc Mặt trận Tổ quốc Việt Nam", "Organisations under the Front")),
            new NewConsultation.NewItem(
                "dieu-110", 110, new Localized("Điều 110", "Article 110"),
                new Localized("Đơn vị hành chính", "Administrative units"),
                new Localized("Đơn vị hành chính tổ chức thành hai cấp: tỉnh, thành phố trực thuộc"
                    + " trung ương và xã, phường, đặc khu; bỏ cấp huyện; sáp nhập tỉnh",
                    "Two levels of administrative units")),
            new NewConsultation.NewItem(
                "dieu-115", 115, new Localized("Điều 115", "Article 115"),
                new Localized("Đại biểu Hội đồng nhân dân", "People's Council deputies"),
                new Localized("Quyền chất vấn của đại biểu Hội đồng nhân dân đối với Chủ tịch Uỷ ban"
                    + " nhân dân, Chánh án Toà án nhân dân, Viện trưởng Viện kiểm sát nhân dân",
                    "Deputies' right to question")));
    long id =
        setup.create(
            new NewConsultation(
                slug,
                new Localized("Thử", "Test"),
                new Localized("Thử", "Test"),
                new Window(now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS)),
                null,
                14,
                items));
    return consultations.find(id).orElseThrow();
  }

  /** How many people take part in the consultation, as stored. */
  public long participations(Consultation consultation) {
    return jdbc.sql("select count(*) from opinion.participation where consultation_id = ?")
        .param(consultation.id())
        .query(Long.class)
        .single();
  }

  public List<DraftItem> items(Consultation consultation) {
    return consultations.items(consultation.id());
  }

  /** Builds a resident: {@code aResident().aged(13).withLevel2Account().inGroup(4).register()}. */
  public class ResidentBuilder {
    private int age = 40;
    private EidAccount account = EidAccount.activated(2);
    private int group = 10;
    private Sex sex = Sex.F;
    private vn.ykien.registry.@org.jspecify.annotations.Nullable Occupation occupation;
    private java.util.Set<vn.ykien.registry.Membership> memberships = java.util.Set.of();

    public ResidentBuilder working(vn.ykien.registry.Occupation occupation) {
      this.occupation = occupation;
      return this;
    }

    public ResidentBuilder memberOf(vn.ykien.registry.Membership... organisations) {
      this.memberships = java.util.Set.of(organisations);
      return this;
    }

    public ResidentBuilder male() {
      this.sex = Sex.M;
      return this;
    }

    public ResidentBuilder aged(int years) {
      this.age = years;
      return this;
    }

    public ResidentBuilder withLevel2Account() {
      this.account = EidAccount.activated(2);
      return this;
    }

    public ResidentBuilder withLevel1Account() {
      this.account = EidAccount.activated(1);
      return this;
    }

    public ResidentBuilder withAccountNotActivated() {
      this.account = EidAccount.registered();
      return this;
    }

    public ResidentBuilder withoutEidAccount() {
      this.account = EidAccount.none();
      return this;
    }

    public ResidentBuilder inGroup(int number) {
      this.group = number;
      return this;
    }

    public CitizenId register() {
      CitizenId id = CitizenId.of("0998%08d".formatted(SEQUENCE.incrementAndGet()));
      LocalDate birth = LocalDate.now(clock).minusYears(age).minusDays(40);
      registry.addHousehold(
          residentialGroup(group).id(),
          "Số 99",
          List.of(new NewResident(id, "Người Thử Nghiệm", birth, sex, account, occupation, memberships)));
      return id;
    }
  }
}
