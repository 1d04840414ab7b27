package org.backbone.activity.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.backbone.activity.persistence.Vocabularies;
import org.backbone.kit.csv.CsvTable;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.domain.StorableText;
import org.backbone.kit.problem.ProblemException;

/** A vocabulary as CSV: columns code, parent (empty for a root) and label, in the vocabulary's order. */
final class VocabularyCsv {

    static final List<String> COLUMNS = List.of("code", "parent", "label");

    private VocabularyCsv() {
    }

    static String write(Vocabularies.Vocabulary vocabulary) {
        return CsvTable.write(COLUMNS, vocabulary.entries().stream()
                .<List<?>>map(e -> java.util.Arrays.asList(e.code(), e.parent(), e.label())).toList());
    }

    /** The entries of {@code csv}, checked as the JSON body's are; any fault is a 422 naming rows[line].column. */
    static List<Vocabularies.Entry> read(String csv, Validator validator) {
        CsvTable.Table table = CsvTable.read(csv, 5000);
        if (!table.columns().containsAll(List.of("code", "label")) || !COLUMNS.containsAll(table.columns())) {
            throw ProblemException.invalid("csv", "line 1 must name the columns code, parent (optional) and label");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Vocabularies.Entry> entries = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String at = "rows[" + row.line() + "].";
            if (!row.consistent()) {
                problems.add(new FieldProblem(at + "row", "has " + row.width() + " cells; the header has "
                        + table.columns().size()));
                continue;
            }
            List<FieldProblem> own = new ArrayList<>();
            row.cells().forEach((column, cell) -> {
                String problem = StorableText.problem(cell);
                if (problem != null) {
                    own.add(new FieldProblem(at + column, problem));
                }
            });
            if (own.isEmpty()) {
                Dtos.Entry entry = new Dtos.Entry(row.get("code"), row.get("parent"), row.get("label"));
                for (ConstraintViolation<Dtos.Entry> v : validator.validate(entry)) {
                    own.add(new FieldProblem(at + v.getPropertyPath(), v.getMessage()));
                }
                entries.add(new Vocabularies.Entry(entry.code(), entry.parent(), entry.label()));
            }
            problems.addAll(own);
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return entries;
    }
}
