package org.backbone.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.backbone.contracts.agenda.PartnerJoined;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EventCatalogTest {

    @Test
    void catalogueHoldsEveryArchitectureEventType() {
        assertThat(EventCatalog.all()).hasSize(52);
        assertThat(EventCatalog.byType("org.backbone.agenda.agenda.ratified.v1")).isPresent();
        assertThat(EventCatalog.of(PartnerJoined.class).topic()).isEqualTo(Topics.AGENDA);
        assertThat(EventCatalog.of(PartnerJoined.class).source()).isEqualTo("/backbone/agenda");
    }

    @Test
    void everySchemaFileBelongsToACatalogueEntry() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getClassLoader().getResource("schemas").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> schemaTypes = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toSet());
            Set<String> catalogueTypes = EventCatalog.all().stream().map(EventDescriptor::type).collect(Collectors.toSet());
            assertThat(schemaTypes).isEqualTo(catalogueTypes);
        }
    }

    @TestFactory
    Stream<DynamicTest> recordComponentsAndSchemaPropertiesAgree() {
        return EventCatalog.all().stream().map(d -> DynamicTest.dynamicTest(d.type(), () -> {
            JsonNode schema = readSchema(d);
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> components = Arrays.stream(d.payloadClass().getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            assertThat(properties).as("schema properties of %s", d.type()).isEqualTo(components);
            assertThat(schema.get("title").asText()).isEqualTo(d.type());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRecordSerialisesToJsonItsSchemaAccepts() {
        return EventCatalog.all().stream().map(d -> DynamicTest.dynamicTest(d.type(), () -> {
            Object sample = SamplePayloads.instantiate(d.payloadClass());
            JsonNode json = EventJson.mapper().valueToTree(sample);
            assertThat(EventSchemas.violations(d, json)).isEmpty();
            assertThat(EventJson.mapper().treeToValue(json, d.payloadClass())).isEqualTo(sample);
        }));
    }

    @TestFactory
    Stream<DynamicTest> schemasRejectAPayloadWithoutARequiredField() {
        return EventCatalog.all().stream().map(d -> DynamicTest.dynamicTest(d.type(), () -> {
            ObjectNode json = EventJson.mapper().valueToTree(SamplePayloads.instantiate(d.payloadClass()));
            json.remove("initiativeId");
            assertThat(EventSchemas.violations(d, json)).anySatisfy(v -> assertThat(v).contains("initiativeId"));
        }));
    }

    @Test
    void schemasRejectAWronglyTypedField() {
        EventDescriptor joined = EventCatalog.of(PartnerJoined.class);
        ObjectNode json = EventJson.mapper().valueToTree(SamplePayloads.instantiate(PartnerJoined.class));
        json.put("sector", "MILITARY");
        assertThat(EventSchemas.violations(joined, json)).isNotEmpty();
    }

    @Test
    void typeNamesFollowTheConvention() {
        assertThatThrownBy(() -> new EventDescriptor("agenda.created", PartnerJoined.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EventCatalog.all()).allSatisfy(d -> assertThat(d.majorVersion()).isEqualTo(1));
    }

    static JsonNode readSchema(EventDescriptor descriptor) throws IOException {
        try (InputStream in = EventSchemas.openSchema(descriptor)) {
            return EventJson.mapper().readTree(in);
        }
    }
}
