package vn.ykien.daily.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.daily.Confirmation;
import vn.ykien.daily.DailyDocuments;
import vn.ykien.daily.DailyReports;
import vn.ykien.daily.OutreachLines;
import vn.ykien.daily.Population;
import vn.ykien.daily.ReportOpening;
import vn.ykien.daily.Split;
import vn.ykien.daily.TargetSetting;
import vn.ykien.daily.Targets;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.OfficialAtUnit;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.units.Unit;

/**
 * A unit's daily report, on a phone: the figures frozen at its level's cut-off (read only, with
 * the day before's beside them), the officer's lines and the confirm button, the versions so far;
 * for a unit with units below, which of them have reported, and a reminder for those who have not.
 * Anyone who may see the unit's participation reads it; only an official of the unit itself
 * confirms it.
 */
@Controller
class DailyReportPages {

  private final OfficialAccess access;
  private final Consultations consultations;
  private final DailyReports reports;
  private final Targets targets;
  private final DailyDocuments documents;
  private final vn.ykien.daily.FinalReports finals;
  private final vn.ykien.daily.DailySnapshots snapshots;
  private final vn.ykien.daily.internal.SnapshotSheets sheets;
  private final vn.ykien.units.Units units;
  private final org.springframework.context.MessageSource messages;
  private final Clock clock;

