package dev.aiops.rca.app.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The product's classes, from every module, obey the hexagon's rules. */
@AnalyzeClasses(packages = "dev.aiops.rca",
    importOptions = {ImportOption.DoNotIncludeTests.class, DoNotIncludeTestJars.class})
class ArchitectureTest {

  @ArchTest
  static final ArchRule hexagon_is_respected = ArchitectureRules.HEXAGON_IS_RESPECTED;

  @ArchTest
  static final ArchRule core_and_ports_use_only_java_and_slf4j = ArchitectureRules.CORE_AND_PORTS_USE_ONLY_JAVA_AND_SLF4J;

  @ArchTest
  static final ArchRule only_app_depends_on_adapters = ArchitectureRules.ONLY_APP_DEPENDS_ON_ADAPTERS;

  @ArchTest
  static final ArchRule nothing_inside_depends_on_the_facade = ArchitectureRules.NOTHING_INSIDE_DEPENDS_ON_THE_FACADE;

  @ArchTest
  static final ArchRule only_the_facade_assembles_the_pipeline =
      ArchitectureRules.ONLY_THE_FACADE_ASSEMBLES_THE_PIPELINE;

  @ArchTest
  static final ArchRule nothing_depends_on_the_starter = ArchitectureRules.NOTHING_DEPENDS_ON_THE_STARTER;

  @ArchTest
  static final ArchRule web_adapter_uses_only_domain_driving_ports_and_libraries =
      ArchitectureRules.WEB_ADAPTER_USES_ONLY_DOMAIN_DRIVING_PORTS_AND_LIBRARIES;

  @ArchTest
  static final ArchRule http_support_depends_on_no_adapter_core_or_app =
      ArchitectureRules.HTTP_SUPPORT_DEPENDS_ON_NO_ADAPTER_CORE_OR_APP;

  @ArchTest
  static final ArchRule testkit_uses_only_ports_and_test_libraries =
      ArchitectureRules.TESTKIT_USES_ONLY_PORTS_AND_TEST_LIBRARIES;

  @ArchTest
  static final ArchRule product_does_not_depend_on_testkit = ArchitectureRules.PRODUCT_DOES_NOT_DEPEND_ON_TESTKIT;

  @ArchTest
  static final ArchRule port_in_and_port_out_are_independent = ArchitectureRules.PORT_IN_AND_PORT_OUT_ARE_INDEPENDENT;

  @ArchTest
  static final ArchRule port_out_contains_only_interfaces = ArchitectureRules.PORT_OUT_CONTAINS_ONLY_INTERFACES;

  @ArchTest
  static final ArchRule domain_types_are_records = ArchitectureRules.DOMAIN_TYPES_ARE_RECORDS;

  @ArchTest
  static final ArchRule no_package_cycles = ArchitectureRules.NO_PACKAGE_CYCLES;

  @ArchTest
  static final ArchRule no_java_util_logging = ArchitectureRules.NO_JAVA_UTIL_LOGGING;

  @ArchTest
  static final ArchRule no_standard_streams = ArchitectureRules.NO_STANDARD_STREAMS;

  @ArchTest
  static final ArchRule no_generic_exceptions = ArchitectureRules.NO_GENERIC_EXCEPTIONS;
}
