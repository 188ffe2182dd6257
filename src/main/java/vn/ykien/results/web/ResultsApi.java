package vn.ykien.results.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.opinion.Channel;
import vn.ykien.reporting.ParticipationReport;
import vn.ykien.reporting.UnitParticipation;
import vn.ykien.results.Breakdown;
import vn.ykien.results.Figures;
import vn.ykien.results.UnitResults;
import vn.ykien.shared.ApiProblem;

/**
 * Open results: the same aggregates as the public page, as JSON and as CSV files (one per table,
 * UTF-8 with a byte order mark so that spreadsheets read Vietnamese right). Content figures are
 * the latest release's, hidden ones empty; participation is live. No sign-in.
 */
@RestController
class ResultsApi {

  /** The tables the files hold. */
  enum Table {
    PARTICIPATION,
    ITEMS,
    GROUPS,
    UNITS
  }

  private final Consultations consultations;
  private final ResultsScope scope;
  private final ParticipationReport participation;
  private final MessageSource messages;

  ResultsApi(Consultations consultations, ResultsScope scope, ParticipationReport participation, MessageSource messages) {
    this.consultations = consultations;
    this.scope = scope;
    this.participation = participation;
    this.messages = messages;
  }

  /**
   * A unit's results: participation (live) of the unit and of each unit below it, and per item the
   * latest release's counts and shares of each stance, by group and by unit below.
   */
  @Operation(
      summary = "A unit's results",
      description =
          "Live participation of the unit (unit=CODE, the nation when absent; edition=... for another edition of units) and"
              + " of each unit below it; per item, the latest release's people and count and share of each stance, by group"
              + " (breakdown=age|sex|occupation|channel for one) and by unit below. Stance figures are null where the"
              + " release hides them (fewer than minimumGroup people, or a figure that would give one away). Communes and"
              + " above only.")
  @SecurityRequirements
  @GetMapping(value = "/api/v1/consultations/{consultationId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> results(
      @PathVariable String consultationId,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String edition,
      @RequestParam(required = false) @Nullable String breakdown,
      HttpServletRequest request) {
    Optional<Consultation> consultation = consultation(consultationId);
    if (consultation.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "results.unknownConsultation", request);
    }
    Optional<Breakdown> only = ResultsScope.breakdown(breakdown);
    if (breakdown != null && !breakdown.isBlank() && only.isEmpty()) {
      return problem(HttpStatus.BAD_REQUEST, "results.unknownBreakdown", request);
    }
    return switch (scope.resolve(consultation.get(), edition, unit)) {
      case ResultsScope.Resolved.Refused(HttpStatus status, String key) -> problem(status, key, request);
      case ResultsScope.Resolved.Shown(UnitResults results) ->
          ResponseEntity.ok(
              ResultsJson.of(results, participation.forUnitAndChildren(consultation.get(), results.unit()), only.orElse(null)));
    };
  }

  /** One table of a unit's results as CSV: participation, items, groups or units. */
  @Operation(
      summary = "One table of a unit's results as CSV",
      description =
          "table is participation, items, groups or units; UTF-8 with a byte order mark; hidden figures are empty.")
  @SecurityRequirements
  @GetMapping(value = "/api/v1/consultations/{consultationId}/results/{table}.csv", produces = "text/csv")
  ResponseEntity<?> csv(
      @PathVariable String consultationId,
      @PathVariable String table,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String edition,
      HttpServletRequest request) {
    Optional<Consultation> consultation = consultation(consultationId);
    if (consultation.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "results.unknownConsultation", request);
    }
    Optional<Table> chosen =
        java.util.Arrays.stream(Table.values()).filter(t -> t.name().equalsIgnoreCase(table)).findFirst();
    if (chosen.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "results.unknownTable", request);
    }
    return switch (scope.resolve(consultation.get(), edition, unit)) {
      case ResultsScope.Resolved.Refused(HttpStatus status, String key) -> problem(status, key, request);
      case ResultsScope.Resolved.Shown(UnitResults results) -> {
        byte[] file = file(chosen.get(), results, participation.forUnitAndChildren(consultation.get(), results.unit()));
        String name = results.consultation().slug() + "-" + results.unit().code() + "-" + chosen.get().name().toLowerCase(Locale.ROOT) + ".csv";
        yield ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .body(file);
      }
    };
  }

  static byte[] file(Table table, UnitResults results, List<UnitParticipation> people) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // The byte order mark: spreadsheets then read the file as UTF-8.
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
      switch (table) {
        case PARTICIPATION -> {
          List<String> header = new ArrayList<>(List.of(
              "unit_code", "unit_name_vi", "unit_name_en", "unit_kind", "eligible_at_opening", "eligible_now", "people", "rate_percent"));
          for (Channel channel : Channel.values()) {
            header.add("people_" + channel.name().toLowerCase(Locale.ROOT));
          }
          csv.writeRecord(header);
          for (UnitParticipation row : people) {
            List<String> fields = new ArrayList<>(List.of(
                row.unit().code(), row.unit().fullName(Locale.of("vi")), row.unit().fullName(Locale.ENGLISH), row.unit().kind().name(),
                row.eligibleAtOpening() == null ? "" : row.eligibleAtOpening().toString(),
                Long.toString(row.eligible()), Long.toString(row.participants()), String.format(Locale.ROOT, "%.1f", row.ratePercent())));
            for (Channel channel : Channel.values()) {
              fields.add(row.participantsByChannel().getOrDefault(channel, 0L).toString());
            }
            csv.writeRecord(fields);
          }
        }
        case ITEMS -> {
          csv.writeRecord(header("item_code", "item_label_vi", "item_label_en"));
          for (UnitResults.ItemResults item : results.items()) {
            csv.writeRecord(row(item.total(), item.item().code(), item.item().label().vi(), item.item().label().en()));
          }
        }
        case GROUPS -> {
          csv.writeRecord(header("item_code", "breakdown", "value"));
          for (UnitResults.ItemResults item : results.items()) {
            for (UnitResults.GroupFigures group : item.groups()) {
              csv.writeRecord(row(group.figures(), item.item().code(), group.breakdown().parameter(), group.value()));
            }
          }
        }
        case UNITS -> {
          csv.writeRecord(header("item_code", "unit_code", "unit_name_vi", "unit_name_en"));
          for (UnitResults.ItemResults item : results.items()) {
            for (int i = 0; i < results.children().size(); i++) {
              var child = results.children().get(i);
              csv.writeRecord(row(item.children().get(i), item.item().code(), child.code(), child.fullName(Locale.of("vi")), child.fullName(Locale.ENGLISH)));
            }
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The columns of a content table: its own, then people and each stance (hidden ones empty). */
  private static List<String> header(String... own) {
    List<String> header = new ArrayList<>(List.of(own));
    header.addAll(List.of("people", "approve", "disapprove", "partly", "approve_percent", "disapprove_percent", "partly_percent"));
    return header;
  }

  private static List<String> row(Figures figures, String... own) {
    List<String> row = new ArrayList<>(List.of(own));
    row.add(Long.toString(figures.people()));
    for (var stance : vn.ykien.opinion.Stance.values()) {
      Long count = figures.of(stance);
      row.add(count == null ? "" : count.toString());
    }
    for (var stance : vn.ykien.opinion.Stance.values()) {
      Double percent = figures.percent(stance);
      row.add(percent == null ? "" : String.format(Locale.ROOT, "%.1f", percent));
    }
    return row;
  }

  /** The consultation by its number (or, for people typing addresses, its slug). */
  private Optional<Consultation> consultation(String idOrSlug) {
    if (idOrSlug.matches("\\d{1,18}")) {
      return consultations.find(Long.parseLong(idOrSlug));
    }
    return consultations.findBySlug(idOrSlug);
  }

  private ResponseEntity<?> problem(HttpStatus status, String key, HttpServletRequest request) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiProblem.of(messages, status, key, request));
  }
}
