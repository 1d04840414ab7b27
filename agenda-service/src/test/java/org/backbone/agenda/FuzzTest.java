package org.backbone.agenda;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.kit.testing.FuzzContract;

/** Every operation of agenda-service fuzzed against a real initiative with organisation A as a partner. */
@QuarkusTest
class FuzzTest extends FuzzContract {

    @Override
    protected Map<String, List<String>> knownValues() {
        AgendaApi.ensureOrganisation(AgendaApi.ORG_A, "Atid STEM Network", "NONPROFIT");
        UUID initiative = AgendaApi.newInitiative("Fuzz " + UUID.randomUUID(), Map.of("kind", "UNANIMOUS"));
        AgendaApi.join(initiative, AgendaApi.ORG_A, "FOUNDING");
        UUID goal = UUID.randomUUID();
        AgendaApi.putDraft(initiative, "A vision", List.of(AgendaApi.goal(goal, null, "A goal", "LONG_TERM")));
        // the fuzzer changes what it is given: an organisation of its own, never one other tests rely on
        UUID fuzzed = AgendaApi.newOrganisation("Fuzzed " + UUID.randomUUID(), "BUSINESS");
        return Map.of(
                "initiativeId", List.of(initiative.toString()),
                "organisationId", List.of(AgendaApi.ORG_A.toString()),
                "id", List.of(fuzzed.toString()),
                "number", List.of("1"));
    }
}
