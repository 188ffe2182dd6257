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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.ykien.identity.AccountAction;
import vn.ykien.identity.AccountChange;
import vn.ykien.identity.AccountCreation;
import vn.ykien.identity.InvitedOfficial;
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
 * The accounts of a unit's officials and of the units below it, a form to add one, and the
 * changes an official makes to them (deactivate, reactivate, reset). Only roles no stronger than
 * one's own can be given or changed, only within one's own subtree, never one's own account. The
 * creator never chooses a password or sees a second-factor secret: they hand the holder a
 * one-time enrolment link.
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
      @RequestParam(defaultValue = "") String citizenId,
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
      // The creator chooses no password and sees no secret: the holder enrols with the code.
      outcome =
          accounts.create(
              who,
              new InvitedOfficial(
                  username,
                  displayName,
                  chosen,
                  unit.edition(),
                  unitCode.isBlank() ? unit.code() : unitCode.strip(),
                  citizenId.isBlank() ? null : citizenId.strip()));
    }
    switch (outcome) {
      case AccountCreation.Created created -> {
        model.addAttribute("created", created);
        if (created.enrolmentCode() != null) {
          showEnrolment(created.username(), created.enrolmentCode(), model);
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

  /** Deactivate, reactivate, reset the password or the second factor of an account below. */
  @PostMapping("/officials/units/{edition}/{code}/accounts/{username}/{action}")
  String change(
      @PathVariable String edition,
      @PathVariable String code,
      @PathVariable String username,
      @PathVariable String action,
      @Nullable SignedInOfficial official,
      Model model) {
    var at = access.requireUnit(official, Permission.MANAGE_OFFICIALS, edition, code);
    SignedInOfficial who = at.official();
    AccountAction chosen =
        switch (action) {
          case "deactivate" -> AccountAction.DEACTIVATE;
          case "reactivate" -> AccountAction.REACTIVATE;
          case "reset-password" -> AccountAction.RESET_PASSWORD;
          case "reset-second-factor" -> AccountAction.RESET_SECOND_FACTOR;
          default -> throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        };
    AccountChange outcome = accounts.change(who, username, chosen);
    switch (outcome) {
      case AccountChange.Done done -> {
        model.addAttribute("changed", done.username());
        model.addAttribute("changeKey", "accounts.changed." + action);
        if (done.enrolmentCode() != null) {
          showEnrolment(done.username(), done.enrolmentCode(), model);
        }
      }
      case AccountChange.Refused refused -> model.addAttribute("errorKey", refused.messageKey());
    }
    show(who, at.unit(), model);
    return "identity/accounts";
  }

  /** The one-time enrolment link, as text and QR code, to hand to the holder (shown once). */
  private static void showEnrolment(String username, String enrolmentCode, Model model) {
    String link =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/officials/enrol")
            .queryParam("code", enrolmentCode)
            .toUriString();
    model.addAttribute("enrolFor", username);
    model.addAttribute("enrolCode", enrolmentCode);
    model.addAttribute("enrolLink", link);
    model.addAttribute("enrolQr", QrCodes.svg(link));
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
    // Which of them this official may deactivate or reset: never their own, never a stronger role.
    model.addAttribute(
        "manageable",
        list.stream()
            .filter(account -> !account.username().equals(who.username()) && who.role().mayGrant(account.role()))
            .map(OfficialAccount::username)
            .collect(java.util.stream.Collectors.toSet()));
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
