package org.backbone.measurement.service;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.domain.StorableText;
import org.backbone.measurement.domain.SubmittedValue;
import org.backbone.measurement.persistence.IndicatorEntity;

/**
 * The CSV form of a value batch: columns {@code period}, {@code value} (or {@code numerator} and
 * {@code denominator} for RATIO indicators), {@code comment}, and one column per disaggregation
 * dimension. A row that cannot be read is reported by its line; the other rows still go through.
 */
public final class CsvValues {

    static final Set<String> FIXED = Set.of("period", "value", "numerator", "denominator", "comment");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).get();

    private CsvValues() {
    }

    /** Rows read, and rows refused before validation (bad numbers, wrong width), both keyed by file line. */
    public record Parsed(List<SubmissionService.Item> items, List<SubmissionService.Rejection> unreadable) {
    }

    public static String template(IndicatorEntity indicator) {
        List<String> columns = new ArrayList<>(List.of("period"));
        columns.addAll(indicator.aggregation == Aggregation.RATIO ? List.of("numerator", "denominator") : List.of("value"));
        columns.addAll(indicator.dimensions.keySet());
        columns.add("comment");
        return String.join(",", columns) + "\r\n";
    }

    public static Parsed parse(String csv, IndicatorEntity indicator) {
        List<SubmissionService.Item> items = new ArrayList<>();
        List<SubmissionService.Rejection> unreadable = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(FORMAT).get()) {
            if (!parser.getHeaderMap().containsKey("period")) {
                unreadable.add(new SubmissionService.Rejection(1, indicator.code, null, "period", "the header has no period column"));
                return new Parsed(items, unreadable);
            }
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    unreadable.add(new SubmissionService.Rejection(line, indicator.code, null, "row",
                            "has " + record.size() + " cells; the header has " + parser.getHeaderMap().size()));
                    continue;
                }
                Map<String, String> dimensions = new LinkedHashMap<>();
                for (String column : parser.getHeaderNames()) {
                    if (!FIXED.contains(column) && !record.get(column).isEmpty()) {
                        dimensions.put(column, record.get(column));
                    }
                }
                String period = record.get("period");
                try {
                    items.add(new SubmissionService.Item(line, new SubmittedValue(indicator.code, period, dimensions,
                            number(record, "value"), number(record, "numerator"), number(record, "denominator"),
                            text(record, "comment"))));
                } catch (BadNumber e) {
                    unreadable.add(new SubmissionService.Rejection(line, indicator.code, period, e.column, "not a number"));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a quote left open, or a quote inside an unquoted cell: nothing after it can be read reliably
            throw ProblemException.invalid("csv", "line " + line(e) + " is not CSV: "
                    + StorableText.sanitized(String.valueOf((e instanceof UncheckedIOException u ? u.getCause() : e).getMessage())));
        } catch (IllegalArgumentException | IllegalStateException e) {
            unreadable.add(new SubmissionService.Rejection(1, indicator.code, null, "header", "not a CSV header: " + e.getMessage()));
        }
        return new Parsed(items, unreadable);
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("line (\\d+)");

    /** The line commons-csv names in its message ("(line 3)"), or 1. */
    private static String line(Exception e) {
        java.util.regex.Matcher line = LINE.matcher(String.valueOf(e.getMessage()));
        return line.find() ? line.group(1) : "1";
    }

    private static BigDecimal number(CSVRecord record, String column) {
        String text = text(record, column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadNumber(column);
        }
    }

    private static String text(CSVRecord record, String column) {
        return record.isMapped(column) && !record.get(column).isEmpty() ? record.get(column) : null;
    }

    private static final class BadNumber extends RuntimeException {
        final String column;

        BadNumber(String column) {
            super(null, null, false, false);
            this.column = column;
        }
    }
}
