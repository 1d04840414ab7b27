package org.backbone.measurement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.backbone.kit.testing.FuzzContract;
import org.backbone.driver.Tokens;

/** Every operation of measurement-service fuzzed against a real initiative with indicators of each kind. */
@QuarkusTest
class FuzzTest extends FuzzContract {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    @Override
    protected Map<String, List<String>> knownValues() {
        try {
            AgendaFixture agenda = AgendaFixture.publish(db);
            String counted = agenda.define(agenda.indicator("FUZZ_COUNT", "QUARTERLY"));
            Map<String, Object> ratio = agenda.indicator("FUZZ_RATIO", "SCHOOL_YEAR");
            ratio.put("valueType", "PERCENT");
            ratio.put("aggregation", "RATIO");
            ratio.put("schoolYearStartMonth", 9);
            ratio.put("dimensions", Map.of("region", List.of("north", "south")));
            String share = agenda.define(ratio);
            return Map.of(
                    "initiativeId", List.of(agenda.initiative.toString()),
                    "indicatorId", List.of(counted, share),
                    "organisationId", List.of(Tokens.ORG_A.toString(), agenda.ministry.toString()),
                    "goalIds", List.of(agenda.goal.toString()),
                    "indicatorCode", List.of("FUZZ_COUNT", "FUZZ_RATIO"),
                    "period", List.of("2026Q1", "2026Q2", "2025Sep"),
                    "from", List.of("2025Q1"),
                    "to", List.of("2027Q4"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the fuzzed initiative", e);
        }
    }
}
