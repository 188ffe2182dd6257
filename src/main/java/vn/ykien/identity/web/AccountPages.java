package vn.ykien.identity.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ykien.identity.AccountCreation;
import vn.ykien.identity.NewOfficial;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.OfficialAccount;
import vn.ykien.identity.OfficialAccounts;
import vn.ykien.identity.OfficialRole;
import vn.ykien.identity.OfficialViewedPeople;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.shared.QrCodes;
import vn.ykien.units.Unit;

/**
 * The accounts of a unit's officials and of the units below it, and a form to add one. Only roles
 * no stronger than one's own can be given, and only within one's own subtree.
 */
@Controller
class AccountPages {

  static final String AUDITED_LIST = "official-accounts";

  private final OfficialAccess access;
  private final OfficialAccounts accounts;
  private final ApplicationEventPublisher events;

  AccountPages(
      OfficialAccess access, OfficialAccounts accounts, ApplicationEventPublisher events) {
    this.access = access;
    this.accounts = accounts;
    this.events = events;
  }

  @GetMapping("/officials/units/{edition}/{code}/accounts")
  String list(
      @PathVariable String edition,
      @PathVariable String code,
      @Nullable SignedInOfficial official,
      Model model) {
    var at = access.requireUnit(official, Permission.MANAGE_OFFICIALS, edition, code);
    show(at.official(), at.unit(), model);
    return "identity/accounts";
  }

  @PostMapping("/officials/units/{edition}/{code}/accounts")
  String create(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String unitCode,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String citizenId,
      @RequestParam(defaultValue = "") String withTotp,
      @Nullable SignedInOfficial official,
      Model model) {
    var at = access.requireUnit(official, Permission.MANAGE_OFFICIALS, edition, code);
    SignedInOfficial who = at.official();
    Unit unit = at.unit();
    @Nullable OfficialRole chosen =
        java.util.Arrays.stream(OfficialRole.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
    AccountCreation outcome;
    if (chosen == null) {
      outcome = new AccountCreation.NotAllowed();
    } else {
      outcome =
          accounts.create(
              who,
              new NewOfficial(
                  username,
                  displayName,
                  chosen,
                  unit.edition(),
                  unitCode.isBlank() ? unit.code() : unitCode.strip(),
                  password,
                  citizenId,
                  "true".equals(withTotp)));
    }
    switch (outcome) {
      case AccountCreation.Created created -> {
        model.addAttribute("created", created);
        if (created.totpUri() != null) {
          model.addAttribute("totpQr", QrCodes.svg(created.totpUri()));
        }
      }
      case AccountCreation.Refused refused -> {
        model.addAttribute("errorKey", refused.messageKey());
        model.addAttribute("form", new Form(username, displayName, chosen, unitCode));
      }
    }
    show(who, unit, model);
    return "identity/accounts";
  }

  /** What was typed, shown again after a refusal (never the password). */
  record Form(String username, String displayName, @Nullable OfficialRole role, String unitCode) {}

  private void show(SignedInOfficial who, Unit unit, Model model) {
    List<OfficialAccount> list = accounts.within(unit);
    events.publishEvent(
        new OfficialViewedPeople(
            who.username(), unit.edition(), unit.code(), unit.path(), AUDITED_LIST, unit.code(), list.size()));
    model.addAttribute("unit", unit);
    model.addAttribute("accounts", list);
    var top = access.scopeOf(who).kind();
    model.addAttribute(
        "grantable",
        java.util.Arrays.stream(OfficialRole.values())
            .filter(role -> who.role().mayGrant(role) && role.fitsBelow(top))
            .toList());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new Form("", "", null, ""));
    }
  }
}
