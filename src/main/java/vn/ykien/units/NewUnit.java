package vn.ykien.units;

import org.jspecify.annotations.Nullable;
import vn.ykien.shared.Localized;

/** A unit to be imported: its parent is named by code within the same edition. */
public record NewUnit(
    String code,
    @Nullable String parentCode,
    UnitKind kind,
    Localized category,
    Localized name) {}
