package vn.ykien.daily;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.ykien.consultation.Consultation;
import vn.ykien.opinion.Stance;
import vn.ykien.results.ConsultationResults;
import vn.ykien.results.Figures;
import vn.ykien.results.ReleasedThemes;
import vn.ykien.results.ResultsLookup;
import vn.ykien.results.UnitResults;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/**
 * The final summary report of a consultation for a unit, in the Ministry of Justice's outline and
 * the Decree 30 layout: I. how the consultation was organised (its window, channels, the daily
 * reports confirmed up to it, the outreach its officers reported); II. results — participation of
 * the unit and of the units below, by channel and citizen group, from its level's latest signed
 * snapshot; the opinions on each item and the main themes of the comments, from the latest
 * release of results (protected as every published figure is); III. the proposals its officers
 * wrote. Nothing in it is typed: every figure is the platform's, with the snapshot's check code.
 */
@Service
public class FinalReports {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(Consultation.ZONE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Themes per item in the report: the largest first. */
  static final int THEMES_PER_ITEM = 3;

  private final DailyReports reports;
  private final DailySnapshots snapshots;
  private final ConsultationResults results;
  private final Units units;
  private final MessageSource messages;
  private final Clock clock;

  FinalReports(
      DailyReports reports,
      DailySnapshots snapshots,
      ConsultationResults results,
      Units units,
      MessageSource messages,
      Clock clock) {
    this.reports = reports;
    this.snapshots = snapshots;
    this.results = results;
    this.units = units;
    this.messages = messages;
    this.clock = clock;
  }

  /** The final report of a unit, once its level has a snapshot; empty before. */
  public Optional<ReportDocument> document(Consultation consultation, Unit unit, Locale locale, String checkBase) {
    Optional<Level> level = DailyReports.levelOf(unit);
    if (level.isEmpty()) {
      return Optional.empty();
    }
    // The figures as of the latest cut-off passed (the window's last day's at most): its snapshot
    // is taken now if nobody has opened that day's report yet.
    LocalDate today = LocalDate.ofInstant(clock.instant(), Consultation.ZONE);
    LocalDate day = clock.instant().isAfter(snapshots.cutOff(consultation, level.get(), today).plus(DailySnapshots.COMMIT_GRACE)) ? today : today.minusDays(1);
    LocalDate last = LocalDate.ofInstant(consultation.window().closes(), Consultation.ZONE);
    if (day.isAfter(last)) {
      day = last;
    }
    if (!(reports.open(consultation, unit, day) instanceof ReportOpening.Ready ready)) {
      return Optional.empty();
    }
    UnitSnapshot figures = ready.figures();
    Unit parent = unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null);
    boolean village = unit.kind() == UnitKind.VILLAGE;
    String issuer = village ? unit.fullName(locale).toUpperCase(locale) : text(locale, "daily.doc.committee", unit.fullName(locale).toUpperCase(locale));
    String parentBody = parent == null ? "" : text(locale, "daily.doc.parentCommittee", parent.fullName(locale).toUpperCase(locale));

    List<ReportDocument.Section> sections = new ArrayList<>();
    sections.add(organisation(consultation, unit, locale));
    sections.addAll(participation(ready, locale));
    sections.addAll(opinions(consultation, unit, locale));
    sections.add(proposals(consultation, unit, locale));

    List<String> recipients = new ArrayList<>();
    if (parent != null) {
      recipients.add(text(locale, "daily.doc.recipientUp", village ? parent.fullName(locale) : parentBody));
    }
    recipients.add(text(locale, "daily.doc.recipientArchive"));
    return Optional.of(new ReportDocument(
        parentBody,
        issuer,
        text(locale, "daily.doc.nationalTitle"),
        text(locale, "daily.doc.motto"),
        text(locale, village ? "daily.doc.numberVillage" : "daily.doc.number"),
        text(locale, "daily.doc.placeAndDate", unit.name().in(locale), String.format("%02d", today.getDayOfMonth()),
            today.getMonthValue(), today.getYear()),
        text(locale, "daily.doc.type"),
        text(locale, "final.doc.summary", consultation.title().in(locale)),
        List.of(
            text(locale, "final.doc.opening", unit.fullName(locale), consultation.title().in(locale)),
            text(locale, "final.doc.asOf", TIME.format(figures.snapshot().cutOff()), DAY.format(figures.snapshot().day()))),
        "",
        List.of(),
        List.of(),
        sections,
        text(locale, "daily.doc.check", figures.code(), checkBase + "/check/snapshots"),
        checkBase + "/check/snapshots/" + figures.code(),
        village ? "" : text(locale, "daily.doc.signFor"),
        text(locale, village ? "daily.doc.signerVillage" : "daily.doc.signer"),
        text(locale, "daily.doc.recipients"),
        recipients));
  }

  /** I. How the consultation was organised. */
  private ReportDocument.Section organisation(Consultation consultation, Unit unit, Locale locale) {
    ReportingSummary summary = reports.summary(consultation, unit);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(text(locale, "final.doc.window", TIME.format(consultation.window().opens()), TIME.format(consultation.window().closes())));
    paragraphs.add(text(locale, "final.doc.channels"));
    paragraphs.add(text(locale, "final.doc.reports", summary.days(), summary.belowConfirmed(), summary.belowOnTime()));
    paragraphs.add(text(locale, "final.doc.outreach", summary.meetings(), summary.broadcasts(), summary.visits()));
    return new ReportDocument.Section(text(locale, "final.doc.part1"), paragraphs, "", List.of(), List.of());
  }

