package org.backbone.kit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers every service keeps, checked by ArchUnit: {@code api} and {@code events} (the ways in)
 * → {@code service} (transactions) → {@code persistence} (entities, repositories, SQL) and
 * {@code domain} (rules, plain Java). A layer never uses one above it; {@code domain} uses nothing but
 * {@code java.*}, the event contracts and the kit's pure {@code org.backbone.kit.domain}.
 *
 * <pre>
 * &#64;Test
 * void layersAreKept() {
 *     Layers.check("org.backbone.agenda");
 * }
 * </pre>
 */
public final class Layers {

    private Layers() {
    }

    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api").definedBy(basePackage + ".api..")
                .layer("events").definedBy(basePackage + ".events..")
                .layer("service").definedBy(basePackage + ".service..")
                .layer("persistence").definedBy(basePackage + ".persistence..")
                .layer("domain").definedBy(basePackage + ".domain..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("events").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "events")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("api", "events", "service")
                .check(classes);
        noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.backbone.contracts..",
                        "org.backbone.kit.domain..", basePackage + ".domain..")
                .allowEmptyShould(true)
                .because("domain rules are plain Java, unit-tested without Quarkus")
                .check(classes);
    }
}
