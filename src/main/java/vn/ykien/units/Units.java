package vn.ykien.units;

import java.util.List;
import java.util.Optional;

/** Reads the administrative hierarchy. */
public interface Units {

  Optional<Unit> find(long id);

  Optional<Unit> findByCode(String edition, String code);

  List<Unit> children(long id);

  /** Every unit of an edition, id by code: how imports resolve the codes in their files. */
  java.util.Map<String, Long> idsByCode(String edition);

  /** The units at the bottom of this unit's subtree (itself if it has none below it). */
  List<Unit> leavesUnder(long id);

  /** Ids of this unit and every unit below it. */
  List<Long> subtree(long id);

  /** The chain from the nation down to this unit, inclusive. */
  List<Unit> lineage(long id);

  /**
   * For each of these units, its id and the ids of the units above it, the unit itself first (by
   * parent links: one index lookup per level, for any number of units at once). Unknown ids are
   * left out.
   */
  java.util.Map<Long, long[]> ancestorIds(java.util.Collection<Long> ids);

  /** Each of these units by id (one query for any number); unknown ids are left out. */
  java.util.Map<Long, Unit> findAll(java.util.Collection<Long> ids);

  /** How many units of each kind an edition holds. */
  java.util.Map<UnitKind, Long> countByKind(String edition);

  /** The provinces of an edition (by id) that belong to a region, with it. */
  java.util.Map<Long, Region> regionsOfProvinces(String edition);

  /** Every region, in their order. */
  List<Region> regions();

  /** The units of commune level in this unit's subtree (itself if it is one), each urban or rural. */
  java.util.Map<Long, Settlement> settlementsUnder(long id);
}
