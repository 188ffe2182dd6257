package vn.ykien.reporting.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.opinion.OpinionLogReader;
import vn.ykien.opinion.OpinionLogReaders;
import vn.ykien.opinion.ReaderPositions;
import vn.ykien.units.UnitKind;

/**
 * How far behind the opinion log each reader is (tallies, classification), and the changes each
 * set aside with the reason: for officials who see the whole country's participation. Change ids
 * only: nothing says whose change it was.
 */
@Controller
class ReaderPages {

  /** Pending changes are counted up to this many on a page view. */
  static final long PENDING_CAP = 100_000;

  static final int PARKED_SHOWN = 50;

  private final OfficialAccess access;
  private final OpinionLogReaders readers;
  private final vn.ykien.opinion.ContentMixer mixer;

  ReaderPages(OfficialAccess access, OpinionLogReaders readers, vn.ykien.opinion.ContentMixer mixer) {
    this.access = access;
    this.readers = readers;
    this.mixer = mixer;
  }

  /** One reader on the page. */
  record ReaderRow(String name, long pending, boolean pendingCapped, long parked, List<ReaderPositions.ParkedChange> latestParked) {}

  @GetMapping("/officials/units/{edition}/{code}/readers")
  String readers(
      @PathVariable String edition, @PathVariable String code, @Nullable SignedInOfficial official, Model model) {
    var at = access.requireUnit(official, Permission.VIEW_PARTICIPATION, edition, code);
    if (at.unit().kind() != UnitKind.NATION) {
      // The readers serve the whole country: their state is shown at the nation only.
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    List<ReaderRow> rows = new ArrayList<>();
    for (OpinionLogReaders.Lag lag : readers.lag(PENDING_CAP)) {
      OpinionLogReader reader = readers.readers().stream()
          .filter(r -> r.name().equals(lag.reader()))
          .findFirst()
          .orElseThrow();
      rows.add(new ReaderRow(lag.reader(), lag.pending(), lag.pending() >= PENDING_CAP, lag.parked(),
          lag.parked() == 0 ? List.of() : reader.parkedChanges(PARKED_SHOWN)));
    }
    // The mixer, which writes content apart before the content readers see it (ADR 0004).
    var backlog = mixer.backlog();
    rows.add(new ReaderRow("opinion.mixer", backlog.waiting(), false, backlog.parked(), List.of()));
    model.addAttribute("unit", at.unit());
    model.addAttribute("readers", rows);
    return "officials/readers";
  }
}
