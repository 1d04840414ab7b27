package org.backbone.kit.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.backbone.kit.domain.StorableText;
import org.backbone.kit.problem.ProblemException;

/**
 * CSV as every service reads and writes it (RFC 4180, a header row, empty lines skipped, cells
 * trimmed as {@link String#trim} trims: surrounding spaces and control characters, a trailing NUL
 * included, go; a NUL inside a cell stays for the caller's {@code StorableText} check to refuse). Reading keeps each row's line in the file, so a report can name it; a file that is not
 * CSV at all (a quote left open) is a 422 naming the line. Cells that PostgreSQL could not store are
 * left to the caller's checks, which name the column.
 */
public final class CsvTable {

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).get();
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    /** One data row: its line in the file, its cells by column (blank cells absent), and whether its width fits. */
    public record Row(int line, Map<String, String> cells, boolean consistent, int width) {

        public String get(String column) {
            return cells.get(column);
        }
    }

    /** The header's column names, in order, and the data rows. */
    public record Table(List<String> columns, List<Row> rows) {
    }

    private CsvTable() {
    }

    /** The rows of {@code csv}, at most {@code maxRows} (more is a 422 on {@code csv}). */
    public static Table read(String csv, int maxRows) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(READ).get()) {
            List<String> columns = parser.getHeaderNames();
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == maxRows) {
                    throw ProblemException.invalid("csv", "has more than " + maxRows + " rows");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(columns.size(), record.size()); i++) {
                    if (!record.get(i).isEmpty()) {
                        cells.put(columns.get(i), record.get(i));
                    }
                }
                rows.add(new Row((int) parser.getCurrentLineNumber(), cells, record.isConsistent(), record.size()));
            }
            return new Table(columns, rows);
        } catch (IOException | UncheckedIOException e) {
            // a quote left open, or a quote inside an unquoted cell: nothing after it can be read reliably
            throw ProblemException.invalid("csv", "line " + line(e) + " is not CSV: "
                    + StorableText.sanitized(String.valueOf((e instanceof UncheckedIOException u ? u.getCause() : e).getMessage())));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalid("csv", "line 1 is not a CSV header: " + StorableText.sanitized(e.getMessage()));
        }
    }

    /** {@code rows} under {@code header}, every cell quoted where it must be; null cells are empty. */
    public static String write(List<String> header, List<List<?>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(header);
            for (List<?> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return out.toString();
    }

    /** The line commons-csv names in its message ("(line 3)"), or 1. */
    private static String line(Exception e) {
        Matcher line = LINE.matcher(String.valueOf(e.getMessage()));
        return line.find() ? line.group(1) : "1";
    }
}
