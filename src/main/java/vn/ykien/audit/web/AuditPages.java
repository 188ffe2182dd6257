package vn.ykien.audit.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.ykien.audit.AuditTrail;
import vn.ykien.audit.ChainCheck;
import vn.ykien.audit.PublishedHead;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.OfficialAtUnit;
import vn.ykien.identity.OfficialViewedPeople;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.units.Unit;

/** Auditors read who viewed which lists of people in their subtree, and whether the chain holds. */
@Controller
class AuditPages {

  static final int SHOWN = 500;
  /** More than ten years of daily heads. */
  static final int MAX_KEPT_HEADS = 4000;
  static final String AUDITED_LIST = "audit-trail";

  private final OfficialAccess access;
  private final AuditTrail trail;
  private final ApplicationEventPublisher events;

  AuditPages(OfficialAccess access, AuditTrail trail, ApplicationEventPublisher events) {
    this.access = access;
    this.trail = trail;
    this.events = events;
  }

  @GetMapping("/officials/units/{edition}/{code}/audit")
  String trail(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(defaultValue = "false") boolean verify,
      @Nullable SignedInOfficial official,
      Model model) {
    var at = access.requireUnit(official, Permission.VIEW_AUDIT, edition, code);
    // Recomputing the chain reads the whole trail: only when the auditor asks for it.
    return show(at, verify ? trail.verify() : null, model);
  }

  /**
   * Checks the trail against heads the auditor kept outside the database (lines copied from the
   * public page): what still holds when the database and the heads stored in it were rewritten.
   */
  @PostMapping("/officials/units/{edition}/{code}/audit/verify")
  String verifyAgainst(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(defaultValue = "") String heads,
      @Nullable SignedInOfficial official,
      Model model) {
    var at = access.requireUnit(official, Permission.VIEW_AUDIT, edition, code);
    List<PublishedHead> kept = new ArrayList<>();
    String[] lines = heads.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      var head = PublishedHead.parse(lines[i]);
      if (head.isEmpty() || kept.size() >= MAX_KEPT_HEADS) {
        model.addAttribute("headsError", i + 1);
        model.addAttribute("heads", heads);
        return show(at, null, model);
      }
      kept.add(head.get());
    }
    model.addAttribute("keptHeads", kept.size());
    return show(at, trail.verify(kept), model);
  }

  private String show(OfficialAtUnit at, @Nullable ChainCheck check, Model model) {
    Unit unit = at.unit();
    var entries = trail.within(unit, SHOWN);
    // The trail names officials: reading it is itself recorded, before it is shown.
    events.publishEvent(
        new OfficialViewedPeople(
            at.official().username(), unit.edition(), unit.code(), unit.path(), AUDITED_LIST, unit.code(), entries.size()));
    model.addAttribute("unit", unit);
    model.addAttribute("entries", entries);
    model.addAttribute("check", check);
    return "audit/trail";
  }

  /** The signed daily heads, for anyone to copy and keep: the trail's anchor outside the database. */
  @GetMapping("/audit/heads")
  String heads(Model model) {
    model.addAttribute("heads", trail.publishedHeads());
    model.addAttribute("publicKey", trail.headKeyPem());
    return "audit/heads";
  }

  /** The same, one head a line, with the public key: what an auditor pastes back to check. */
  @GetMapping(value = "/audit/heads.txt", produces = "text/plain;charset=UTF-8")
  @ResponseBody
  String headsText() {
    StringBuilder text = new StringBuilder();
    trail.publishedHeads().forEach(head -> text.append(head.line()).append('\n'));
    return text.toString();
  }
}
