package vn.ykien.identity;

import vn.ykien.units.Unit;

/** An official allowed to do something on a unit: what an official page works with. */
public record OfficialAtUnit(SignedInOfficial official, Unit unit) {}
