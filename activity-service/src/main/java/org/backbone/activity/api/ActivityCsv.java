package org.backbone.activity.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.backbone.activity.domain.ActivityDraft;
import org.backbone.activity.persistence.ActivityEntity;
import org.backbone.activity.service.ActivityService;
import org.backbone.contracts.activity.Participant;
import org.backbone.contracts.activity.ParticipationRole;
import org.backbone.kit.csv.CsvTable;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.domain.StorableText;
import org.backbone.kit.problem.ProblemException;

/**
 * Activities as CSV, one row each, for the 3W spreadsheets partners already keep. Lists inside a cell
 * are separated by {@code ;}. Columns: title, description, activityType, implementing, accountable,
 * funding, extending (organisation ids), goals (goal ids), locations, wholeArea (the locations the
 * activity reaches entirely), targetGroups, plannedStart, plannedEnd (YYYY-MM-DD), plannedReach
 * ({@code group:location:count}, the location may be empty), budgetAmount, budgetCurrency,
 * budgetFunder, iatiIdentifier. An export adds id, status, actualStart and actualEnd first; an import
 * accepts and ignores them, so an export reads back in (as new PLANNED activities).
 *
 * <p>HXL (the Humanitarian Exchange Language) is the 3W exchange format: a hashtag row under the
 * header, and one row per activity and place, as 3W tables are kept.
 */
final class ActivityCsv {

    static final int MAX_ROWS = 5_000;
    static final List<String> COLUMNS = List.of("title", "description", "activityType", "implementing", "accountable",
            "funding", "extending", "goals", "locations", "wholeArea", "targetGroups", "plannedStart", "plannedEnd",
            "plannedReach", "budgetAmount", "budgetCurrency", "budgetFunder", "iatiIdentifier");
    private static final List<String> EXPORTED_STATE = List.of("id", "status", "actualStart", "actualEnd");
    private static final Map<String, ParticipationRole> ROLE_COLUMNS = Map.of("implementing",
            ParticipationRole.IMPLEMENTING, "accountable", ParticipationRole.ACCOUNTABLE, "funding",
            ParticipationRole.FUNDING, "extending", ParticipationRole.EXTENDING);
    private static final List<String> HXL_HEADER = List.of("Activity id", "Organisation", "Activity type", "Activity",
            "Location code", "Start", "End", "Status", "Targeted", "Reached");
    private static final List<String> HXL_TAGS = List.of("#activity+id", "#org+impl", "#sector", "#activity",
            "#adm1+code", "#date+start", "#date+end", "#status", "#targeted", "#reached");

    private ActivityCsv() {
    }

    /** A row that could be read, as the JSON body it stands for. */
    record Read(int line, ActivityDraft draft) {
    }

    record Parsed(int rows, List<Read> read, List<ActivityService.Rejection> unreadable) {
    }

