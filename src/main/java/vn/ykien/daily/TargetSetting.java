package vn.ykien.daily;

import java.util.List;

/** What setting or handing down a target came to. */
public sealed interface TargetSetting {

  record Set(List<Target> targets) implements TargetSetting {
    public Set {
      targets = List.copyOf(targets);
    }
  }

  /** Refused (message key of why); nothing stored. */
  record Refused(String messageKey) implements TargetSetting {}
}
