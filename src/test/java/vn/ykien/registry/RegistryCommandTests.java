package vn.ykien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;
import vn.ykien.IntegrationTest;
import vn.ykien.registry.cli.RegistryCommand;

@IntegrationTest
class RegistryCommandTests {

  @Autowired RegistryCommand.Sample sample;
  @Autowired RegistryCommand.Import importCommand;
  @Autowired RegistryCommand.Generate generate;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @TempDir Path dir;

  static String run(Object command, String... args) {
    var out = new StringWriter();
    int exit = new CommandLine(command).setOut(new PrintWriter(out)).execute(args);
    return exit + "\n" + out;
  }

  @Test
  void aSampleFileImportsCleanlyAndASecondImportChangesNothing() throws Exception {
    Path file = dir.resolve("sample.csv");

    run(sample, file.toString(), "--people", "40", "--units", "14167", "--birth-province", "002");
    String first = run(importCommand, file.toString());
    String second = run(importCommand, file.toString(), "--lang", "en");

    assertThat(Files.readAllLines(file)).hasSize(41).first().asString().startsWith("citizen_id,full_name");
    assertThat(first).startsWith("0\n").contains("Đã nhập: 40 dòng; thêm mới 40, cập nhật 0, không đổi 0");
    assertThat(second).startsWith("0\n").contains("Imported: 40 rows; 0 new, 0 updated, 40 unchanged");
  }

  @Test
  void aFileWithErrorsExitsWithOneAndListsThem() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(
        file,
        "citizen_id,full_name,birth_date,sex,household_code,household_address,household_head,"
            + "unit_code,eid_state,eid_level,occupation,memberships\n"
            + "123,An,1980-01-01,M,H,A,1,14167-01,NONE,,,\n");

    String output = run(importCommand, file.toString());

    assertThat(output)
        .startsWith("1\n")
        .contains("Chưa nhập gì")
        .contains("Dòng 2, cột citizen_id: Số định danh cá nhân phải gồm đúng 12 chữ số [123]");
  }

  @Test
  void generatedResidentsGoStraightIntoTheRegistryWithOccupationGroupsAndMemberships() {
    String output =
        run(generate, "--units", "14161", "--people", "500", "--seed", "9", "--birth-province", "004", "--lang", "en");

    assertThat(output).startsWith("0\n").contains("Generated 500 residents");
    var counts =
        jdbc.sql(
                """
                select count(*), count(occupation), count(*) filter (where cardinality(memberships) > 0)
                from registry.resident where citizen_id like '004%'
                """)
            .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
            .single();
    assertThat(counts[0]).isEqualTo(500);
    assertThat(counts[1]).isBetween(350L, 499L);
    assertThat(counts[2]).isBetween(50L, 400L);
  }
}
