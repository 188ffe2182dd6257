package vn.ykien.opinion.web;

import java.util.ArrayList;
import java.util.HashMap;
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

  /** 10,000 codes of about 100 characters each, with room to spare. */
  static final long MAX_FILE_BYTES = 2_000_000;

  /** The result of one line, for the table. */
  record Line(int number, String token, String status, String messageKey) {}

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
      @RequestParam(required = false) org.springframework.web.multipart.@Nullable MultipartFile file,
      @Nullable SignedInOfficial official,
      Model model)
      throws java.io.IOException {
    model.addAttribute("unit", access.requireUnit(official, Permission.VIEW_PARTICIPATION, edition, code).unit());
    // Pasted codes, an uploaded file of them (one per line, e.g. a column exported from a
    // spreadsheet as text or CSV), or both.
    String uploaded = "";
    if (file != null && !file.isEmpty()) {
      // Read no more than the limit allows, whatever size the upload declared.
      byte[] read;
      try (var in = file.getInputStream()) {
        read = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
      if (read.length > MAX_FILE_BYTES) {
        model.addAttribute("errorKey", "receipt.list.tooMany");
        return "opinion/receipt-list";
      }
      uploaded = new String(read, java.nio.charset.StandardCharsets.UTF_8);
    }
    List<String> given =
        (tokens + "\n" + uploaded).lines().map(line -> line.strip().replaceAll("^\"|\"?,*$", "")).filter(line -> !line.isEmpty()).toList();
    if (given.isEmpty() || given.size() > MAX_LINES) {
      model.addAttribute("errorKey", given.isEmpty() ? "receipt.list.empty" : "receipt.list.tooMany");
      model.addAttribute("tokens", tokens.length() > 2_000_000 ? "" : tokens);
      return "opinion/receipt-list";
    }
    List<Line> lines = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < given.size(); i++) {
      ReceiptCheck check = submission.verify(given.get(i));
      String status = check.getClass().getSimpleName(); // Valid, Revoked or Invalid
      counts.merge(status, 1, Integer::sum);
      String shown = given.get(i).length() > 60 ? given.get(i).substring(0, 60) + "…" : given.get(i);
      lines.add(new Line(i + 1, shown, status, check.messageKey()));
    }
    model.addAttribute("lines", lines);
    model.addAttribute("valid", counts.getOrDefault("Valid", 0));
    model.addAttribute("revoked", counts.getOrDefault("Revoked", 0));
    model.addAttribute("invalid", counts.getOrDefault("Invalid", 0));
    return "opinion/receipt-list";
  }
}
