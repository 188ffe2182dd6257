package vn.ykien.units;

import vn.ykien.shared.Localized;

/** A socio-economic region (vùng kinh tế - xã hội): a group of provinces. */
public record Region(String code, int position, Localized name) {}
