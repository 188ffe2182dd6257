package vn.ykien.registry.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import vn.ykien.registry.ImportOptions;
import vn.ykien.registry.ImportProgress;
import vn.ykien.registry.ImportReport;
import vn.ykien.registry.RowError;

/**
 * The registry import, in the caller's transaction: the file is streamed through PostgreSQL
 * {@code COPY} into a temporary staging table, validated there set-wise in SQL, and applied with
 * two upserts. Only structural problems (column count, encoding, header) are found in Java.
 */
@Component
public class RegistryImporter {

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

  private static final int FLUSH_BYTES = 1 << 16;

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  RegistryImporter(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /** Must run inside a transaction: the staging tables live until it ends. */
  public ImportReport run(
      String fileName,
      InputStream in,
      RowSource source,
      ImportOptions options,
      Map<String, Long> unitIds,
      LocalDate today,
      ImportProgress progress)
      throws IOException {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    createStaging();
    copyUnits(connection, unitIds);
    progress.reached(ImportProgress.Stage.READING, 0);
    Staging staging = new Staging(connection, progress);
    try {
      source.read(in, staging);
    } catch (HeaderRejected rejected) {
      // the header says the file is not in our format: the rows are not read
    } catch (IOException | RuntimeException unreadable) {
      // An open COPY would block the connection: end it before the transaction rolls back.
      staging.cancel();
      throw unreadable instanceof IOException io ? io : new IOException(unreadable.getMessage(), unreadable);
    }
    staging.finish();
    Structural structural = staging.structural;
    if (staging.rows == 0 && structural.count == 0) {
      structural.add(new RowError(staging.headerLine, null, "emptyFile", null));
    }
    progress.reached(ImportProgress.Stage.VALIDATING, staging.rows);
    validate(today);
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
    long[] written = apply();
    long valid = staging.rows - rejectedRows;
    progress.reached(ImportProgress.Stage.DONE, staging.rows);
    return new ImportReport(
        fileName,
        staging.rows,
        true,
        written[0],
        written[1],
        valid - written[0] - written[1],
        rejectedRows,
        errorCount,
        byReason,
        listed);
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
    jdbc.sql("create temporary table import_unit (code text primary key, id bigint) on commit drop")
        .update();
  }

  private static void copyUnits(Connection connection, Map<String, Long> unitIds) throws IOException {
    try {
      CopyIn copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("copy import_unit (code, id) from stdin (format csv)");
      var out = new StringBuilder();
      for (var unit : unitIds.entrySet()) {
        out.append(quote(unit.getKey())).append(',').append(unit.getValue()).append('\n');
        if (out.length() > FLUSH_BYTES) {
          write(copy, out);
        }
      }
      write(copy, out);
      copy.endCopy();
    } catch (SQLException e) {
      throw new IOException("could not stage the unit codes", e);
    }
  }

  /** Every rule on a row's values, in one pass over the staging table. */
  private void validate(LocalDate today) {
    jdbc.sql(
            """
            insert into import_error (line, col, reason, value)
            select s.line, e.col, e.reason, left(e.value, 200)
            from registry_staging s
            left join import_unit u on u.code = s.unit_code
            cross join lateral (values
              ('citizen_id', 'badIdFormat', s.citizen_id,
                 s.citizen_id !~ '^[0-9]{12}$'),
              ('full_name', 'missingValue', s.full_name,
                 s.full_name = '' or s.full_name is null),
              ('full_name', 'tooLong', s.full_name,
                 char_length(s.full_name) > 200),
              ('birth_date', 'badDate', s.birth_date,
                 s.birth_date !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                   or not pg_input_is_valid(s.birth_date, 'date')),
              ('birth_date', 'futureDate', s.birth_date,
                 case when s.birth_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                        and pg_input_is_valid(s.birth_date, 'date')
                      then s.birth_date::date > :today else false end),
              ('sex', 'unknownValue', s.sex,
                 s.sex is null or s.sex not in ('M', 'F')),
              ('household_code', 'missingValue', s.household_code,
                 s.household_code = '' or s.household_code is null),
              ('household_head', 'unknownValue', s.household_head,
                 coalesce(s.household_head, '') not in ('', '0', '1')),
              ('unit_code', 'unknownUnit', s.unit_code,
                 u.id is null),
              ('eid_state', 'unknownValue', s.eid_state,
                 s.eid_state is null or s.eid_state not in ('NONE', 'REGISTERED', 'ACTIVATED')),
              ('eid_level', 'unknownValue', s.eid_level,
                 coalesce(s.eid_level, '') not in ('', '1', '2')),
              ('eid_level', 'levelWithoutActivation', s.eid_level,
                 (s.eid_state = 'ACTIVATED') <> (coalesce(s.eid_level, '') in ('1', '2'))),
              ('occupation', 'unknownValue', s.occupation,
                 coalesce(s.occupation, '') not in ('', 'STUDENT', 'FARMER', 'WORKER',
                   'CIVIL_SERVANT', 'ARMED_FORCES', 'BUSINESS', 'INTELLECTUAL', 'RETIRED', 'OTHER')),
              ('memberships', 'unknownValue', s.memberships,
                 exists (select 1 from unnest(string_to_array(nullif(s.memberships, ''), ';')) m
                         where m not in ('COMMUNE_STAFF', 'PARTY', 'YOUTH_UNION', 'WOMEN_UNION',
                           'VETERANS', 'FARMERS_UNION', 'FATHERLAND_FRONT', 'TRADE_UNION')))
            ) as e (col, reason, value, failed)
            where e.failed
            """)
        .param("today", today)
        .update();
    jdbc.sql(
            """
            insert into import_error (line, col, reason, value)
            select line, 'citizen_id', 'duplicateId', citizen_id
            from (select line, citizen_id,
                         row_number() over (partition by citizen_id order by line) as nth
                  from registry_staging) numbered
            where nth > 1
            """)
        .update();
    jdbc.sql(
            """
            insert into import_error (line, col, reason, value)
            select s.line, 'household_code', 'householdConflict', left(s.household_code, 200)
            from registry_staging s
            join (select household_code from registry_staging
                  group by household_code
                  having count(distinct unit_code) > 1 or count(distinct household_address) > 1
                 ) conflicting using (household_code)
            """)
        .update();
  }

  /** Households, then residents; rows equal to what is stored are left alone. */
  private long[] apply() {
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
    return jdbc.sql(
            """
            with written as (
              insert into registry.resident (citizen_id, full_name, birth_date, sex, household_id,
                unit_id, eid_state, eid_level, occupation, memberships)
              select s.citizen_id, s.full_name, s.birth_date::date, s.sex, h.id, u.id, s.eid_state,
                     nullif(s.eid_level, '')::smallint, nullif(s.occupation, ''),
                     coalesce(string_to_array(nullif(s.memberships, ''), ';'), '{}')
              from registry_staging s
              join import_unit u on u.code = s.unit_code
              join registry.household h on h.code = s.household_code
              on conflict (citizen_id) do update set
                full_name = excluded.full_name, birth_date = excluded.birth_date,
                sex = excluded.sex, household_id = excluded.household_id,
                unit_id = excluded.unit_id, eid_state = excluded.eid_state,
                eid_level = excluded.eid_level, occupation = excluded.occupation,
                memberships = excluded.memberships
              where (resident.full_name, resident.birth_date, resident.sex, resident.household_id,
                     resident.unit_id, resident.eid_state, resident.eid_level, resident.occupation,
                     resident.memberships)
                    is distinct from
                    (excluded.full_name, excluded.birth_date, excluded.sex, excluded.household_id,
                     excluded.unit_id, excluded.eid_state, excluded.eid_level, excluded.occupation,
                     excluded.memberships)
              returning (xmax = 0) as inserted
            )
            select count(*) filter (where inserted), count(*) filter (where not inserted)
            from written
            """)
        .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  private static String quote(@Nullable String value) {
    if (value == null) {
      return "";
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void write(CopyIn copy, StringBuilder out) throws SQLException {
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    out.setLength(0);
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
    private final CopyIn copy;
    private final ImportProgress progress;
    private final StringBuilder out = new StringBuilder(FLUSH_BYTES * 2);
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
            connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "copy registry_staging (line, "
                        + String.join(", ", COLUMNS)
                        + ") from stdin (format csv)");
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
      out.append(line);
      for (int position : positions) {
        out.append(',').append(quote(fields.get(position)));
      }
      out.append('\n');
      if (out.length() > FLUSH_BYTES) {
        flush();
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

    private void flush() {
      try {
        write(copy, out);
      } catch (SQLException e) {
        throw new IllegalStateException("the staging copy failed", e);
      }
    }

    void cancel() {
      try {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      } catch (SQLException e) {
        // the copy is being abandoned anyway; the transaction rolls back
        progress.reached(ImportProgress.Stage.DONE, rows);
      }
    }

    void finish() throws IOException {
      try {
        write(copy, out);
        copy.endCopy();
      } catch (SQLException e) {
        throw new IOException("the staging copy failed", e);
      }
    }
  }
}
