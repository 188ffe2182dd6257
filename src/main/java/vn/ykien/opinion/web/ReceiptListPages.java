package vn.ykien.opinion.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.ReceiptCheck;

/**
 * Officers check a list of receipts at once (e.g. those collected for a report), one receipt code
 * per line. Receipts name nobody, so the list is not personal data.
 */
@Controller
class ReceiptListPages {

  static final int MAX_LINES = 10_000;

  /** The result of one line, for the table. */
  record Line(int number, String token, String status, String messageKey) {}

  enum Status {
    Valid,
    Revoked,
    Invalid
  }

  private final OfficialAccess access;
  private final OpinionSubmission submission;

  ReceiptListPages(OfficialAccess access, OpinionSubmission submission) {
    this.access = access;
    this.submission = submission;
  }

  @GetMapping("/officials/units/{edition}/{code}/receipts")
  String form(
      @PathVariable String edition, @PathVariable String code, @Nullable SignedInOfficial official, Model model) {
    model.addAttribute("unit", access.requireUnit(official, Permission.VIEW_PARTICIPATION, edition, code).unit());
    return "opinion/receipt-list";
  }

  @PostMapping("/officials/units/{edition}/{code}/receipts")
  String check(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(defaultValue = "") String tokens,
      @Nullable SignedInOfficial official,
      Model model) {
    model.addAttribute("unit", access.requireUnit(official, Permission.VIEW_PARTICIPATION, edition, code).unit());
    List<String> given = tokens.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (given.isEmpty() || given.size() > MAX_LINES) {
      model.addAttribute("errorKey", given.isEmpty() ? "receipt.list.empty" : "receipt.list.tooMany");
      model.addAttribute("tokens", tokens.length() > 2_000_000 ? "" : tokens);
      return "opinion/receipt-list";
    }
    List<Line> lines = new ArrayList<>();
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0);
    }
    for (int i = 0; i < given.size(); i++) {
      ReceiptCheck check = submission.verify(given.get(i));
      Status status =
          switch (check) {
            case ReceiptCheck.Valid valid -> Status.Valid;
            case ReceiptCheck.Revoked revoked -> Status.Revoked;
            case ReceiptCheck.Invalid invalid -> Status.Invalid;
          };
      counts.merge(status, 1, Integer::sum);
      String shown = given.get(i).length() > 60 ? given.get(i).substring(0, 60) + "…" : given.get(i);
      lines.add(new Line(i + 1, shown, status.name(), check.messageKey()));
    }
    model.addAttribute("lines", lines);
    model.addAttribute("valid", counts.get(Status.Valid));
    model.addAttribute("revoked", counts.get(Status.Revoked));
    model.addAttribute("invalid", counts.get(Status.Invalid));
    return "opinion/receipt-list";
  }
}
