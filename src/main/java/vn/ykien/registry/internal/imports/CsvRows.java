package vn.ykien.registry.internal.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV in UTF-8 (RFC 4180; comma-separated; a byte-order mark and Windows line ends are accepted).
 * Undecodable bytes become U+FFFD so the row can be reported instead of aborting the file.
 */
final class CsvRows implements RowSource {

  @Override
  public void read(Path file, UnaryOperator<InputStream> wrap, RowSink sink) throws IOException {
    try (InputStream in = wrap.apply(Files.newInputStream(file))) {
      read(in, sink);
    }
  }

  void read(InputStream in, RowSink sink) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    var reader = new PushbackReader(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16));
    int first = reader.read();
    if (first != -1 && first != '\uFEFF') {
      reader.unread(first);
    }
    long lastLine = 0;
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .skipEmptyLines(true)
            .maxBufferSize(LineTooLong.MAX_CHARS)
            .ofCsvRecord(reader)) {
      for (CsvRecord record : csv) {
        List<String> fields = new ArrayList<>(record.getFieldCount());
        for (String field : record.getFields()) {
          fields.add(normalize(field));
        }
        lastLine = record.getStartingLineNumber();
        sink.row(lastLine, fields);
      }
    } catch (CsvParseException problem) {
      String message = String.valueOf(problem.getMessage()) + String.valueOf(problem.getCause());
      if (message.contains("buffer size")) {
        // Counted in records: a record spanning lines (quoted line breaks) makes it approximate.
        throw new LineTooLong(lastLine + 1, problem);
      }
      throw new IOException("unreadable CSV after line " + lastLine + ": " + problem.getMessage(), problem);
    }
  }

  static String normalize(String value) {
    // PostgreSQL text cannot hold NUL: report it like any other undecodable byte.
    String trimmed = value.strip().replace('\u0000', '\uFFFD');
    return Normalizer.isNormalized(trimmed, Normalizer.Form.NFC)
        ? trimmed
        : Normalizer.normalize(trimmed, Normalizer.Form.NFC);
  }
}