  /** II.1 Participation: the unit's figures, the units below, the citizen groups. */
  private List<ReportDocument.Section> participation(ReportOpening.Ready ready, Locale locale) {
    UnitSnapshot figures = ready.figures();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(text(locale, "final.doc.people",
        number(figures.people(), locale),
        figures.ratePercent() == null ? "—" : String.format(locale, "%.1f %%", figures.ratePercent()),
        figures.eligibleAtOpening() == null ? "—" : number(figures.eligibleAtOpening(), locale)));
    paragraphs.add(text(locale, "daily.doc.channels",
        number(figures.figures().getOrDefault("channel.SELF", 0L), locale),
        number(figures.figures().getOrDefault("channel.ASSISTED", 0L), locale),
        number(figures.figures().getOrDefault("channel.PAPER", 0L), locale)));
    List<List<String>> below = new ArrayList<>();
    for (UnitSnapshot row : ready.below()) {
      below.add(List.of(
          row.unit().fullName(locale),
          row.eligibleAtOpening() == null ? "—" : number(row.eligibleAtOpening(), locale),
          number(row.people(), locale),
          row.ratePercent() == null ? "—" : String.format(locale, "%.1f %%", row.ratePercent())));
    }
    List<ReportDocument.Section> sections = new ArrayList<>();
    sections.add(new ReportDocument.Section(
        text(locale, "final.doc.part2"), paragraphs, text(locale, "daily.doc.tableTitle"),
        List.of(text(locale, "daily.doc.column.unit"), text(locale, "daily.doc.column.eligible"),
            text(locale, "daily.doc.column.people"), text(locale, "daily.doc.column.rate")),
        below));
    List<List<String>> groups = new ArrayList<>();
    for (Map.Entry<String, Long> figure : figures.figures().entrySet()) {
      String name = figure.getKey();
      if (name.equals(SnapshotFigures.PEOPLE) || name.startsWith("channel.") || figure.getValue() == 0) {
        continue;
      }
      groups.add(List.of(
          text(locale, SnapshotFigures.messageKey(name)),
          number(figure.getValue(), locale),
          figures.people() == 0 ? "—" : String.format(locale, "%.1f %%", 100.0 * figure.getValue() / figures.people())));
    }
    sections.add(new ReportDocument.Section(
        text(locale, "final.doc.groups"), List.of(), text(locale, "final.doc.groupsTable"),
        List.of(text(locale, "final.doc.column.group"), text(locale, "daily.doc.column.people"), text(locale, "final.doc.column.share")),
        groups));
    return sections;
  }

  /** II.2 Opinions on each item and the main themes, as the latest release of results shows them. */
  private List<ReportDocument.Section> opinions(Consultation consultation, Unit unit, Locale locale) {
    if (!(results.of(consultation, unit) instanceof ResultsLookup.Found(UnitResults shown))) {
      return List.of(new ReportDocument.Section(
          text(locale, "final.doc.opinions"), List.of(text(locale, ConsultationResults.showsContent(unit) ? "final.doc.noRelease" : "final.doc.belowCommune")),
          "", List.of(), List.of()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (UnitResults.ItemResults item : shown.items()) {
      Figures total = item.total();
      rows.add(List.of(
          item.item().label().in(locale),
          number(total.people(), locale),
          share(total, Stance.APPROVE, locale),
          share(total, Stance.DISAPPROVE, locale),
          share(total, Stance.PARTLY, locale)));
    }
    List<ReportDocument.Section> sections = new ArrayList<>();
    sections.add(new ReportDocument.Section(
        text(locale, "final.doc.opinions"),
        List.of(text(locale, "final.doc.release", shown.release(), TIME.format(shown.releasedAt()), shown.k())),
        text(locale, "final.doc.opinionsTable"),
        List.of(text(locale, "final.doc.column.item"), text(locale, "final.doc.column.answered"),
            text(locale, "publicResults.stance.APPROVE"), text(locale, "publicResults.stance.DISAPPROVE"),
            text(locale, "publicResults.stance.PARTLY")),
        rows));
    ReleasedThemes themes = results.themes(consultation, unit);
    List<String> paragraphs = new ArrayList<>();
    for (UnitResults.ItemResults item : shown.items()) {
      List<ReleasedThemes.Theme> of = themes.of(item.item().id());
      for (ReleasedThemes.Theme theme : of.subList(0, Math.min(THEMES_PER_ITEM, of.size()))) {
        paragraphs.add(text(locale, "final.doc.theme", item.item().label().in(locale), String.join(", ", theme.terms()),
            number(theme.people(), locale)));
      }
    }
    if (paragraphs.isEmpty()) {
      paragraphs.add(text(locale, "final.doc.noThemes"));
    }
    sections.add(new ReportDocument.Section(text(locale, "final.doc.themes"), paragraphs, "", List.of(), List.of()));
    return sections;
  }

  /** III. What the unit's officers proposed in their daily reports. */
  private ReportDocument.Section proposals(Consultation consultation, Unit unit, Locale locale) {
    List<String> proposals = reports.summary(consultation, unit).proposals();
    List<String> paragraphs = proposals.isEmpty() ? List.of(text(locale, "final.doc.noProposals")) : proposals.stream().map(p -> "- " + p).toList();
    return new ReportDocument.Section(text(locale, "final.doc.part3"), paragraphs, "", List.of(), List.of());
  }

  private String share(Figures figures, Stance stance, Locale locale) {
    @Nullable Double percent = figures.percent(stance);
    return percent == null ? "—" : String.format(locale, "%.1f %%", percent);
  }

  private String text(Locale locale, String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  private static String number(long value, Locale locale) {
    return java.text.NumberFormat.getIntegerInstance(locale).format(value);
  }
}
