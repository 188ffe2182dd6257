package vn.ykien.daily.internal;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ykien.daily.Level;

/**
 * Each level's cut-off hour (Vietnam time): the consultation's own where it set one, the
 * configured default otherwise ({@code ykien.daily.cut-off.*}: villages 11, communes 15,
 * provinces and the nation 17).
 */
@Component
public class CutOffs {

  private final JdbcClient jdbc;
  private final Map<Level, Integer> defaults = new EnumMap<>(Level.class);

  CutOffs(
      JdbcClient jdbc,
      @Value("${ykien.daily.cut-off.village:11}") int village,
      @Value("${ykien.daily.cut-off.commune:15}") int commune,
      @Value("${ykien.daily.cut-off.province:17}") int province,
      @Value("${ykien.daily.cut-off.nation:17}") int nation) {
    this.jdbc = jdbc;
    defaults.put(Level.VILLAGE, checked(village, "village"));
    defaults.put(Level.COMMUNE, checked(commune, "commune"));
    defaults.put(Level.PROVINCE, checked(province, "province"));
    defaults.put(Level.NATION, checked(nation, "nation"));
  }

  private static int checked(int hour, String level) {
    if (hour < 0 || hour > 23) {
      throw new IllegalStateException("ykien.daily.cut-off." + level + " must be an hour of the day, 0 to 23: " + hour);
    }
    return hour;
  }

  public int hour(long consultationId, Level level) {
    return jdbc.sql("select at_hour from daily.cut_off where consultation_id = ? and level = ?")
        .params(consultationId, level.name())
        .query(Integer.class)
        .optional()
        .orElse(defaults.get(level));
  }
}
