package vn.ykien.registry.internal.imports;

import java.io.IOException;
import java.math.BigInteger;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import vn.ykien.registry.ImportOptions;
import vn.ykien.registry.ImportProgress;
import vn.ykien.registry.ImportReport;
import vn.ykien.registry.RowError;
import vn.ykien.registry.internal.CopyStream;

/**
 * The registry import, in the caller's transaction: the file is streamed through PostgreSQL
 * {@code COPY} into a temporary staging table, validated there set-wise in SQL, and applied with
 * two upserts. Only structural problems (column count, encoding, header) are found in Java.
 */
@Component
public class RegistryImporter {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegistryImporter.class);

  /** The documented columns, in the order of the staging table (see docs/registry-import.md). */
  public static final List<String> COLUMNS =
      List.of(
          "citizen_id",
          "full_name",
          "birth_date",
          "sex",
          "household_code",
          "household_address",
          "household_head",
          "unit_code",
          "eid_state",
          "eid_level",
          "occupation",
          "memberships");

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  RegistryImporter(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /** Must run inside a transaction: the staging tables live until it ends. */
  public ImportReport run(
      String fileName,
      Path file,
      java.util.function.UnaryOperator<InputStream> wrap,
      RowSource source,
      ImportOptions options,
      Map<String, Long> unitIds,
      java.util.Set<Long> scope,
      LocalDate today,
      ImportProgress progress)
      throws IOException {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    var clock = new StepClock();
    // The set-wise checks sort and hash the whole file: give them memory instead of disk.
    jdbc.sql("set local work_mem = '256MB'").update();
    boolean firstLoad = firstLoad();
    createStaging();
    copyUnits(connection, unitIds, scope);
    progress.reached(ImportProgress.Stage.READING, 0);
    Staging staging = new Staging(connection, progress);
    try {
      source.read(file, wrap, staging);
    } catch (HeaderRejected rejected) {
      // the header says the file is not in our format: the rows are not read
    } catch (XlsxRows.WorkbookTooLarge tooLarge) {
      staging.cancel();
      progress.reached(ImportProgress.Stage.DONE, 0);
      RowError error = new RowError(0, null, "workbookTooLarge", null);
      return new ImportReport(fileName, 0, false, 0, 0, 0, 0, 1, Map.of(error.reason(), 1L), List.of(error));
    } catch (LineTooLong tooLong) {
      staging.cancel();
      progress.reached(ImportProgress.Stage.DONE, staging.rows);
      RowError error = new RowError(tooLong.line(), null, "lineTooLong", null);
      return new ImportReport(fileName, staging.rows, false, 0, 0, 0, 1, 1, Map.of(error.reason(), 1L), List.of(error));
    } catch (IOException | RuntimeException unreadable) {
      // An open COPY would block the connection: end it before the transaction rolls back.
      staging.cancel();
      throw unreadable instanceof IOException io ? io : new IOException(unreadable.getMessage(), unreadable);
    }
    staging.finish();
    clock.step("read and copy");
    jdbc.sql("analyze registry_staging").update();
    jdbc.sql("analyze import_unit").update();
    clock.step("analyze");
    Structural structural = staging.structural;
    if (staging.rows == 0 && structural.count == 0) {
      structural.add(new RowError(staging.headerLine, null, "emptyFile", null));
    }
    progress.reached(ImportProgress.Stage.VALIDATING, staging.rows);
    validate(today, !scope.isEmpty());
    clock.step("validate");
    long sqlErrors = jdbc.sql("select count(*) from import_error").query(Long.class).single();
    long errorCount = structural.count + sqlErrors;
    long rejectedRows =
        structural.rejectedLines
            + jdbc.sql("select count(distinct line) from import_error").query(Long.class).single();
    Map<String, Long> byReason = new TreeMap<>(structural.byReason);
    jdbc.sql("select reason, count(*) from import_error group by reason")
        .query((java.sql.ResultSet rs) -> {
          byReason.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
    List<RowError> listed = new ArrayList<>(structural.listed);
    listed.addAll(
        jdbc.sql(
                "select line, col, reason, value from import_error order by line, col limit "
                    + ImportReport.LISTED_ERRORS)
            .query(
                (rs, row) ->
                    new RowError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list());
    listed.sort(Comparator.comparingLong(RowError::line));
    if (listed.size() > ImportReport.LISTED_ERRORS) {
      listed = new ArrayList<>(listed.subList(0, ImportReport.LISTED_ERRORS));
    }
    boolean fatal = staging.headerRejected || staging.rows == 0;
    if (fatal || (errorCount > 0 && !options.applyValidRows())) {
      progress.reached(ImportProgress.Stage.DONE, staging.rows);
      return new ImportReport(
          fileName, staging.rows, false, 0, 0, 0, rejectedRows, errorCount, byReason, listed);
    }
    progress.reached(ImportProgress.Stage.APPLYING, staging.rows);
    jdbc.sql("delete from registry_staging where line in (select line from import_error)").update();
    clock.step("report");
    Written written = apply(staging.rows - rejectedRows, firstLoad);
    clock.step("apply");
    long valid = staging.rows - rejectedRows;
    progress.reached(ImportProgress.Stage.DONE, staging.rows);
    return new ImportReport(
        fileName,
        staging.rows,
        true,
        written.inserted(),
        written.updated(),
        valid - written.inserted() - written.updated(),
        rejectedRows,
        errorCount,
        byReason,
        listed,
        written.digest());
  }

  /**
   * What an import wrote: counts, and a digest of every resident row it inserted or changed, as
   * written (the values the statements return). Order-independent and computed in the database
   * without holding the rows: each row's SHA-256 is split into four 64-bit numbers, summed exactly
   * over the rows (so the sums of the update and of the insert add up), and the count and the sums
   * are hashed. The same rows written always give the same digest.
   */
  record Written(long inserted, long updated, @Nullable String digest) {}

  /** Count and lane sums of the rows a statement returned ({@link #DIGESTED}). */
  private record Part(long rows, BigInteger[] lanes) {
    static Part of(java.sql.ResultSet rs) throws java.sql.SQLException {
      BigInteger[] lanes = new BigInteger[4];
      for (int i = 0; i < 4; i++) {
        lanes[i] = new BigInteger(rs.getString(2 + i));
      }
      return new Part(rs.getLong(1), lanes);
    }
  }

  /**
   * Wraps a statement (1) whose written resident rows are returned, their columns qualified by (2)
   * where the statement joins other tables.
   */
  private static final String DIGESTED =
      """
      with written as (%1$s
        returning %2$scitizen_id, %2$sfull_name, %2$sbirth_date, %2$ssex, %2$shousehold_id,
          %2$sunit_id, %2$seid_state, %2$seid_level, %2$soccupation, %2$smemberships),
      hashed as (
        select sha256(convert_to(concat_ws('|', citizen_id, full_name, birth_date, sex,
                 household_id, unit_id, eid_state, eid_level, occupation,
                 array_to_string(memberships, ';')), 'UTF8')) as h
        from written)
      select count(*),
        coalesce(sum(('x' || encode(substring(h from 1 for 8), 'hex'))::bit(64)::bigint::numeric), 0)::text,
        coalesce(sum(('x' || encode(substring(h from 9 for 8), 'hex'))::bit(64)::bigint::numeric), 0)::text,
        coalesce(sum(('x' || encode(substring(h from 17 for 8), 'hex'))::bit(64)::bigint::numeric), 0)::text,
        coalesce(sum(('x' || encode(substring(h from 25 for 8), 'hex'))::bit(64)::bigint::numeric), 0)::text
      from hashed
      """;

  private static String digest(Part... parts) {
    long rows = 0;
    BigInteger[] lanes = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    for (Part part : parts) {
      rows += part.rows();
      for (int i = 0; i < 4; i++) {
        lanes[i] = lanes[i].add(part.lanes()[i]);
      }
    }
    String text = "ykien-registry-written/1|" + rows + "|" + lanes[0] + "|" + lanes[1] + "|" + lanes[2] + "|" + lanes[3];
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Logs how long each step took (debug level), for profiling imports. */
  private static final class StepClock {
    private long last = System.nanoTime();

    void step(String name) {
      long now = System.nanoTime();
      log.debug("registry import: {} took {} ms", name, (now - last) / 1_000_000);
      last = now;
    }
  }

  private void createStaging() {
    jdbc.sql(
            """
            create temporary table registry_staging (
              line bigint, citizen_id text, full_name text, birth_date text, sex text,
              household_code text, household_address text, household_head text, unit_code text,
              eid_state text, eid_level text, occupation text, memberships text
            ) on commit drop
            """)
        .update();
    jdbc.sql(
            "create temporary table import_error (line bigint, col text, reason text, value text)"
                + " on commit drop")
        .update();
    jdbc.sql(
            "create temporary table import_unit (code text primary key, id bigint, in_scope boolean)"
                + " on commit drop")
        .update();
  }

  /** The edition's unit codes; with a scope, those outside it are marked. */
  private static void copyUnits(
      Connection connection, Map<String, Long> unitIds, java.util.Set<Long> scope)
      throws IOException {
    try {
      var units = new CopyStream(connection, "copy import_unit (code, id, in_scope) from stdin (format csv)");
      for (var unit : unitIds.entrySet()) {
        units.line(
            CopyStream.quote(unit.getKey())
                + ','
                + unit.getValue()
                + ','
                + (scope.isEmpty() || scope.contains(unit.getValue())));
      }
      units.end();
    } catch (SQLException e) {
      throw new IOException("could not stage the unit codes", e);
    }
  }

  /**
   * Every rule on a row's values, in one pass over the staging table: each rule is a cheap
   * boolean; only rows that break one are unfolded into error rows.
   */
  private void validate(LocalDate today, boolean scoped) {
    jdbc.sql(
            """
            insert into import_error (line, col, reason, value)
            select c.line, e.col, e.reason, left(e.value, 200)
            from (
              select s.*,
                -- string functions instead of regular expressions: several times cheaper per row
                coalesce(not (length(s.citizen_id) = 12
                     and translate(s.citizen_id, '0123456789', '') = ''), true) as bad_id,
                coalesce(s.full_name, '') = '' as no_name,
                char_length(s.full_name) > 200 as long_name,
                coalesce(not (length(s.birth_date) = 10
                     and substr(s.birth_date, 5, 1) = '-' and substr(s.birth_date, 8, 1) = '-'
                     and translate(s.birth_date, '0123456789', '') = '--'
                     and pg_input_is_valid(s.birth_date, 'date')), true) as bad_date,
                s.sex is null or s.sex not in ('M', 'F') as bad_sex,
                coalesce(s.household_code, '') = '' as no_household,
                coalesce(s.household_head, '') not in ('', '0', '1') as bad_head,
                u.id is null as bad_unit,
                u.id is not null and not u.in_scope as outside_scope,
                s.eid_state is null or s.eid_state not in ('NONE', 'REGISTERED', 'ACTIVATED') as bad_state,
                coalesce(s.eid_level, '') not in ('', '1', '2') as bad_level,
                (s.eid_state = 'ACTIVATED') <> (coalesce(s.eid_level, '') in ('1', '2')) as level_mismatch,
                coalesce(s.occupation, '') not in ('', 'STUDENT', 'FARMER', 'WORKER', 'CIVIL_SERVANT',
                  'ARMED_FORCES', 'BUSINESS', 'INTELLECTUAL', 'RETIRED', 'OTHER') as bad_occupation,
                coalesce(s.memberships, '') <> ''
                  and not string_to_array(s.memberships, ';') <@ array['COMMUNE_STAFF', 'PARTY',
                    'YOUTH_UNION', 'WOMEN_UNION', 'VETERANS', 'FARMERS_UNION', 'FATHERLAND_FRONT',
                    'TRADE_UNION'] as bad_memberships
              from registry_staging s
              left join import_unit u on u.code = s.unit_code
            ) c
            cross join lateral (values
              ('citizen_id', 'badIdFormat', c.citizen_id, c.bad_id),
              ('full_name', 'missingValue', c.full_name, c.no_name),
              ('full_name', 'tooLong', c.full_name, c.long_name),
              ('birth_date', 'badDate', c.birth_date, c.bad_date),
              ('birth_date', 'futureDate', c.birth_date,
                 case when c.bad_date then false else c.birth_date::date > :today end),
              ('sex', 'unknownValue', c.sex, c.bad_sex),
              ('household_code', 'missingValue', c.household_code, c.no_household),
              ('household_head', 'unknownValue', c.household_head, c.bad_head),
              ('unit_code', 'unknownUnit', c.unit_code, c.bad_unit),
              ('unit_code', 'outsideScope', c.unit_code, c.outside_scope),
              ('eid_state', 'unknownValue', c.eid_state, c.bad_state),
              ('eid_level', 'unknownValue', c.eid_level, c.bad_level),
              ('eid_level', 'levelWithoutActivation', c.eid_level, c.level_mismatch),
              ('occupation', 'unknownValue', c.occupation, c.bad_occupation),
              ('memberships', 'unknownValue', c.memberships, c.bad_memberships)
            ) as e (col, reason, value, failed)
            where (c.bad_id or c.no_name or c.long_name or c.bad_date
                   or (case when c.bad_date then false else c.birth_date::date > :today end)
                   or c.bad_sex or c.no_household or c.bad_head or c.bad_unit or c.outside_scope
                   or c.bad_state
                   or c.bad_level or c.level_mismatch is not false or c.bad_occupation
                   or c.bad_memberships)
              and e.failed
            """)
        .param("today", today)
        .update();
    log.debug("registry import: value rules done");
    jdbc.sql(
            """
            insert into import_error (line, col, reason, value)
            select s.line, 'citizen_id', 'duplicateId', s.citizen_id
            from registry_staging s
            join (select citizen_id, min(line) as first from registry_staging
                  group by citizen_id having count(*) > 1) repeated using (citizen_id)
            where s.line > repeated.first
            """)
        .update();
    log.debug("registry import: duplicates done");
    jdbc.sql(
            """
            insert into import_error (line, col, reason, value)
            select s.line, 'household_head', 'secondHead', s.household_code
            from registry_staging s
            join (select household_code, min(line) as first from registry_staging
                  where household_head = '1'
                  group by household_code having count(*) > 1) heads using (household_code)
            where s.household_head = '1' and s.line > heads.first
            """)
        .update();
    // An official imports for their own area only: people and households already recorded
    // elsewhere may not be changed from here (all units are in scope when no scope is set).
    jdbc.sql(
            """
            insert into import_error (line, col, reason, value)
            -- No value: the report must not confirm to an importer where someone else is recorded.
            select s.line, 'citizen_id', 'residentOutsideScope', null
            from registry_staging s
            join registry.resident r on r.citizen_id = s.citizen_id
            left join import_unit home on home.id = r.unit_id
            where :scoped and not coalesce(home.in_scope, false)
            union all
            select s.line, 'household_code', 'householdOutsideScope', null
            from registry_staging s
            join registry.household h on h.code = s.household_code
            left join import_unit home on home.id = h.unit_id
            where :scoped and not coalesce(home.in_scope, false)
            """)
        .param("scoped", scoped)
        .update();
    if (scoped) {
      // A local import cannot take an e-ID away or lower its level: only the national registry
      // (an import without a scope) knows that an account was revoked. Raising it is allowed.
      jdbc.sql(
              """
              insert into import_error (line, col, reason, value)
              select s.line, 'eid_level', 'eidLowered', left(s.eid_state || ' ' || coalesce(s.eid_level, ''), 200)
              from registry_staging s
              join registry.resident r on r.citizen_id = s.citizen_id
              where case r.eid_state when 'ACTIVATED' then 1 + r.eid_level when 'REGISTERED' then 1 else 0 end
                  > case s.eid_state
                      when 'ACTIVATED' then 1 + case s.eid_level when '2' then 2 when '1' then 1 else 0 end
                      when 'REGISTERED' then 1 else 0 end
              """)
          .update();
    }
    jdbc.sql(
            """
            insert into import_error (line, col, reason, value)
            select s.line, 'household_code', 'householdConflict', left(s.household_code, 200)
            from registry_staging s
            join (select household_code from registry_staging
                  group by household_code
                  having min(unit_code) <> max(unit_code)
                      or min(household_address) <> max(household_address)
                 ) conflicting using (household_code)
            """)
        .update();
  }

  /** Below this many rows, a load into an empty registry takes the ordinary path. */
  static final long INITIAL_LOAD_ROWS = 50_000;

  /** Households, then residents; rows equal to what is stored are left alone. */
  private Written apply(long rows, boolean firstLoad) {
    long started = System.nanoTime();
    List<String[]> setAside = firstLoad && rows >= INITIAL_LOAD_ROWS ? setAsideForInitialLoad() : null;
    jdbc.sql(
            """
            insert into registry.household (code, unit_id, address, head_citizen_id)
            select s.household_code, min(u.id), min(s.household_address),
                   (array_agg(s.citizen_id order by (s.household_head = '1') desc, s.line))[1]
            from registry_staging s join import_unit u on u.code = s.unit_code
            group by s.household_code
            on conflict (code) do update set
              unit_id = excluded.unit_id, address = excluded.address,
              head_citizen_id = excluded.head_citizen_id
            where (household.unit_id, household.address, household.head_citizen_id)
                  is distinct from (excluded.unit_id, excluded.address, excluded.head_citizen_id)
            """)
        .update();
    log.debug("registry import: households took {} ms", (System.nanoTime() - started) / 1_000_000);
    if (setAside != null) {
      // The first load into an empty registry inserts every valid row of the file: the file's own
      // digest (RegistryImport) says what was written, and returning 10⁷ rows to hash them would
      // cost the fast path a third of its time (measured with bench/registry-import.sh).
      long inserted =
          jdbc.sql(INSERT_RESIDENTS).update();
      restore(setAside);
      return new Written(inserted, 0, null);
    }
    Part updated =
        jdbc.sql(
                DIGESTED.formatted(
                """
                update registry.resident r set
                  full_name = s.full_name, birth_date = s.birth_date::date, sex = s.sex,
                  household_id = h.id, unit_id = u.id, eid_state = s.eid_state,
                  eid_level = nullif(s.eid_level, '')::smallint,
                  occupation = nullif(s.occupation, ''),
                  memberships = coalesce(string_to_array(nullif(s.memberships, ''), ';'), '{}')
                from registry_staging s
                join import_unit u on u.code = s.unit_code
                join registry.household h on h.code = s.household_code
                where r.citizen_id = s.citizen_id
                  and (r.full_name, r.birth_date, r.sex, r.household_id, r.unit_id, r.eid_state,
                       r.eid_level, r.occupation, r.memberships)
                      is distinct from
                      (s.full_name, s.birth_date::date, s.sex, h.id, u.id, s.eid_state,
                       nullif(s.eid_level, '')::smallint, nullif(s.occupation, ''),
                       coalesce(string_to_array(nullif(s.memberships, ''), ';'), '{}'))
                """, "r."))
            .query((rs, row) -> Part.of(rs))
            .single();
    Part inserted = insertNewResidents();
    return new Written(inserted.rows(), updated.rows(), digest(updated, inserted));
  }

  /** Every staged resident (households are in place by then). */
  private static final String INSERT_RESIDENTS =
      """
      insert into registry.resident (citizen_id, full_name, birth_date, sex, household_id,
        unit_id, eid_state, eid_level, occupation, memberships)
      select s.citizen_id, s.full_name, s.birth_date::date, s.sex, h.id, u.id, s.eid_state,
             nullif(s.eid_level, '')::smallint, nullif(s.occupation, ''),
             coalesce(string_to_array(nullif(s.memberships, ''), ';'), '{}')
      from registry_staging s
      join import_unit u on u.code = s.unit_code
      join registry.household h on h.code = s.household_code
      """;

  /** The staged residents not in the registry yet, digested as written. */
  private Part insertNewResidents() {
    return jdbc.sql(
            DIGESTED.formatted(
                INSERT_RESIDENTS
                    + "where not exists (select 1 from registry.resident r where r.citizen_id = s.citizen_id)",
                ""))
        .query((rs, row) -> Part.of(rs))
        .single();
  }

  /** Serialises the first-load decision of concurrent imports (any server). */
  private static final long FIRST_LOAD_LOCK = 0x59_4b_72_65_67_69_73L; // "YKregis"

  /**
   * Whether this import is the first into an empty registry. If so, the resident table is locked
   * for the whole import (nobody can be found in an empty registry anyway, and a second import
   * waits and then finds it filled); otherwise nothing is locked beyond ordinary row locks. The
   * decision is taken before this transaction reads the table for anything else, one import at a
   * time, so two imports cannot each hold a share lock and wait for the other's exclusive one.
   */
  private boolean firstLoad() {
    jdbc.sql("select pg_advisory_lock(?)").param(FIRST_LOAD_LOCK).query().singleRow();
    try {
      boolean empty =
          jdbc.sql("select not exists (select 1 from registry.resident)").query(Boolean.class).single();
      if (empty) {
        jdbc.sql("lock table registry.resident in access exclusive mode").update();
      }
      return empty;
    } finally {
      jdbc.sql("select pg_advisory_unlock(?)").param(FIRST_LOAD_LOCK).query().singleRow();
    }
  }

  /**
   * A large file into an empty registry (the first national load), which {@link #firstLoad} has
   * locked: the resident table's indexes and constraints are dropped inside this transaction and
   * built again after the rows are in, since building an index once is much cheaper than
   * maintaining it row by row. A failure rolls the drops back with everything else.
   */
  private List<String[]> setAsideForInitialLoad() {
    long started = System.nanoTime();
    List<String[]> restore = new ArrayList<>();
    // Plain indexes first (recreated first), then the primary key, then foreign keys.
    jdbc.sql(
            """
            select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            from pg_index i
            where i.indrelid = 'registry.resident'::regclass
              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
            """)
        .query((rs, row) -> new String[] {"index", rs.getString(1), rs.getString(2)})
        .list()
        .forEach(restore::add);
    jdbc.sql(
            """
            select conname, pg_get_constraintdef(oid), contype from pg_constraint
            where conrelid = 'registry.resident'::regclass and contype in ('p', 'u', 'f')
            order by case contype when 'p' then 0 when 'u' then 1 else 2 end
            """)
        .query((rs, row) -> new String[] {"constraint", rs.getString(1), rs.getString(2)})
        .list()
        .forEach(restore::add);
    for (String[] item : restore.reversed()) {
      jdbc.sql(
              item[0].equals("index")
                  ? "drop index " + item[1]
                  : "alter table registry.resident drop constraint " + quoteIdent(item[1]))
          .update();
    }
    log.debug(
        "registry import: initial load, {} indexes and constraints set aside in {} ms",
        restore.size(),
        (System.nanoTime() - started) / 1_000_000);
    return restore;
  }

  private void restore(List<String[]> setAside) {
    long started = System.nanoTime();
    for (String[] item : setAside) {
      jdbc.sql(
              item[0].equals("index")
                  ? item[2]
                  : "alter table registry.resident add constraint " + quoteIdent(item[1]) + " " + item[2])
          .update();
    }
    jdbc.sql("analyze registry.resident").update();
    log.debug(
        "registry import: indexes and constraints rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private static String quoteIdent(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Problems found while reading, before SQL sees the rows. */
  private static final class Structural {
    long count;
    long rejectedLines;
    final Map<String, Long> byReason = new HashMap<>();
    final List<RowError> listed = new ArrayList<>();

    void add(RowError error) {
      count++;
      byReason.merge(error.reason(), 1L, Long::sum);
      if (listed.size() < ImportReport.LISTED_ERRORS) {
        listed.add(error);
      }
    }
  }

  private static final class HeaderRejected extends RuntimeException {
    HeaderRejected() {
      super(null, null, false, false);
    }
  }

  /** Checks each row's shape and streams it into the staging table. */
  private final class Staging implements RowSink {
    private final CopyStream copy;
    private final ImportProgress progress;
    private final StringBuilder line = new StringBuilder(512);
    private final Structural structural = new Structural();
    private int[] positions = new int[0];
    private int width;
    private boolean headerSeen;
    private boolean headerRejected;
    private long headerLine = 1;
    private long rows;

    Staging(Connection connection, ImportProgress progress) throws IOException {
      try {
        this.copy =
            new CopyStream(
                connection,
                "copy registry_staging (line, " + String.join(", ", COLUMNS) + ") from stdin (format csv)");
      } catch (SQLException e) {
        throw new IOException("could not start the staging copy", e);
      }
      this.progress = progress;
    }

    @Override
    public void row(long line, List<String> fields) {
      if (!headerSeen) {
        headerSeen = true;
        headerLine = line;
        header(line, fields);
        return;
      }
      rows++;
      if (fields.size() != width) {
        structural.add(new RowError(line, null, "wrongColumnCount", String.valueOf(fields.size())));
        structural.rejectedLines++;
        return;
      }
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).indexOf('\uFFFD') >= 0) {
          structural.add(
              new RowError(line, columnAt(i), "brokenEncoding", fields.get(i).substring(0, Math.min(200, fields.get(i).length()))));
          structural.rejectedLines++;
          return;
        }
      }
      this.line.setLength(0);
      this.line.append(line);
      for (int position : positions) {
        this.line.append(',').append(CopyStream.quote(fields.get(position)));
      }
      try {
        copy.line(this.line);
      } catch (SQLException e) {
        throw new IllegalStateException("the staging copy failed", e);
      }
      if (rows % 100_000 == 0) {
        progress.reached(ImportProgress.Stage.READING, rows);
      }
    }

    private @Nullable String columnAt(int index) {
      for (int c = 0; c < positions.length; c++) {
        if (positions[c] == index) {
          return COLUMNS.get(c);
        }
      }
      return null;
    }

    private void header(long line, List<String> fields) {
      Map<String, Integer> given = new LinkedHashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        String name = fields.get(i).toLowerCase(Locale.ROOT);
        if (!COLUMNS.contains(name)) {
          structural.add(new RowError(line, fields.get(i), "unknownColumn", fields.get(i)));
        } else if (given.put(name, i) != null) {
          structural.add(new RowError(line, name, "duplicateColumn", name));
        }
      }
      for (String column : COLUMNS) {
        if (!given.containsKey(column)) {
          structural.add(new RowError(line, column, "missingColumn", null));
        }
      }
      if (structural.count > 0) {
        headerRejected = true;
        throw new HeaderRejected();
      }
      width = fields.size();
      positions = COLUMNS.stream().mapToInt(given::get).toArray();
    }

    void cancel() {
      try {
        copy.cancel();
      } catch (SQLException e) {
        // the copy is being abandoned anyway; the transaction rolls back
        progress.reached(ImportProgress.Stage.DONE, rows);
      }
    }

    void finish() throws IOException {
      try {
        copy.end();
      } catch (SQLException e) {
        throw new IOException("the staging copy failed", e);
      }
    }
  }
}
