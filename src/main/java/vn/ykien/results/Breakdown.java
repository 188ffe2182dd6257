package vn.ykien.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.ykien.consultation.CitizenGroup.AgeBand;
import vn.ykien.opinion.Channel;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Sex;

/**
 * The citizen groups results are broken down by, one attribute at a time (never crossed): every
 * answer falls in exactly one value of each, so each breakdown adds up to the whole. Occupation
 * has NONE for people the registry gives none.
 */
public enum Breakdown {
  AGE(Arrays.stream(AgeBand.values()).map(Enum::name).toList()),
  SEX(Arrays.stream(Sex.values()).map(Enum::name).toList()),
  OCCUPATION(occupations()),
  CHANNEL(Arrays.stream(Channel.values()).map(Enum::name).toList());

  /** The value of OCCUPATION for people without one. */
  public static final String NONE = "NONE";

  private final List<String> options;

  Breakdown(List<String> values) {
    this.options = values;
  }

  public List<String> options() {
    return options;
  }

  /** The parameter name of this breakdown in addresses and files, e.g. "age". */
  public String parameter() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> occupations() {
    List<String> values = new ArrayList<>(Arrays.stream(Occupation.values()).map(Enum::name).toList());
    values.add(NONE);
    return List.copyOf(values);
  }
}
