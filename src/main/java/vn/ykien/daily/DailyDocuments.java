package vn.ykien.daily;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.ykien.consultation.Consultation;
import vn.ykien.daily.internal.DocxReports;
import vn.ykien.daily.internal.PdfReports;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/**
 * A unit's daily report as an administrative document (Decree 30 layout), as DOCX and PDF: the
 * figures of its snapshot, the officer's lines of its latest confirmed version, the units below,
 * and the check code with its QR code. Every text from the message bundles.
 */
@Service
public class DailyDocuments {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(Consultation.ZONE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final DailyReports reports;
  private final DailySnapshots snapshots;
  private final vn.ykien.consultation.Consultations consultations;
  private final Units units;
  private final MessageSource messages;

  DailyDocuments(
      DailyReports reports, DailySnapshots snapshots, vn.ykien.consultation.Consultations consultations, Units units, MessageSource messages) {
    this.reports = reports;
    this.snapshots = snapshots;
    this.consultations = consultations;
    this.units = units;
    this.messages = messages;
  }

  /** The document of a unit's report of a day, once its figures are frozen. */
  public Optional<ReportDocument> document(Consultation consultation, Unit unit, LocalDate day, Locale locale, String checkBase) {
    if (!(reports.open(consultation, unit, day) instanceof ReportOpening.Ready ready)) {
      return Optional.empty();
    }
    UnitSnapshot figures = ready.figures();
    Unit parent = unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null);
    boolean village = unit.kind() == UnitKind.VILLAGE;
    String issuer = village ? unit.fullName(locale).toUpperCase(locale) : text(locale, "daily.doc.committee", unit.fullName(locale).toUpperCase(locale));
    String parentBody = parent == null ? "" : text(locale, "daily.doc.parentCommittee", parent.fullName(locale).toUpperCase(locale));
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(text(locale, "daily.doc.asOf", TIME.format(figures.snapshot().cutOff())));
    paragraphs.add(text(locale, "daily.doc.headline",
        number(figures.people(), locale),
        figures.ratePercent() == null ? "—" : String.format(locale, "%.1f %%", figures.ratePercent()),
        figures.eligibleAtOpening() == null ? "—" : number(figures.eligibleAtOpening(), locale),
        ready.newPeople() == null ? "—" : number(ready.newPeople(), locale)));
    paragraphs.add(text(locale, "daily.doc.channels",
        number(figures.figures().getOrDefault("channel.SELF", 0L), locale),
        number(figures.figures().getOrDefault("channel.ASSISTED", 0L), locale),
        number(figures.figures().getOrDefault("channel.PAPER", 0L), locale)));
    DailyReport latest = ready.latest();
    if (latest == null) {
      paragraphs.add(text(locale, "daily.doc.notConfirmed"));
    } else {
      paragraphs.add(text(locale, "daily.doc.outreach", latest.lines().meetings(), latest.lines().broadcasts(), latest.lines().visits()));
      if (!latest.lines().difficulties().isEmpty()) {
        paragraphs.add(text(locale, "daily.doc.difficulties", latest.lines().difficulties()));
      }
      if (!latest.lines().proposals().isEmpty()) {
        paragraphs.add(text(locale, "daily.doc.proposals", latest.lines().proposals()));
      }
      paragraphs.add(text(locale, "daily.doc.confirmed", latest.version(), TIME.format(latest.confirmedAt()), latest.confirmedBy()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (UnitSnapshot below : ready.below()) {
      rows.add(List.of(
          below.unit().fullName(locale),
          below.eligibleAtOpening() == null ? "—" : number(below.eligibleAtOpening(), locale),
          number(below.people(), locale),
          below.ratePercent() == null ? "—" : String.format(locale, "%.1f %%", below.ratePercent())));
    }
    List<ReportDocument.Section> sections = new ArrayList<>();
    snapshots.content(figures.snapshot(), unit.id()).ifPresent(content -> sections.add(opinions(consultation, content, locale)));
    String checkUrl = checkBase + "/check/snapshots/" + figures.code();
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
        text(locale, "daily.doc.placeAndDate", unit.name().in(locale), String.format("%02d", day.getDayOfMonth()),
            day.getMonthValue(), day.getYear()),
        text(locale, "daily.doc.type"),
        text(locale, "daily.doc.summary", consultation.title().in(locale), DAY.format(day)),
        paragraphs,
        text(locale, "daily.doc.tableTitle"),
        List.of(text(locale, "daily.doc.column.unit"), text(locale, "daily.doc.column.eligible"),
            text(locale, "daily.doc.column.people"), text(locale, "daily.doc.column.rate")),
        rows,
        sections,
        text(locale, "daily.doc.check", figures.code(), checkBase + "/check/snapshots"),
        checkUrl,
        village ? "" : text(locale, "daily.doc.signFor"),
        text(locale, village ? "daily.doc.signerVillage" : "daily.doc.signer"),
        text(locale, "daily.doc.recipients"),
        recipients));
  }

  /** The opinions per item the snapshot kept (from the release current when it was taken). */
  private ReportDocument.Section opinions(Consultation consultation, SnapshotContent content, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    for (ItemOpinions item : content.of(consultations.items(consultation.id()))) {
      rows.add(List.of(item.item().label().in(locale), number(item.people(), locale),
          percent(item.approve(), locale), percent(item.disapprove(), locale), percent(item.partly(), locale)));
    }
    return new ReportDocument.Section(
        text(locale, "daily.opinions.title", content.release(), TIME.format(content.releasedAt())),
        List.of(text(locale, "daily.opinions.note")),
        text(locale, "final.doc.opinionsTable"),
        List.of(text(locale, "final.doc.column.item"), text(locale, "final.doc.column.answered"),
            text(locale, "publicResults.stance.APPROVE"), text(locale, "publicResults.stance.DISAPPROVE"),
            text(locale, "publicResults.stance.PARTLY")),
        rows);
  }

  private static String percent(@org.jspecify.annotations.Nullable Double value, Locale locale) {
    return value == null ? "—" : String.format(locale, "%.1f %%", value);
  }

  public byte[] pdf(ReportDocument document) {
    return PdfReports.write(document);
  }

  public byte[] docx(ReportDocument document) {
    return DocxReports.write(document);
  }

  private String text(Locale locale, String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  private static String number(long value, Locale locale) {
    return java.text.NumberFormat.getIntegerInstance(locale).format(value);
  }
}
