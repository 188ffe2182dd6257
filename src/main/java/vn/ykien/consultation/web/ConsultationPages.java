package vn.ykien.consultation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;

/** The citizens' pages for reading: open consultations, and a draft item by item. */
@Controller
class ConsultationPages {

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Consultation.ZONE);

  private final Consultations consultations;
  private final Clock clock;

  ConsultationPages(Consultations consultations, Clock clock) {
    this.consultations = consultations;
    this.clock = clock;
  }

  /** A consultation as listed, with its window in Vietnamese local time. */
  record Listed(Consultation consultation, String opens, String closes, String status) {}

  @GetMapping("/")
  String home(Model model) {
    Instant now = clock.instant();
    List<Listed> listed =
        consultations.openOrUpcoming(now).stream()
            .map(
                c ->
                    new Listed(
                        c,
                        DATE.format(c.window().opens()),
                        DATE.format(c.window().closes()),
                        c.window().isOpenAt(now) ? "open" : "upcoming"))
            .toList();
    model.addAttribute("consultations", listed);
    return "consultation/home";
  }

  @GetMapping("/consultations/{slug}")
  String draft(@PathVariable String slug, Model model) {
    Consultation consultation =
        consultations
            .findBySlug(slug)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Instant now = clock.instant();
    model.addAttribute("consultation", consultation);
    model.addAttribute("items", consultations.items(consultation.id()));
    model.addAttribute("open", consultation.window().isOpenAt(now));
    model.addAttribute("opens", DATE.format(consultation.window().opens()));
    model.addAttribute("closes", DATE.format(consultation.window().closes()));
    return "consultation/draft";
  }
}