    static Parsed read(String csv, Validator validator) {
        CsvTable.Table table = CsvTable.read(csv, MAX_ROWS);
        List<String> unknown = table.columns().stream()
                .filter(c -> !COLUMNS.contains(c) && !EXPORTED_STATE.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("csv", "line 1 names unknown columns " + unknown.stream()
                    .map(StorableText::sanitized).toList() + "; the columns are " + COLUMNS);
        }
        if (table.rows().isEmpty()) {
            throw ProblemException.invalid("csv", "has no rows under its header");
        }
        List<Read> read = new ArrayList<>();
        List<ActivityService.Rejection> unreadable = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            List<FieldProblem> problems = new ArrayList<>();
            Dtos.ActivityBody body = body(row, problems);
            if (problems.isEmpty()) {
                for (ConstraintViolation<Dtos.ActivityBody> v : validator.validate(body)) {
                    problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
                }
            }
            if (problems.isEmpty()) {
                read.add(new Read(row.line(), Views.draft(body)));
            } else {
                problems.forEach(p -> unreadable.add(new ActivityService.Rejection(row.line(), p.field(), p.message())));
            }
        }
        return new Parsed(table.rows().size(), read, unreadable);
    }

    private static Dtos.ActivityBody body(CsvTable.Row row, List<FieldProblem> problems) {
        if (!row.consistent()) {
            problems.add(new FieldProblem("row", "has " + row.width() + " cells; the header has a different number"));
            return null;
        }
        row.cells().forEach((column, cell) -> {
            String problem = StorableText.problem(cell);
            if (problem != null) {
                problems.add(new FieldProblem(column, problem));
            }
        });
        if (!problems.isEmpty()) {
            return null;
        }
        List<Dtos.ParticipantBody> participants = new ArrayList<>();
        ROLE_COLUMNS.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(role ->
                list(row, role.getKey()).forEach(id -> participants.add(
                        new Dtos.ParticipantBody(uuid(id, role.getKey(), problems), role.getValue()))));
        List<String> locations = list(row, "locations");
        Set<String> whole = Set.copyOf(list(row, "wholeArea").stream().distinct().toList());
        whole.stream().filter(code -> !locations.contains(code)).forEach(code ->
                problems.add(new FieldProblem("wholeArea", "names " + code + ", which is not one of the locations")));
        List<Dtos.ReachBody> reach = list(row, "plannedReach").stream().map(r -> reach(r, problems)).toList();
        String amount = row.get("budgetAmount");
        Dtos.BudgetBody budget = amount == null && row.get("budgetCurrency") == null ? null
                : new Dtos.BudgetBody(amount == null ? null : number(amount, "budgetAmount", problems),
                        row.get("budgetCurrency"), row.get("budgetFunder") == null ? null
                                : uuid(row.get("budgetFunder"), "budgetFunder", problems));
        return new Dtos.ActivityBody(row.get("title"), row.get("description"), row.get("activityType"), participants,
                list(row, "goals").stream().map(g -> uuid(g, "goals", problems)).toList(),
                locations.stream().map(l -> new Dtos.PlaceBody(l, whole.contains(l))).toList(), list(row, "targetGroups"),
                date(row.get("plannedStart"), "plannedStart", problems), date(row.get("plannedEnd"), "plannedEnd", problems),
                reach, budget, row.get("iatiIdentifier"));
    }

    private static List<String> list(CsvTable.Row row, String column) {
        String cell = row.get(column);
        return cell == null ? List.of()
                : Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Dtos.ReachBody reach(String entry, List<FieldProblem> problems) {
        String[] parts = entry.split(":", -1);
        if (parts.length != 3) {
            problems.add(new FieldProblem("plannedReach", "'" + entry + "' is not group:location:count"));
            return null;
        }
        try {
            return new Dtos.ReachBody(parts[0], parts[1].isEmpty() ? null : parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("plannedReach", "'" + entry + "' does not end in a whole number"));
            return null;
        }
    }

    private static UUID uuid(String text, String column, List<FieldProblem> problems) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new FieldProblem(column, "'" + text + "' is not an id (a UUID)"));
        return null;
    }

    private static LocalDate date(String text, String column, List<FieldProblem> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(column, "'" + text + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static BigDecimal number(String text, String column, List<FieldProblem> problems) {
        try {
            if (text.length() <= 40) {
                return new BigDecimal(text);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(column, "'" + text + "' is not a decimal number"));
        return null;
    }

    /** Every activity, one row each; the budget columns stay empty where {@code seesBudget} says no. */
    static String csv(List<ActivityEntity> activities, Function<ActivityEntity, Boolean> seesBudget) {
        List<String> header = Stream.concat(EXPORTED_STATE.stream(), COLUMNS.stream()).toList();
        List<List<?>> rows = new ArrayList<>();
        for (ActivityEntity a : activities) {
            ActivityDraft d = a.draft();
            ActivityDraft.Budget budget = seesBudget.apply(a) ? d.budget() : null;
            List<Object> row = new ArrayList<>(List.of(a.id, a.status, text(a.actualStart), text(a.actualEnd),
                    d.title(), text(d.description()), d.activityType()));
            for (ParticipationRole role : List.of(ParticipationRole.IMPLEMENTING, ParticipationRole.ACCOUNTABLE,
                    ParticipationRole.FUNDING, ParticipationRole.EXTENDING)) {
                row.add(join(d.participants().stream().filter(p -> p.role() == role).map(Participant::organisationId)));
            }
            row.add(join(d.goalIds().stream()));
            row.add(join(d.places().stream().map(p -> p.location())));
            row.add(join(d.places().stream().filter(p -> p.wholeArea()).map(p -> p.location())));
            row.add(join(d.targetGroups().stream()));
            row.add(d.plannedStart());
            row.add(d.plannedEnd());
            row.add(join(d.plannedReach().stream().map(r -> r.targetGroup() + ":" + text(r.location()) + ":" + r.count())));
            row.add(budget == null ? "" : budget.amount().toPlainString());
            row.add(budget == null ? "" : budget.currency());
            row.add(budget == null ? "" : text(budget.funder()));
            row.add(text(d.iatiIdentifier()));
            rows.add(row);
        }
        return CsvTable.write(header, rows);
    }

    /**
     * The HXL 3W: one row per activity and place. Planned reach and accepted reported reach count at
     * the place they name; lines that name no place of the activity (or a location inside one) count
     * at its first place.
     */
    static String hxl(List<ActivityEntity> activities, Map<UUID, String> organisationNames,
            Map<UUID, Map<String, Long>> reachedByPlace) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(HXL_TAGS);
        for (ActivityEntity a : activities) {
            ActivityDraft d = a.draft();
            String implementers = d.participants().stream().filter(p -> p.role() == ParticipationRole.IMPLEMENTING)
                    .map(p -> organisationNames.getOrDefault(p.organisationId(), p.organisationId().toString()))
                    .collect(Collectors.joining("; "));
            String first = d.places().get(0).location();
            Map<String, Long> targeted = new LinkedHashMap<>();
            d.plannedReach().forEach(r -> targeted.merge(r.location() == null || d.places().stream()
                    .noneMatch(p -> p.location().equals(r.location())) ? first : r.location(), r.count(), Long::sum));
            Map<String, Long> reached = reachedByPlace.getOrDefault(a.id, Map.of());
            for (var place : d.places()) {
                String code = place.location();
                rows.add(List.of(a.id, implementers, d.activityType(), d.title(), code, d.plannedStart(), d.plannedEnd(),
                        a.status, targeted.getOrDefault(code, 0L),
                        reached.getOrDefault(code, 0L) + (code.equals(first) ? reached.getOrDefault("", 0L) : 0L)));
            }
        }
        return CsvTable.write(HXL_HEADER, rows);
    }

    private static String join(Stream<?> values) {
        return values.map(String::valueOf).collect(Collectors.joining(";"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
