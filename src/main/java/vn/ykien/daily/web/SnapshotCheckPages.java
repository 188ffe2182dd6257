package vn.ykien.daily.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.daily.DailySnapshots;
import vn.ykien.daily.SnapshotFigures;

/**
 * Anyone holding a printed daily report checks its figures here (its QR code leads here): the
 * figures the platform signed for that unit and day, to compare with the paper. No sign-in; a
 * code reaches nothing but the one unit's participation figures it was printed beside.
 */
@Controller
class SnapshotCheckPages {

  static final DateTimeFormatter CUT_OFF = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(Consultation.ZONE);

  private final DailySnapshots snapshots;
  private final Consultations consultations;

  SnapshotCheckPages(DailySnapshots snapshots, Consultations consultations) {
    this.snapshots = snapshots;
    this.consultations = consultations;
  }

  @GetMapping("/check/snapshots")
  String form(@RequestParam(required = false) @Nullable String code, Model model, HttpServletResponse response) {
    if (code != null && !code.isBlank()) {
      return check(code, model, response);
    }
    return "daily/check";
  }

  @GetMapping("/check/snapshots/{code}")
  String check(@PathVariable String code, Model model, HttpServletResponse response) {
    model.addAttribute("typed", code.strip());
    Optional<DailySnapshots.Checked> checked = snapshots.check(code);
    if (checked.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("outcome", "UNKNOWN");
      return "daily/check";
    }
    DailySnapshots.Checked found = checked.get();
    model.addAttribute("outcome", found.authentic() ? "AUTHENTIC" : "ALTERED");
    model.addAttribute("checked", found.unit());
    model.addAttribute("cutOff", CUT_OFF.format(found.unit().snapshot().cutOff()));
    model.addAttribute("consultation", consultations.find(found.unit().snapshot().consultationId()).orElse(null));
    model.addAttribute("labels", new Labels());
    return "daily/check";
  }

  /** The label of each figure, for the template. */
  static final class Labels {
    public String of(String figure) {
      return SnapshotFigures.messageKey(figure);
    }
  }
}
