package io.bokit.core.ical;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import net.fortuna.ical4j.model.Recur;

@AnalyzeClasses(packages = "io.bokit.core.ical", importOptions = ImportOption.DoNotIncludeTests.class)
class IcalArchitectureTest {

    @ArchTest
    static final ArchRule parserUsesOnlyTheRecurrenceRulesOfIcal4j = classes()
            .that()
            .resideInAPackage("io.bokit.core.ical")
            .should()
            .onlyDependOnClassesThat(
                    resideInAnyPackage("java..", "org.slf4j..", "io.bokit.core.domain..", "io.bokit.core.ical..")
                            .or(belongToAnyOf(Recur.class)))
            .because("the parser lexes content lines itself (ical4j's parser fails a whole feed on one bad line) and"
                    + " uses ical4j only to expand RRULEs; its object model is slow and its time-zone registry may"
                    + " reach the network");

    @ArchTest
    static final ArchRule onlyTheApiIsPublic = classes()
            .that()
            .resideInAPackage("io.bokit.core.ical")
            .and()
            .arePublic()
            .should()
            .haveSimpleNameEndingWith("Parser")
            .orShould()
            .haveSimpleNameStartingWith("Parse")
            .because("the public API is ICalParser, ParseContext and ParsedFeed; the rest stays internal");
}
