package dev.aiops.rca.app.arch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule fails on a fixture that breaks it on purpose, so that a passing rule means something. */
class ArchitectureRulesBiteTest {

  private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages("dev.aiops.violating");

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("hexagon_is_respected", ArchitectureRules.HEXAGON_IS_RESPECTED, "JiraTracker"),
        Arguments.of("core_and_ports_use_only_java_and_slf4j",
            ArchitectureRules.CORE_AND_PORTS_USE_ONLY_JAVA_AND_SLF4J, "picocli"),
        Arguments.of("only_app_depends_on_adapters", ArchitectureRules.ONLY_APP_DEPENDS_ON_ADAPTERS, "Pipeline"),
        Arguments.of("nothing_inside_depends_on_the_facade", ArchitectureRules.NOTHING_INSIDE_DEPENDS_ON_THE_FACADE,
            "AssistedTracker"),
        Arguments.of("only_the_facade_assembles_the_pipeline",
            ArchitectureRules.ONLY_THE_FACADE_ASSEMBLES_THE_PIPELINE, "SecondAssembly"),
        Arguments.of("nothing_depends_on_the_starter", ArchitectureRules.NOTHING_DEPENDS_ON_THE_STARTER,
            "StarterUser"),
        Arguments.of("hexagon_is_respected_by_app_classes_outside_the_composition_root",
            ArchitectureRules.HEXAGON_IS_RESPECTED, "DemoShortcut"),
        Arguments.of("web_adapter_uses_only_domain_driving_ports_and_libraries",
            ArchitectureRules.WEB_ADAPTER_USES_ONLY_DOMAIN_DRIVING_PORTS_AND_LIBRARIES, "LeakyRoutes"),
        Arguments.of("http_support_depends_on_no_adapter_core_or_app",
            ArchitectureRules.HTTP_SUPPORT_DEPENDS_ON_NO_ADAPTER_CORE_OR_APP, "JiraRetries"),
        Arguments.of("testkit_uses_only_ports_and_test_libraries",
            ArchitectureRules.TESTKIT_USES_ONLY_PORTS_AND_TEST_LIBRARIES, "LoggingFake"),
        Arguments.of("product_does_not_depend_on_testkit", ArchitectureRules.PRODUCT_DOES_NOT_DEPEND_ON_TESTKIT,
            "FakeBackedStore"),
        Arguments.of("port_in_and_port_out_are_independent",
            ArchitectureRules.PORT_IN_AND_PORT_OUT_ARE_INDEPENDENT, "ReportUseCase"),
        Arguments.of("port_out_contains_only_interfaces", ArchitectureRules.PORT_OUT_CONTAINS_ONLY_INTERFACES,
            "ConcreteRepository"),
        Arguments.of("domain_types_are_records", ArchitectureRules.DOMAIN_TYPES_ARE_RECORDS, "MutableIncident"),
        Arguments.of("no_package_cycles", ArchitectureRules.NO_PACKAGE_CYCLES, "cyclea"),
        Arguments.of("no_java_util_logging", ArchitectureRules.NO_JAVA_UTIL_LOGGING, "java.util.logging"),
        Arguments.of("no_standard_streams", ArchitectureRules.NO_STANDARD_STREAMS, "System.out"),
        Arguments.of("no_generic_exceptions", ArchitectureRules.NO_GENERIC_EXCEPTIONS, "RuntimeException"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void should_fail_when_the_fixture_breaks_the_rule(String name, ArchRule rule, String mentioned) {
    assertThatThrownBy(() -> rule.check(VIOLATIONS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(mentioned);
  }
}
