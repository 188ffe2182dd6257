package vn.ykien.audit.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ykien.audit.AuditTrail;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.OfficialViewedPeople;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.units.Unit;

/** Auditors read who viewed which lists of people in their subtree, and whether the chain holds. */
@Controller
class AuditPages {

  static final int SHOWN = 500;
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
    Unit unit = at.unit();
    var entries = trail.within(unit, SHOWN);
    // The trail names officials: reading it is itself recorded, before it is shown.
    events.publishEvent(
        new OfficialViewedPeople(
            at.official().username(), unit.edition(), unit.code(), unit.path(), AUDITED_LIST, unit.code(), entries.size()));
    model.addAttribute("unit", unit);
    model.addAttribute("entries", entries);
    // Recomputing the chain reads the whole trail: only when the auditor asks for it.
    model.addAttribute("check", verify ? trail.verify() : null);
    return "audit/trail";
  }
}
