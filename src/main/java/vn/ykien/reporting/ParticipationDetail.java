package vn.ykien.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.ykien.opinion.Channel;

/**
 * Participation in one unit (its whole subtree) over time and by citizen group: counts of people
 * only, never what they said. Each person counts once, on the day they first took part and in the
 * group they belonged to when the consultation opened; channels always apart.
 *
 * @param countedAt when these counts were read (they may be kept a short while)
 * @param days one row per day someone first took part, oldest first
 * @param age people per age band, in the bands' order
 * @param sex people per sex
 * @param occupation people per occupation group ({@code NONE} for people the registry gives none)
 * @param memberships people per organisation they belong to (a person in two counts in both), then
 *     {@code NONE} for people in none
 */
public record ParticipationDetail(
    Instant countedAt,
    List<Day> days, List<Group> age, List<Group> sex, List<Group> occupation, List<Group> memberships) {

  /** New participants of one day, and everyone up to and including it. */
  public record Day(LocalDate day, Map<Channel, Long> people, long cumulative) {

    public long total() {
      return people.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * People of one value of a citizen attribute, by channel.
   *
   * @param value the value's name (an enum constant's name, or {@code NONE})
   */
  public record Group(String value, Map<Channel, Long> people) {

    public long total() {
      return people.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Everyone counted here (each person is in exactly one age band). */
  public long people() {
    return age.stream().mapToLong(Group::total).sum();
  }

  /** The value used for people without an occupation group or without any membership. */
  public static final String NONE = "NONE";
}
