package vn.ykien.registry.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ykien.registry.EidAccount;
import vn.ykien.registry.EidState;
import vn.ykien.registry.Membership;
import vn.ykien.registry.NewResident;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Resident;
import vn.ykien.registry.Residents;
import vn.ykien.registry.Sex;
import vn.ykien.shared.CitizenId;

@Repository
public class RegistryStore implements Residents {

  private static final String COLUMNS =
      "citizen_id, full_name, birth_date, sex, household_id, unit_id, eid_state, eid_level";
  private static final String READ_COLUMNS = COLUMNS + ", occupation, memberships";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  RegistryStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public long addHousehold(long unitId, String address, List<NewResident> members) {
    long household =
        jdbc.sql(
                "insert into registry.household (unit_id, address, head_citizen_id)"
                    + " values (?, ?, ?) returning id")
            .params(unitId, address, members.getFirst().citizenId().value())
            .query(Long.class)
            .single();
    template.batchUpdate(
        "insert into registry.resident (" + COLUMNS + ", occupation, memberships)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ';'))",
        members,
        500,
        (ps, member) -> {
          ps.setString(1, member.citizenId().value());
          ps.setString(2, member.fullName());
          ps.setDate(3, Date.valueOf(member.birthDate()));
          ps.setString(4, member.sex().name());
          ps.setLong(5, household);
          ps.setLong(6, unitId);
          ps.setString(7, member.eidAccount().state().name());
          if (member.eidAccount().level() == null) {
            ps.setNull(8, Types.SMALLINT);
          } else {
            ps.setInt(8, member.eidAccount().level());
          }
          ps.setString(9, member.occupation() == null ? null : member.occupation().name());
          ps.setString(10, member.membershipList());
        });
    return household;
  }

  @Override
  public Optional<Resident> find(CitizenId citizenId) {
    return jdbc.sql("select " + READ_COLUMNS + " from registry.resident where citizen_id = ?")
        .param(citizenId.value())
        .query(RegistryStore::map)
        .optional();
  }

  @Override
  public List<Resident> find(Collection<CitizenId> citizenIds) {
    if (citizenIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select " + READ_COLUMNS + " from registry.resident where citizen_id in (:ids) order by citizen_id")
        .param("ids", citizenIds.stream().map(CitizenId::value).toList())
        .query(RegistryStore::map)
        .list();
  }

  @Override
  public Map<Long, Long> countLevel2BornBy(Collection<Long> unitIds, LocalDate bornOnOrBefore) {
    Map<Long, Long> counts = new HashMap<>();
    if (unitIds.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            select unit_id, count(*) from registry.resident
            where unit_id in (:units) and eid_state = 'ACTIVATED' and eid_level = 2
              and birth_date <= :born
            group by unit_id
            """)
        .param("units", unitIds)
        .param("born", bornOnOrBefore)
        .query((ResultSet rs) -> {
          counts.put(rs.getLong(1), rs.getLong(2));
        });
    return counts;
  }

  @Override
  public Map<Long, Long> countLevel2BornByEverywhere(LocalDate bornOnOrBefore) {
    Map<Long, Long> counts = new HashMap<>();
    jdbc.sql(
            """
            select unit_id, count(*) from registry.resident
            where eid_state = 'ACTIVATED' and eid_level = 2 and birth_date <= :born
            group by unit_id
            """)
        .param("born", bornOnOrBefore)
        .query((ResultSet rs) -> {
          counts.put(rs.getLong(1), rs.getLong(2));
        });
    return counts;
  }

  @Override
  public List<CitizenId> sample(int n) {
    long total = Math.max(1, count());
    // Bernoulli sampling reads the table once and picks rows independently: no page clustering.
    double percent = Math.min(100.0, 100.0 * n * 1.2 / total);
    return jdbc.sql(
            "select citizen_id from registry.resident tablesample bernoulli (:percent) limit :n")
        .param("percent", percent)
        .param("n", n)
        .query((rs, row) -> CitizenId.of(rs.getString(1)))
        .list();
  }

  @Override
  public long count() {
    return jdbc.sql("select count(*) from registry.resident").query(Long.class).single();
  }

  private static java.util.Set<Membership> memberships(java.sql.@org.jspecify.annotations.Nullable Array array)
      throws SQLException {
    if (array == null) {
      return java.util.Set.of();
    }
    var set = java.util.EnumSet.noneOf(Membership.class);
    for (Object name : (Object[]) array.getArray()) {
      set.add(Membership.valueOf(name.toString()));
    }
    return set;
  }

  private static Resident map(ResultSet rs, int row) throws SQLException {
    long household = rs.getLong("household_id");
    Long householdId = rs.wasNull() ? null : household;
    int level = rs.getInt("eid_level");
    Integer eidLevel = rs.wasNull() ? null : level;
    String occupation = rs.getString("occupation");
    return new Resident(
        CitizenId.of(rs.getString("citizen_id")),
        rs.getString("full_name"),
        rs.getDate("birth_date").toLocalDate(),
        Sex.valueOf(rs.getString("sex")),
        householdId,
        rs.getLong("unit_id"),
        new EidAccount(EidState.valueOf(rs.getString("eid_state")), eidLevel),
        occupation == null ? null : Occupation.valueOf(occupation),
        memberships(rs.getArray("memberships")));
  }
}
