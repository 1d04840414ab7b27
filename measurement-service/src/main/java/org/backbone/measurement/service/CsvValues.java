package org.backbone.measurement.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.kit.csv.CsvTable;
import org.backbone.measurement.domain.SubmittedValue;
import org.backbone.measurement.persistence.IndicatorEntity;

/**
 * The CSV form of a value batch: columns {@code period}, {@code value} (or {@code numerator} and
 * {@code denominator} for RATIO indicators), {@code comment}, and one column per disaggregation
 * dimension. A row that cannot be read is reported by its line; the other rows still go through.
 */
public final class CsvValues {

    static final Set<String> FIXED = Set.of("period", "value", "numerator", "denominator", "comment");

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
        CsvTable.Table table = CsvTable.read(csv, Integer.MAX_VALUE);
        if (!table.columns().contains("period")) {
            unreadable.add(new SubmissionService.Rejection(1, indicator.code, null, "period", "the header has no period column"));
            return new Parsed(items, unreadable);
        }
        for (CsvTable.Row row : table.rows()) {
            if (!row.consistent()) {
                unreadable.add(new SubmissionService.Rejection(row.line(), indicator.code, null, "row",
                        "has " + row.width() + " cells; the header has " + table.columns().size()));
                continue;
            }
            Map<String, String> dimensions = new LinkedHashMap<>();
            row.cells().forEach((column, cell) -> {
                if (!FIXED.contains(column)) {
                    dimensions.put(column, cell);
                }
            });
            String period = row.get("period") == null ? "" : row.get("period");
            try {
                items.add(new SubmissionService.Item(row.line(), new SubmittedValue(indicator.code, period, dimensions,
                        number(row, "value"), number(row, "numerator"), number(row, "denominator"),
                        row.get("comment"))));
            } catch (BadNumber e) {
                unreadable.add(new SubmissionService.Rejection(row.line(), indicator.code, period, e.column, "not a number"));
            }
        }
        return new Parsed(items, unreadable);
    }

    private static BigDecimal number(CsvTable.Row row, String column) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadNumber(column);
        }
    }

    private static final class BadNumber extends RuntimeException {
        final String column;

        BadNumber(String column) {
            super(null, null, false, false);
            this.column = column;
        }
    }
}
