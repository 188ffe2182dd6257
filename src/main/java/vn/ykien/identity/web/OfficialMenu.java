package vn.ykien.identity.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;

/** The links a signed-in official's role opens, at their own unit; nothing for anyone else. */
@ControllerAdvice
class OfficialMenu {

  /** One link of the menu: the message key of its label and where it goes. */
  public record Link(String key, String href) {}

  @ModelAttribute("officialMenu")
  List<Link> menu(@Nullable SignedInOfficial official) {
    if (official == null) {
      return List.of();
    }
    String unit = "/officials/units/" + official.unitEdition() + "/" + official.unitCode();
    List<Link> links = new ArrayList<>();
    if (official.may(Permission.VIEW_PARTICIPATION)) {
      links.add(new Link("menu.participation", unit));
    }
    if (official.may(Permission.VIEW_PARTICIPATION)) {
      links.add(new Link("menu.receipts", unit + "/receipts"));
    }
    if (official.may(Permission.VIEW_RESULTS)) {
      links.add(new Link("menu.answers", unit + "/results/answers"));
      links.add(new Link("menu.results", unit + "/results"));
    }
    if (official.may(Permission.ASSIST_CITIZENS)) {
      links.add(new Link("menu.support", unit + "/support"));
      links.add(new Link("menu.paper", unit + "/paper"));
    }
    if (official.may(Permission.IMPORT_REGISTRY)) {
      links.add(new Link("menu.registryImport", unit + "/registry/import"));
    }
    if (official.may(Permission.MANAGE_OFFICIALS)) {
      links.add(new Link("menu.accounts", unit + "/accounts"));
    }
    if (official.may(Permission.VIEW_AUDIT)) {
      links.add(new Link("menu.audit", unit + "/audit"));
    }
    return links;
  }
}
