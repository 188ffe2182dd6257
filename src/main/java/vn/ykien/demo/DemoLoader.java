package vn.ykien.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.ConsultationSetup;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.EligiblePopulation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.consultation.NewConsultation;
import vn.ykien.consultation.Window;
import vn.ykien.consultation.Wording;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.registry.EidAccount;
import vn.ykien.registry.NewResident;
import vn.ykien.identity.AccountCreation;
import vn.ykien.identity.NewOfficial;
import vn.ykien.identity.OfficialAccounts;
import vn.ykien.registry.Registry;
import vn.ykien.registry.Sex;
import vn.ykien.registry.SyntheticPopulation;
import vn.ykien.shared.CitizenId;
import vn.ykien.shared.Localized;
import vn.ykien.units.NewUnit;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitImport;
import vn.ykien.units.UnitImportResult;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/** Loads the demo into an empty database, through the same importers an operator uses. */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "ykien.cli", havingValue = "false", matchIfMissing = true)
class DemoLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
  private static final String SLUG = "hien-phap-2025";

  private final DemoProperties demo;
  private final Path sharedData;
  private final UnitImport unitImport;
  private final Units units;
  private final Registry registry;
  private final SyntheticPopulation population;
  private final ConsultationSetup setup;
  private final Consultations consultations;
  private final OpinionSubmission opinions;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final MessageSource messages;
  private final OfficialAccounts officials;
  private final EligiblePopulation eligiblePopulation;
  private final vn.ykien.opinion.PaperForms paperForms;

  DemoLoader(
      DemoProperties demo,
      @Value("${ykien.data.shared-directory}") String sharedData,
      UnitImport unitImport,
      Units units,
      Registry registry,
      SyntheticPopulation population,
      ConsultationSetup setup,
      Consultations consultations,
      OpinionSubmission opinions,
      Clock clock,
      PlatformTransactionManager transactionManager,
      MessageSource messages,
      OfficialAccounts officials,
      EligiblePopulation eligiblePopulation,
      vn.ykien.opinion.PaperForms paperForms) {
    this.paperForms = paperForms;
    this.demo = demo;
    this.sharedData = Path.of(sharedData);
    this.unitImport = unitImport;
    this.units = units;
    this.registry = registry;
    this.population = population;
    this.setup = setup;
    this.consultations = consultations;
    this.opinions = opinions;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.messages = messages;
    this.officials = officials;
    this.eligiblePopulation = eligiblePopulation;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (consultations.findBySlug(SLUG).isPresent()) {
      log.info("Demo data already present; keeping the stored data as it is");
      return;
    }
    // One transaction: a load interrupted half way leaves nothing behind, and the next start
    // loads the demo again from the beginning.
    transactions.executeWithoutResult(
        status -> {
          try {
            load();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    // The demo consultation opened three days ago: freeze its eligible population now rather
    // than at the scheduler's next round, so the officials' page shows it from the first minute.
    eligiblePopulation.takeDueSnapshots();
  }

  private void load() throws IOException {
    long started = System.nanoTime();
    Unit commune = loadUnits();
    List<Unit> groups = addResidentialGroups(commune);
    Instant opens = clock.instant().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    LocalDate openingDay = LocalDate.ofInstant(opens, Consultation.ZONE);
    List<CitizenId> generated =
        population.generate(
            groups.stream()
                .map(g -> new SyntheticPopulation.GeneratedUnit(g.id(), g.fullName(Locale.of("vi"))))
                .toList(),
            demo.population(),
            demo.seed(),
            openingDay,
            "036",
            "Số %d, %s, " + commune.fullName(Locale.of("vi")));
    addPersonas(groups, openingDay);
    addOfficials();
    long consultation = createConsultation(opens);
    int prior = takePartAlready(consultation, generated);
    log.info(
        "Demo loaded in {} ms: {} residents in {} groups of {}, {} prior participants",
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        generated.size() + demo.personas().size(),
        groups.size(),
        commune.fullName(Locale.of("vi")),
        prior);
  }

  private Unit loadUnits() throws IOException {
    Path current = sharedData.resolve("units/vn-units-2026-07.json");
    Localized currentName =
        new Localized("Đơn vị hành chính từ 01/7/2025", "Administrative units since 1 July 2025");
    if (Files.isRegularFile(current)) {
      report(unitImport.importFile(current, demo.communeEdition(), currentName));
      Path preReform = sharedData.resolve("units/vn-units-2025-03-pre-reform.json");
      if (Files.isRegularFile(preReform)) {
        report(
            unitImport.importFile(
                preReform,
                "2025-03",
                new Localized(
                    "Đơn vị hành chính trước 01/7/2025 (ba cấp)",
                    "Administrative units before 1 July 2025 (three levels)")));
      }
    } else {
      Object[] where = {current.toAbsolutePath().normalize()};
      log.warn(messages.getMessage("demo.importHint", where, Locale.of("vi")));
      log.warn(messages.getMessage("demo.importHint", where, Locale.ENGLISH));
      report(unitImport.importUnits(demo.communeEdition(), currentName, "built-in", builtInUnits()));
    }
    return units.findByCode(demo.communeEdition(), demo.communeCode()).orElseThrow();
  }

  private void report(UnitImportResult result) {
    switch (result) {
      case UnitImportResult.Imported(String edition, int count) ->
          log.info("Imported {} administrative units into edition {}", count, edition);
      case UnitImportResult.Rejected(String key, String detail) ->
          throw new IllegalStateException("Demo units could not be imported: " + key + " " + detail);
    }
  }

  private List<NewUnit> builtInUnits() throws IOException {
    List<NewUnit> list = new ArrayList<>();
    list.add(
        new NewUnit(
            "VN", null, UnitKind.NATION, new Localized("Quốc gia", "Nation"), new Localized("Việt Nam", "Viet Nam")));
    try (InputStream in = new ClassPathResource("demo/provinces-34.csv").getInputStream();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(";");
        list.add(
            new NewUnit(f[0], "VN", UnitKind.PROVINCE, new Localized(f[3], f[4]), new Localized(f[1], f[2])));
      }
    }
    Localized commune = new Localized("Xã", "Commune");
    list.add(new NewUnit(demo.communeCode(), "37", UnitKind.COMMUNE, commune, new Localized("Giao Thuỷ", "Giao Thuy")));
    list.add(new NewUnit("14161", "37", UnitKind.COMMUNE, commune, new Localized("Giao Minh", "Giao Minh")));
    return list;
  }

  private List<Unit> addResidentialGroups(Unit commune) {
    List<NewUnit> groups = new ArrayList<>();
    for (int i = 1; i <= demo.residentialGroups(); i++) {
      groups.add(
          new NewUnit(
              groupCode(i),
              commune.code(),
              UnitKind.VILLAGE,
              new Localized("Tổ dân phố", "Residential group"),
              new Localized(String.valueOf(i), String.valueOf(i))));
    }
    unitImport.importUnits(
        demo.communeEdition(),
        new Localized("Đơn vị hành chính từ 01/7/2025", "Administrative units since 1 July 2025"),
        "demo residential groups",
        groups);
    return units.children(commune.id());
  }

  private String groupCode(int group) {
    return "%s-%02d".formatted(demo.communeCode(), group);
  }

  /** One account for each role, through the same use case as {@code ykien officials add}. */
  private void addOfficials() {
    for (DemoProperties.DemoOfficial official : demo.officials()) {
      AccountCreation created =
          officials.createAtConsole(
              new NewOfficial(
                  official.username(),
                  official.name(),
                  official.role(),
                  demo.communeEdition(),
                  official.unit(),
                  demo.officialPassword(),
                  null,
                  false));
      if (created instanceof AccountCreation.Refused refused) {
        throw new IllegalStateException(
            "Demo official " + official.username() + " refused: " + refused.messageKey());
      }
    }
  }

  private void addPersonas(List<Unit> groups, LocalDate openingDay) {
    for (DemoProperties.Persona persona : demo.personas()) {
      String unitCode =
          persona.otherCommuneCode() != null
              ? persona.otherCommuneCode()
              : groupCode(persona.group() == null ? 1 : persona.group());
      Unit unit = units.findByCode(demo.communeEdition(), unitCode).orElseThrow();
      EidAccount account =
          switch (persona.eid()) {
            case NONE -> EidAccount.none();
            case REGISTERED -> EidAccount.registered();
            case LEVEL_1 -> EidAccount.activated(1);
            case LEVEL_2 -> EidAccount.activated(2);
          };
      registry.addHousehold(
          unit.id(),
          "Số 1, " + unit.fullName(Locale.of("vi")),
          List.of(
              new NewResident(
                  CitizenId.of(persona.citizenId()),
                  persona.fullName(),
                  openingDay.minusYears(persona.ageAtOpening()).minusDays(100),
                  Sex.valueOf(persona.sex()),
                  account)));
    }
    log.debug("Personas added to {} groups", groups.size());
  }

  private long createConsultation(Instant opens) throws IOException {
    JsonNode draft;
    try (InputStream in = new ClassPathResource("demo/draft-2025.json").getInputStream()) {
      draft = JsonMapper.builder().build().readTree(in);
    }
    List<NewConsultation.NewItem> items = new ArrayList<>();
    for (JsonNode item : draft.get("items")) {
      items.add(
          new NewConsultation.NewItem(
              item.get("code").asString(),
              item.has("article") ? item.get("article").asInt() : null,
              localized(item.get("label")),
              localized(item.get("title")),
              localized(item.get("summary"))));
    }
    long id =
        setup.create(
            new NewConsultation(
                draft.get("slug").asString(),
                localized(draft.get("title")),
                localized(draft.get("description")),
                new Window(opens, opens.plus(24, ChronoUnit.DAYS)),
                null,
                draft.get("minimumAge").asInt(),
                items));
    Path constitution = sharedData.resolve("constitution");
    Path current = constitution.resolve("amended-articles-2013-wording.txt");
    if (Files.isRegularFile(current)) {
      log.info("2013 wording: {}", setup.importWording(id, current, Wording.CURRENT));
    }
    Path proposed = constitution.resolve("draft-2025-excerpt.txt");
    if (Files.isRegularFile(proposed)) {
      log.info("Proposed wording: {}", setup.importWording(id, proposed, Wording.PROPOSED));
    }
    return id;
  }

  /** Some generated residents took part before the demo starts, so the reports show something. */
  private int takePartAlready(long consultationId, List<CitizenId> residents) {
    long commune = units.findByCode(demo.communeEdition(), demo.communeCode()).orElseThrow().id();
    List<DraftItem> items = consultations.items(consultationId);
    var random = new SplittableRandom(demo.seed());
    // Comments draw from their own sequence: the participation drawn above stays as it was.
    var commentRandom = new SplittableRandom(demo.seed() + 1);
    List<String[]> comments = demoComments();
    String campaign =
        comments.stream().filter(c -> c[0].equals("*")).findFirst().map(c -> c[1]).orElse(null);
    int accepted = 0;
    String firstOfficer = demo.officials().getFirst().username();
    // The paper channel needs a second officer of the commune; without one, the demo has none.
    String secondOfficer =
        demo.officials().stream()
            .filter(o -> o.unit().equals(demo.communeCode()) && !o.username().equals(firstOfficer))
            .map(DemoProperties.DemoOfficial::username)
            .findFirst()
            .orElse(null);
    for (CitizenId citizen : residents) {
      if (random.nextDouble() >= demo.priorParticipation()) {
        continue;
      }
      double channelRoll = random.nextDouble();
      // Helped at the group's cultural house, or a paper form collected there, by the commune's officer.
      String place = "Nhà văn hoá " + (accepted % demo.residentialGroups() + 1);
      Assistance assistance =
          channelRoll < 0.8
              ? Assistance.SELF
              : channelRoll < 0.97 || secondOfficer == null
                  ? new Assistance.Helped(demo.officials().getFirst().username(), place)
                  : new Assistance.OnPaper(
                      demo.officials().getFirst().username(), place, "DEMO-" + citizen.value(), commune);
      // A quarter write a comment, on one item or on the whole draft; some copy one text.
      String[] comment =
          !comments.isEmpty() && commentRandom.nextDouble() < 0.25
              ? comments.get(commentRandom.nextInt(comments.size()))
              : null;
      if (comment != null && campaign != null && commentRandom.nextDouble() < 0.3) {
        comment = new String[] {"*", campaign};
      }
      String[] written = comment;
      List<Answer> answers =
          items.stream()
              .map(
                  item ->
                      new Answer(
                          item.id(),
                          random.nextDouble() < 0.97 ? Stance.APPROVE : Stance.DISAPPROVE,
                          written != null && written[0].equals(item.code()) ? written[1] : null))
              .toList();
      String general = written != null && written[0].equals("*") ? written[1] : null;
      if (assistance instanceof Assistance.OnPaper typed) {
        // Four eyes: the commune's second officer types the same form again, and it counts.
        paperForms.enter(new SubmitOpinion(consultationId, citizen, 0, typed, answers, general, null));
        var again =
            new Assistance.OnPaper(secondOfficer, typed.place(), typed.reference(), typed.unitId());
        if (paperForms.enter(new SubmitOpinion(consultationId, citizen, 0, again, answers, general, null))
            instanceof vn.ykien.opinion.PaperEntry.Confirmed) {
          accepted++;
        }
        continue;
      }
      var result =
          opinions.submit(
              new SubmitOpinion(consultationId, citizen, 2, assistance, answers, general, null));
      if (result instanceof vn.ykien.opinion.SubmissionResult.Accepted) {
        accepted++;
      }
    }
    return accepted;
  }

  /** The demo's sample comments: [item code or "*", text]. */
  private static List<String[]> demoComments() {
    try (var in = DemoLoader.class.getResourceAsStream("/demo/comments.tsv")) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#") && line.indexOf('\t') > 0)
          .map(line -> line.split("\t", 2))
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Localized localized(JsonNode node) {
    return new Localized(node.get("vi").asString(), node.get("en").asString());
  }
}
