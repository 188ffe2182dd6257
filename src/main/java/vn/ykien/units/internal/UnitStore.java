package vn.ykien.units.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.shared.Localized;
import vn.ykien.units.NewUnit;
import vn.ykien.units.Region;
import vn.ykien.units.Settlement;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitImportResult;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/** The units tables: set-based import through a staging table, and the hierarchy queries. */
@Repository
public class UnitStore implements Units {

  private static final String COLUMNS =
      "id, edition, code, parent_id, kind, category_vi, category_en, name_vi, name_en, depth, path";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Clock clock;

  UnitStore(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.clock = clock;
  }

  @Transactional
  public UnitImportResult importUnits(
      String edition, Localized editionName, String source, List<NewUnit> units) {
    Map<String, Integer> depths = depths(edition, units);
    jdbc.sql(
            """
            insert into units.edition (code, name_vi, name_en, source, imported_at)
            values (:code, :vi, :en, :source, :at)
            on conflict (code) do update set source = excluded.source, imported_at = excluded.imported_at
            """)
        .param("code", edition)
        .param("vi", editionName.vi())
        .param("en", editionName.en())
        .param("source", source)
        .param("at", OffsetDateTime.now(clock))
        .update();
    template.execute(
        """
        create temporary table if not exists unit_staging (
          code text primary key, parent_code text, kind text, category_vi text, category_en text,
          name_vi text, name_en text, depth int) on commit drop
        """);
    // Several imports may run in one transaction (the demo does): start from an empty table.
    template.execute("truncate unit_staging");
    template.batchUpdate(
        "insert into unit_staging values (?, ?, ?, ?, ?, ?, ?, ?)",
        units,
        1000,
        (ps, unit) -> {
          ps.setString(1, unit.code());
          ps.setString(2, unit.parentCode());
          ps.setString(3, unit.kind().name());
          ps.setString(4, unit.category().vi());
          ps.setString(5, unit.category().en());
          ps.setString(6, unit.name().vi());
          ps.setString(7, unit.name().en());
          ps.setInt(8, depths.get(unit.code()));
        });
    int maxDepth = depths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (int depth = 0; depth <= maxDepth; depth++) {
      jdbc.sql(
              """
              insert into units.unit
                (edition, code, parent_id, kind, category_vi, category_en, name_vi, name_en, depth, path)
              select :edition, s.code, p.id, s.kind, s.category_vi, s.category_en, s.name_vi, s.name_en,
                     coalesce(p.depth + 1, 0), ''
              from unit_staging s
              left join units.unit p on p.edition = :edition and p.code = s.parent_code
              where s.depth = :depth
              on conflict (edition, code) do update set
                parent_id = excluded.parent_id, kind = excluded.kind,
                category_vi = excluded.category_vi, category_en = excluded.category_en,
                name_vi = excluded.name_vi, name_en = excluded.name_en, depth = excluded.depth
              """)
          .param("edition", edition)
          .param("depth", depth)
          .update();
      jdbc.sql(
              """
              update units.unit u
              set path = coalesce(p.path, '/') || u.id || '/'
              from unit_staging s
              left join units.unit p on p.edition = :edition and p.code = s.parent_code
              where u.edition = :edition and u.code = s.code and s.depth = :depth
              """)
          .param("edition", edition)
          .param("depth", depth)
          .update();
    }
    return new UnitImportResult.Imported(edition, units.size());
  }

  /**
   * Depth of each new unit, resolving parents among the new units or already stored ones; fails on
   * an unknown parent or a cycle, before anything is written.
   */
  private Map<String, Integer> depths(String edition, List<NewUnit> units) {
    Map<String, @Nullable String> parents = new HashMap<>();
    for (NewUnit unit : units) {
      if (parents.containsKey(unit.code())) {
        throw new IllegalArgumentException("duplicate unit code " + unit.code());
      }
      parents.put(unit.code(), unit.parentCode());
    }
    Map<String, Integer> depths = new HashMap<>();
    for (NewUnit unit : units) {
      depths.put(unit.code(), depthOf(edition, unit.code(), parents, depths, 0));
    }
    return depths;
  }

  private int depthOf(
      String edition,
      String code,
      Map<String, @Nullable String> parents,
      Map<String, Integer> known,
      int guard) {
    Integer cached = known.get(code);
    if (cached != null) {
      return cached;
    }
    if (guard > 32) {
      throw new IllegalArgumentException("cycle in the unit hierarchy at " + code);
    }
    String parent = parents.get(code);
    if (parent == null) {
      return 0;
    }
    if (parents.containsKey(parent)) {
      return depthOf(edition, parent, parents, known, guard + 1) + 1;
    }
    return findByCode(edition, parent)
        .map(stored -> stored.depth() + 1)
        .orElseThrow(() -> new IllegalArgumentException("unknown parent unit " + parent));
  }

