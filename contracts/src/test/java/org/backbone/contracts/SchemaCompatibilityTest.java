package org.backbone.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds every published schema against the baseline copy in {@code src/test/resources/schema-baseline/v1}.
 * When a change is additive and intended, copy the new schema over its baseline in the same commit.
 */
class SchemaCompatibilityTest {

    private static final Path BASELINE = Path.of("src/test/resources/schema-baseline/v1");

    @TestFactory
    Stream<DynamicTest> everyPublishedSchemaIsStillCompatible() throws IOException {
        try (Stream<Path> files = Files.list(BASELINE)) {
            return files.sorted().toList().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                String type = file.getFileName().toString().replaceFirst("\\.json$", "");
                assertThat(EventCatalog.byType(type)).as("published type %s still in the catalogue", type).isPresent();
                JsonNode published = EventJson.mapper().readTree(file.toFile());
                JsonNode current;
                try (InputStream in = EventSchemas.openSchema(EventCatalog.byType(type).orElseThrow())) {
                    current = EventJson.mapper().readTree(in);
                }
                assertThat(SchemaCompatibility.breakingChanges(published, current)).isEmpty();
            }));
        }
    }

    @Test
    void addingAnOptionalFieldIsCompatible() {
        assertThat(SchemaCompatibility.breakingChanges(
                json("{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}"),
                json("{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}},'required':['a']}")))
                .isEmpty();
    }

    @Test
    void removingOrRenamingAFieldBreaks() {
        assertThat(SchemaCompatibility.breakingChanges(
                json("{'type':'object','properties':{'a':{'type':'string'}}}"),
                json("{'type':'object','properties':{'renamed':{'type':'string'}}}")))
                .containsExactly("$.a: removed");
    }

    @Test
    void retypingAFieldBreaks() {
        assertThat(SchemaCompatibility.breakingChanges(
                json("{'type':'object','properties':{'a':{'type':'string','format':'uuid'}}}"),
                json("{'type':'object','properties':{'a':{'type':'string','format':'date'}}}")))
                .containsExactly("$.a: format changed from \"uuid\" to \"date\"");
    }

    @Test
    void aNewRequiredFieldBreaks() {
        assertThat(SchemaCompatibility.breakingChanges(
                json("{'type':'object','properties':{'a':{'type':'string'}}}"),
                json("{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},'required':['b']}")))
                .containsExactly("$.b: became required");
    }

    @Test
    void changesInsideReferencedDefinitionsAndArraysAreFound() {
        JsonNode published = json("{'type':'object','properties':{'goals':{'type':'array','items':{'$ref':'#/$defs/G'}},"
                + "'h':{'$ref':'#/$defs/H'}},'$defs':{'G':{'type':'object','properties':{'id':{'type':'string'}}},"
                + "'H':{'type':'string','enum':['A','B']}}}");
        JsonNode current = json("{'type':'object','properties':{'goals':{'type':'array','items':{'$ref':'#/$defs/G'}},"
                + "'h':{'$ref':'#/$defs/H'}},'$defs':{'G':{'type':'object','properties':{'id':{'type':'integer'}}},"
                + "'H':{'type':'string','enum':['A','C']}}}");
        assertThat(SchemaCompatibility.breakingChanges(published, current)).containsExactlyInAnyOrder(
                "$.goals[].id: type changed from \"string\" to \"integer\"",
                "$.h: enum value \"B\" removed");
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return EventJson.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
