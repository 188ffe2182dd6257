package vn.ykien.registry;

import org.jspecify.annotations.Nullable;

/** A resident's e-ID account: its state and, once activated, its assurance level (1 or 2). */
public record EidAccount(EidState state, @Nullable Integer level) {

  public EidAccount {
    if ((state == EidState.ACTIVATED) != (level != null)) {
      throw new IllegalArgumentException("only an activated account has a level");
    }
    if (level != null && level != 1 && level != 2) {
      throw new IllegalArgumentException("the assurance level is 1 or 2");
    }
  }

  public static EidAccount none() {
    return new EidAccount(EidState.NONE, null);
  }

  public static EidAccount registered() {
    return new EidAccount(EidState.REGISTERED, null);
  }

  public static EidAccount activated(int level) {
    return new EidAccount(EidState.ACTIVATED, level);
  }

  public boolean isLevel2() {
    return level != null && level == 2;
  }
}