  @Override
  public Optional<Unit> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from units.unit where id = ?")
        .param(id)
        .query(UnitStore::map)
        .optional();
  }

  @Override
  public Map<Long, Unit> findAll(java.util.Collection<Long> ids) {
    Map<Long, Unit> found = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql("select " + COLUMNS + " from units.unit where id = any(?::bigint[])")
          .param(ids.toArray(Long[]::new))
          .query(UnitStore::map)
          .list()
          .forEach(unit -> found.put(unit.id(), unit));
    }
    return found;
  }

  @Override
  public Optional<Unit> findByCode(String edition, String code) {
    return jdbc.sql("select " + COLUMNS + " from units.unit where edition = ? and code = ?")
        .params(edition, code)
        .query(UnitStore::map)
        .optional();
  }

  @Override
  public List<Unit> children(long id) {
    return jdbc.sql("select " + COLUMNS + " from units.unit where parent_id = ? order by code")
        .param(id)
        .query(UnitStore::map)
        .list();
  }

  @Override
  public Map<String, Long> idsByCode(String edition) {
    Map<String, Long> ids = new HashMap<>();
    jdbc.sql("select code, id from units.unit where edition = ?")
        .param(edition)
        .query(
            (ResultSet rs) -> {
              ids.put(rs.getString(1), rs.getLong(2));
            });
    return ids;
  }

  @Override
  public List<Unit> leavesUnder(long id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from units.unit u where u.path like"
                + " (select path from units.unit where id = ?) || '%'"
                + " and not exists (select 1 from units.unit c where c.parent_id = u.id)"
                + " order by u.code")
        .param(id)
        .query(UnitStore::map)
        .list();
  }

  @Override
  public Map<Long, Region> regionsOfProvinces(String edition) {
    Map<Long, Region> regions = new java.util.LinkedHashMap<>();
    jdbc.sql(
            """
            select u.id, r.code, r.position, r.name_vi, r.name_en
            from units.unit u
            join units.province_region p on p.edition = u.edition and p.province_code = u.code
            join units.region r on r.code = p.region_code
            where u.edition = ? and u.kind = 'PROVINCE'
            order by r.position, u.code
            """)
        .param(edition)
        .query(
            (ResultSet rs) -> {
              regions.put(rs.getLong(1), new Region(rs.getString(2), rs.getInt(3),
                  new Localized(rs.getString(4), rs.getString(5))));
            });
    return regions;
  }

  @Override
  public List<Region> regions() {
    return jdbc.sql("select code, position, name_vi, name_en from units.region order by position")
        .query((rs, n) -> new Region(rs.getString(1), rs.getInt(2),
            new Localized(rs.getString(3), rs.getString(4))))
        .list();
  }

  @Override
  public Map<Long, Settlement> settlementsUnder(long id) {
    Map<Long, Settlement> communes = new HashMap<>();
    jdbc.sql(
            "select id, category_vi from units.unit where kind = 'COMMUNE' and path like"
                + " (select path from units.unit where id = ?) || '%'")
        .param(id)
        .query(
            (ResultSet rs) -> {
              communes.put(rs.getLong(1), Settlement.ofCategory(rs.getString(2)));
            });
    return communes;
  }

  @Override
  public List<Long> subtree(long id) {
    return jdbc.sql(
            "select id from units.unit where path like"
                + " (select path from units.unit where id = ?) || '%'")
        .param(id)
        .query(Long.class)
        .list();
  }

  @Override
  public List<Unit> lineage(long id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from units.unit where (select path from units.unit where id = ?)"
                + " like path || '%' order by depth")
        .param(id)
        .query(UnitStore::map)
        .list();
  }

  @Override
  public Map<Long, long[]> ancestorIds(java.util.Collection<Long> ids) {
    Map<Long, long[]> lineages = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return lineages;
    }
    jdbc.sql(
            """
            with recursive up (start, id, parent_id, step) as (
              select u.id, u.id, u.parent_id, 0 from units.unit u where u.id = any(?::bigint[])
              union all
              select up.start, p.id, p.parent_id, up.step + 1 from up join units.unit p on p.id = up.parent_id)
            select start, array_agg(id order by step) from up group by start
            """)
        .param(ids.toArray(Long[]::new))
        .query(
            (ResultSet rs) -> {
              Long[] chain = (Long[]) rs.getArray(2).getArray();
              long[] lineage = new long[chain.length];
              for (int i = 0; i < chain.length; i++) {
                lineage[i] = chain[i];
              }
              lineages.put(rs.getLong(1), lineage);
            });
    return lineages;
  }

  @Override
  public Map<UnitKind, Long> countByKind(String edition) {
    Map<UnitKind, Long> counts = new EnumMap<>(UnitKind.class);
    jdbc.sql("select kind, count(*) from units.unit where edition = ? group by kind")
        .param(edition)
        .query(
            (ResultSet rs) -> {
              counts.put(UnitKind.valueOf(rs.getString(1)), rs.getLong(2));
            });
    return counts;
  }

  private static Unit map(ResultSet rs, int row) throws SQLException {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    return new Unit(
        rs.getLong("id"),
        rs.getString("edition"),
        rs.getString("code"),
        parentId,
        UnitKind.valueOf(rs.getString("kind")),
        new Localized(rs.getString("category_vi"), rs.getString("category_en")),
        new Localized(rs.getString("name_vi"), rs.getString("name_en")),
        rs.getInt("depth"),
        rs.getString("path"));
  }
}