  DailyReportPages(
      OfficialAccess access, Consultations consultations, DailyReports reports, Targets targets, DailyDocuments documents,
      vn.ykien.daily.FinalReports finals, vn.ykien.daily.DailySnapshots snapshots, vn.ykien.daily.internal.SnapshotSheets sheets, vn.ykien.units.Units units,
      org.springframework.context.MessageSource messages, Clock clock) {
    this.access = access;
    this.consultations = consultations;
    this.reports = reports;
    this.targets = targets;
    this.documents = documents;
    this.finals = finals;
    this.snapshots = snapshots;
    this.sheets = sheets;
    this.units = units;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/officials/units/{edition}/{code}/daily")
  String report(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String day,
      @Nullable SignedInOfficial official,
      Model model,
      HttpServletResponse response) {
    var at = access.requireUnit(official, Permission.VIEW_PARTICIPATION, edition, code);
    Consultation chosen = chosen(consultation);
    LocalDate date = day(day, model, response);
    return page(at, chosen, date, model);
  }

  @PostMapping("/officials/units/{edition}/{code}/daily")
  String confirm(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String day,
      @RequestParam Map<String, String> form,
      @Nullable SignedInOfficial official,
      Model model,
      HttpServletResponse response) {
    var at = access.requireUnit(official, Permission.REPORT_DAILY, edition, code);
    Consultation chosen = chosen(consultation);
    LocalDate date = day(day, model, response);
    if (refused(at, model, response)) {
      return page(at, chosen, date, model);
    }
    OutreachLines lines;
    try {
      lines = new OutreachLines(
          number(form.get("meetings")), number(form.get("broadcasts")), number(form.get("visits")),
          form.getOrDefault("difficulties", ""), form.getOrDefault("proposals", ""));
    } catch (NumberFormatException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("problem", "daily.report.notANumber");
      model.addAttribute("sent", form);
      return page(at, chosen, date, model);
    }
    Confirmation outcome = reports.confirm(chosen, at.unit(), date, lines, form.get("reason"), at.official().username());
    switch (outcome) {
      case Confirmation.Confirmed confirmed ->
          model.addAttribute("done", confirmed.report().late() ? "daily.report.confirmedLate" : "daily.report.confirmed");
      case Confirmation.AlreadyConfirmed already -> model.addAttribute("done", "daily.report.alreadyConfirmed");
      case Confirmation.ReasonRequired required -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problem", "daily.report.reasonRequired");
        model.addAttribute("sent", form);
      }
      case Confirmation.Invalid invalid -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problem", invalid.messageKey());
        model.addAttribute("sent", form);
      }
      case Confirmation.NotFrozenYet notYet -> {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("problem", "daily.report.notFrozenYet");
      }
      case Confirmation.NotReporting none -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problem", "daily.report.notReporting");
      }
    }
    return page(at, chosen, date, model);
  }

  @PostMapping("/officials/units/{edition}/{code}/daily/remind")
  String remind(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String day,
      @RequestParam(defaultValue = "") String unit,
      @Nullable SignedInOfficial official,
      Model model,
      HttpServletResponse response) {
    var at = access.requireUnit(official, Permission.REPORT_DAILY, edition, code);
    Consultation chosen = chosen(consultation);
    LocalDate date = day(day, model, response);
    if (refused(at, model, response)) {
      return page(at, chosen, date, model);
    }
    switch (reports.remind(chosen, at.unit(), unit, date, at.official().username())) {
      case DailyReports.Reminding.Reminded reminded -> {
        model.addAttribute("done", "daily.remind.sent");
        model.addAttribute("doneUnit", reminded.unit().fullName(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
      }
      case DailyReports.Reminding.AlreadyConfirmed already -> model.addAttribute("done", "daily.remind.alreadyConfirmed");
      case DailyReports.Reminding.NotBelow notBelow -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problem", "daily.remind.notBelow");
      }
    }
    return page(at, chosen, date, model);
  }

  /** The report as an administrative document: PDF or DOCX, Decree 30 layout. */
  @GetMapping({"/officials/units/{edition}/{code}/daily.pdf", "/officials/units/{edition}/{code}/daily.docx"})
  org.springframework.http.ResponseEntity<byte[]> document(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String day,
      @Nullable SignedInOfficial official,
      jakarta.servlet.http.HttpServletRequest request,
      Model model,
      HttpServletResponse response) {
    var at = access.requireUnit(official, Permission.VIEW_PARTICIPATION, edition, code);
    Consultation chosen = chosen(consultation);
    LocalDate date = day(day, model, response);
    if (model.containsAttribute("problem")) {
      throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT);
    }
    boolean pdf = request.getRequestURI().endsWith(".pdf");
    String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).toUriString();
    var document = documents.document(chosen, at.unit(), date, org.springframework.context.i18n.LocaleContextHolder.getLocale(), base)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
    return download(document, pdf, "bao-cao-" + at.unit().code() + "-" + date);
  }

  /** A document as the PDF or DOCX file asked for, to save under {@code name}. */
  private org.springframework.http.ResponseEntity<byte[]> download(vn.ykien.daily.ReportDocument document, boolean pdf, String name) {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(pdf
            ? org.springframework.http.MediaType.APPLICATION_PDF
            : org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + (pdf ? ".pdf" : ".docx") + "\"")
        .body(pdf ? documents.pdf(document) : documents.docx(document));
  }

  /**
   * The final summary report of the consultation for the unit (the Ministry of Justice's outline),
   * PDF or DOCX, from its level's latest snapshot and the latest release of results.
   */
  @GetMapping({"/officials/units/{edition}/{code}/final-report.pdf", "/officials/units/{edition}/{code}/final-report.docx"})
  org.springframework.http.ResponseEntity<byte[]> finalReport(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @Nullable SignedInOfficial official,
      jakarta.servlet.http.HttpServletRequest request) {
    var at = access.requireUnit(official, Permission.VIEW_PARTICIPATION, edition, code);
    Consultation chosen = chosen(consultation);
    boolean pdf = request.getRequestURI().endsWith(".pdf");
    String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).toUriString();
    var document = finals.document(chosen, at.unit(), org.springframework.context.i18n.LocaleContextHolder.getLocale(), base)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
    return download(document, pdf, "bao-cao-tong-ket-" + at.unit().code());
  }

  /**
   * A level's snapshot of a day as a spreadsheet (XLSX) or CSV, every unit of it within the
   * official's unit (the nation: every commune and village of the country), streamed.
   */
  @GetMapping({"/officials/units/{edition}/{code}/daily.xlsx", "/officials/units/{edition}/{code}/daily.csv"})
  void spreadsheet(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String day,
      @RequestParam(required = false) @Nullable String level,
      @Nullable SignedInOfficial official,
      jakarta.servlet.http.HttpServletRequest request,
      Model model,
      HttpServletResponse response) throws java.io.IOException {
    var at = access.requireUnit(official, Permission.VIEW_PARTICIPATION, edition, code);
    Consultation chosen = chosen(consultation);
    LocalDate date = day(day, model, response);
    vn.ykien.daily.Level chosenLevel = java.util.Arrays.stream(vn.ykien.daily.Level.values())
        .filter(l -> l.name().equals(level == null ? "COMMUNE" : level.strip())).findFirst().orElse(null);
    if (model.containsAttribute("problem") || chosenLevel == null) {
      throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT);
    }
    var snapshot = snapshots.find(chosen.id(), chosenLevel, date).orElseGet(() -> switch (snapshots.take(chosen, chosenLevel, date)) {
      case vn.ykien.daily.SnapshotTaking.Taken taken -> taken.snapshot();
      case vn.ykien.daily.SnapshotTaking.AlreadyTaken already -> already.snapshot();
      default -> throw new ResponseStatusException(HttpStatus.CONFLICT);
    });
    java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    java.util.List<String> headings = new java.util.ArrayList<>();
    for (String key : java.util.List.of("daily.xlsx.code", "daily.xlsx.unit", "daily.xlsx.level", "daily.check.eligibleAtOpening")) {
      headings.add(messages.getMessage(key, null, locale));
    }
    for (String figure : snapshot.layout()) {
      headings.add(messages.getMessage(vn.ykien.daily.SnapshotFigures.messageKey(figure), null, locale));
    }
    java.util.Set<Long> within = at.unit().parentId() == null ? null : new java.util.HashSet<>(units.subtree(at.unit().id()));
    boolean csv = request.getRequestURI().endsWith(".csv");
    response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"so-lieu-" + at.unit().code() + "-" + chosenLevel.name().toLowerCase(java.util.Locale.ROOT) + "-" + date
            + (csv ? ".csv" : ".xlsx") + "\"");
    java.util.function.Function<Unit, String> kindName =
        unit -> messages.getMessage("daily.level." + unit.kind().name(), null, unit.kind().name(), locale);
    if (csv) {
      sheets.csv(snapshot, within, headings, kindName, response.getOutputStream(), locale);
    } else {
      sheets.xlsx(snapshot, within, headings, kindName, response.getOutputStream(), locale);
    }
  }

  /** Sets a participation target of the official's own unit (the form's measure is participation; nothing else is kept). */
  @PostMapping("/officials/units/{edition}/{code}/daily/targets")
  String setTarget(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String day,
      @RequestParam Map<String, String> form,
      @Nullable SignedInOfficial official,
      Model model,
      HttpServletResponse response) {
    var at = access.requireUnit(official, Permission.REPORT_DAILY, edition, code);
    Consultation chosen = chosen(consultation);
    LocalDate date = day(day, model, response);
    if (refused(at, model, response)) {
      return page(at, chosen, date, model);
    }
    TargetSetting outcome;
    try {
      outcome = targets.set(
          chosen, at.unit(), form.get("population"), form.get("measure"), decimal(form.get("percent")), whole(form.get("people")),
          blank(form.get("deadline")) ? null : LocalDate.parse(form.get("deadline").strip()), at.official().username());
    } catch (NumberFormatException | DateTimeParseException e) {
      outcome = new TargetSetting.Refused("daily.target.badNumber");
    }
    return targetOutcome(outcome, "daily.target.set", at, chosen, date, model, response);
  }

  /** Hands one of the unit's targets down to the units below. */
  @PostMapping("/officials/units/{edition}/{code}/daily/targets/hand-down")
  String handDown(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String day,
      @RequestParam Map<String, String> form,
      @Nullable SignedInOfficial official,
      Model model,
      HttpServletResponse response) {
    var at = access.requireUnit(official, Permission.REPORT_DAILY, edition, code);
    Consultation chosen = chosen(consultation);
    LocalDate date = day(day, model, response);
    if (refused(at, model, response)) {
      return page(at, chosen, date, model);
    }
    TargetSetting outcome;
    try {
      long id = Long.parseLong(form.getOrDefault("target", "").strip());
      boolean ours = targets.of(chosen.id(), at.unit().id()).stream().anyMatch(t -> t.id() == id);
      Map<String, Long> byHand = new java.util.LinkedHashMap<>();
      form.forEach((name, value) -> {
        if (name.startsWith("hand-") && !blank(value)) {
          byHand.put(name.substring(5), Long.parseLong(value.strip()));
        }
      });
      Split split = java.util.Arrays.stream(Split.values()).filter(v -> v.name().equals(form.get("split"))).findFirst().orElse(null);
      outcome = ours ? targets.handDown(chosen, id, split, byHand, at.official().username()) : new TargetSetting.Refused("daily.target.unknown");
    } catch (NumberFormatException e) {
      outcome = new TargetSetting.Refused("daily.target.badNumber");
    }
    return targetOutcome(outcome, "daily.target.handedDown", at, chosen, date, model, response);
  }

  private String targetOutcome(
      TargetSetting outcome, String doneKey, OfficialAtUnit at, Consultation chosen, LocalDate date, Model model, HttpServletResponse response) {
    switch (outcome) {
      case TargetSetting.Set set -> {
        model.addAttribute("done", doneKey);
        model.addAttribute("doneUnit", set.targets().size());
      }
      case TargetSetting.Refused refused -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problem", refused.messageKey());
      }
    }
    return page(at, chosen, date, model);
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static java.math.@Nullable BigDecimal decimal(@Nullable String value) {
    return blank(value) ? null : new java.math.BigDecimal(value.strip().replace(',', '.'));
  }

  private static @Nullable Long whole(@Nullable String value) {
    return blank(value) ? null : Long.valueOf(value.strip());
  }

  private String page(OfficialAtUnit at, Consultation chosen, LocalDate date, Model model) {
    Unit unit = at.unit();
    model.addAttribute("unit", unit);
    model.addAttribute("consultation", chosen);
    model.addAttribute("day", date);
    var opening = reports.open(chosen, unit, date);
    model.addAttribute("opening", opening);
    if (opening instanceof vn.ykien.daily.ReportOpening.Ready ready) {
      snapshots.content(ready.figures().snapshot(), unit.id()).ifPresent(content -> {
        model.addAttribute("content", content);
        model.addAttribute("opinions", content.of(consultations.items(chosen.id())));
      });
    }
    model.addAttribute("completeness", units(unit) ? reports.completeness(chosen, unit, date) : null);
    boolean own = ownUnit(at) && at.official().may(Permission.REPORT_DAILY);
    model.addAttribute("mayConfirm", own);
    model.addAttribute("targets", targets.progress(chosen, unit));
    model.addAttribute("populations", Population.values());
    model.addAttribute("splits", Split.values());
    model.addAttribute("below", units(unit));
    model.addAttribute("labels", new SnapshotCheckPages.Labels());
    model.addAttribute("times", SnapshotCheckPages.CUT_OFF);
    return "daily/report";
  }

  private static boolean units(Unit unit) {
    return unit.kind() != vn.ykien.units.UnitKind.VILLAGE;
  }

  /**
   * Whether an action must not go on: the day asked for was not a day (said already), or the unit
   * is not the official's own (a unit's report and targets are its own officials' to act on).
   */
  private boolean refused(OfficialAtUnit at, Model model, HttpServletResponse response) {
    if (model.containsAttribute("problem")) {
      return true;
    }
    if (!ownUnit(at)) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      model.addAttribute("problem", "daily.ownUnitOnly");
      return true;
    }
    return false;
  }

  private boolean ownUnit(OfficialAtUnit at) {
    return access.scopeOf(at.official()).id() == at.unit().id();
  }

  private Consultation chosen(@Nullable String slug) {
    return consultations.namedOrFirstOpen(slug, clock.instant())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** The day asked for (yyyy-MM-dd), today in Vietnam when none; a malformed one is said so and today shown. */
  private LocalDate day(@Nullable String day, Model model, HttpServletResponse response) {
    LocalDate today = LocalDate.now(clock.withZone(Consultation.ZONE));
    if (day == null || day.isBlank()) {
      return today;
    }
    try {
      return LocalDate.parse(day.strip());
    } catch (DateTimeParseException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("problem", "daily.badDay");
      return today;
    }
  }

  private static int number(@Nullable String value) {
    return value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
  }
}
