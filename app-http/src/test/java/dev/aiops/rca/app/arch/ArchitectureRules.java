package dev.aiops.rca.app.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The dependency rules of the hexagon, by name; applied to the product and to a violating fixture. */
final class ArchitectureRules {

  /**
   * The application classes that may build or read adapters' types: the composition root ({@code Wiring}, which
   * builds the driven side, and {@code RcaService}, which starts the driving side over it), the two settings
   * readers that turn the environment into adapters' settings records ({@code Integrations}, {@code WebSettings}),
   * and the command line (including the evaluation, which reads case files with the adapters' run mappers).
   */
  private static final DescribedPredicate<JavaClass> APP_THAT_BUILDS_ADAPTERS =
      belongTo(simpleName("Wiring").or(simpleName("RcaService")).and(resideInAPackage("..rca.app")))
          .or(belongTo(simpleName("Integrations").or(simpleName("WebSettings")).or(simpleName("NotifierSettings"))
              .and(resideInAPackage("..rca.app.config"))))
          .or(resideInAnyPackage("..rca.app.cli.."))
          .as("the composition root, its settings readers and the command line");

  static final ArchRule HEXAGON_IS_RESPECTED = onionArchitecture()
      .domainModels("..rca.domain..")
      .domainServices("..rca.port..")
      .applicationServices("..rca.core..")
      .adapter("databricks", "..rca.adapter.databricks..")
      .adapter("adf", "..rca.adapter.adf..")
      .adapter("gemini", "..rca.adapter.gemini..")
      .adapter("jira", "..rca.adapter.jira..")
      .adapter("servicenow", "..rca.adapter.servicenow..")
      .adapter("slack", "..rca.adapter.slack..")
      .adapter("email", "..rca.adapter.email..")
      .adapter("teams", "..rca.adapter.teams..")
      .adapter("pagerduty", "..rca.adapter.pagerduty..")
      .adapter("jdbc", "..rca.adapter.jdbc..")
      .adapter("web", "..rca.adapter.web..")
      // The in-memory implementations of the ports, shipped in rca-testkit, are adapters too.
      .adapter("testkit", "..rca.testkit..")
      .withOptionalLayers(true)
      // The application sees the inside of the hexagon by design; adapters only where it builds them.
      .ignoreDependency(resideInAPackage("..rca.app.."), resideOutsideOfPackage("..rca.adapter.."))
      .ignoreDependency(APP_THAT_BUILDS_ADAPTERS, resideInAPackage("..rca.adapter.."))
      // The embedding facade is the composition root the app is built on: it sees every layer, and builds adapters.
      .ignoreDependency(resideInAPackage("..rca.assistant.."), DescribedPredicate.alwaysTrue())
      // The Spring Boot starter is another composition root, for embedding applications: it builds adapters from
      // rca.* properties and hands them to the facade.
      .ignoreDependency(resideInAPackage("..rca.spring.."), DescribedPredicate.alwaysTrue())
      // The HTTP plumbing the adapters share is not a layer: it speaks the ports' exceptions (package rca.port
      // itself, not port.in or port.out), and HTTP_SUPPORT_DEPENDS_ON_NO_ADAPTER_CORE_OR_APP bounds the rest.
      .ignoreDependency(resideInAPackage("..rca.http.."), resideInAPackage("..rca.port"));

  static final ArchRule CORE_AND_PORTS_USE_ONLY_JAVA_AND_SLF4J = noClasses()
      .that().resideInAnyPackage("..rca.domain..", "..rca.port..", "..rca.core..")
      .should().dependOnClassesThat().resideOutsideOfPackages(
          "java..", "org.slf4j..", "..rca.domain..", "..rca.port..", "..rca.core..");

  // The embedding facade (rca-assistant) and the Spring Boot starter build adapters from settings too.
  static final ArchRule ONLY_APP_DEPENDS_ON_ADAPTERS = noClasses()
      .that().resideOutsideOfPackages("..rca.app..", "..rca.adapter..", "..rca.assistant..", "..rca.spring..")
      .should().dependOnClassesThat().resideInAPackage("..rca.adapter..");

  // The facade sits on top of the core and the adapters: none of them may know it.
  static final ArchRule NOTHING_INSIDE_DEPENDS_ON_THE_FACADE = noClasses()
      .that().resideInAnyPackage("..rca.domain..", "..rca.port..", "..rca.core..", "..rca.adapter..", "..rca.http..")
      .should().dependOnClassesThat().resideInAPackage("..rca.assistant..");

  private static final DescribedPredicate<JavaClass> ASSEMBLY_PARTS =
      simpleName("HandleFailureService").or(simpleName("PipelinePorts")).or(simpleName("DeliveryWorkers"))
          .and(resideInAPackage("..rca.core.."));

  // One assembly: only the facade puts the pipeline, its ports and the inbox workers together (Wiring uses it).
  // The parts' own constructors may delegate to each other.
  static final ArchRule ONLY_THE_FACADE_ASSEMBLES_THE_PIPELINE = noClasses()
      .that().resideOutsideOfPackage("..rca.assistant..").and(DescribedPredicate.not(ASSEMBLY_PARTS))
      .should().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(ASSEMBLY_PARTS)))
      .as("no classes outside the facade should build HandleFailureService, PipelinePorts or DeliveryWorkers");

  // The Spring Boot starter is for embedding applications: the service and everything inside stay free of it.
  static final ArchRule NOTHING_DEPENDS_ON_THE_STARTER = noClasses()
      .that().resideOutsideOfPackage("..rca.spring..")
      .should().dependOnClassesThat().resideInAPackage("..rca.spring..");

  // The shared HTTP plumbing sits below the adapters: it may know the ports' exceptions, never an adapter's words.
  // The driving web side sees the application through its driving ports only: never the driven ports, core, other
  // adapters or the app. The libraries are named, so that a new one is a decision rather than an accident.
  static final ArchRule WEB_ADAPTER_USES_ONLY_DOMAIN_DRIVING_PORTS_AND_LIBRARIES = classes()
      .that().resideInAPackage("..rca.adapter.web..")
      .should().onlyDependOnClassesThat(resideInAnyPackage(
              "..rca.domain..", "..rca.port.in..", "..rca.adapter.web..",
              "java..", "jakarta.servlet..", "io.javalin..", "kotlin..", "com.fasterxml.jackson..", "io.micrometer..",
              "org.slf4j..", "org.bouncycastle..",
              // The JDK's HMAC, for Slack's request signature.
              "javax.crypto..",
              // Jetty, under Javalin: the HTTP deadlines watch its connections, and a client gone is its EofException.
              "org.eclipse.jetty..")
          // The port exceptions (PortException and its family) live in package rca.port itself.
          .or(resideInAPackage("..rca.port"))
          .as("the domain, the driving ports, the port exceptions, its own classes and its libraries"));

  // The testkit is what an embedder runs against their own adapter: the ports and the test libraries only, so that
  // depending on it brings nothing else onto their test classpath.
  static final ArchRule TESTKIT_USES_ONLY_PORTS_AND_TEST_LIBRARIES = classes()
      .that().resideInAPackage("..rca.testkit..")
      .should().onlyDependOnClassesThat(resideInAnyPackage(
          "..rca.domain..", "..rca.port..", "..rca.testkit..", "java..", "org.junit..", "org.assertj.."))
      .as("classes that reside in the testkit should only depend on the domain, the ports, JUnit and AssertJ");

  // In-memory fakes in production would lose incidents on restart; the testkit is a test-scope dependency only.
  static final ArchRule PRODUCT_DOES_NOT_DEPEND_ON_TESTKIT = noClasses()
      .that().resideOutsideOfPackage("..rca.testkit..")
      .should().dependOnClassesThat().resideInAPackage("..rca.testkit..");

  static final ArchRule HTTP_SUPPORT_DEPENDS_ON_NO_ADAPTER_CORE_OR_APP = noClasses()
      .that().resideInAPackage("..rca.http..")
      .should().dependOnClassesThat().resideInAnyPackage("..rca.adapter..", "..rca.core..", "..rca.app..");

  static final ArchRule PORT_IN_AND_PORT_OUT_ARE_INDEPENDENT = noClasses()
      .that().resideInAPackage("..rca.port.in..")
      .should().dependOnClassesThat().resideInAPackage("..rca.port.out..")
      .orShould().dependOnClassesThat().resideInAPackage("..rca.core..");

  static final ArchRule PORT_OUT_CONTAINS_ONLY_INTERFACES = classes()
      .that().resideInAPackage("..rca.port.out..")
      .should().beInterfaces();

  static final ArchRule DOMAIN_TYPES_ARE_RECORDS = classes()
      .that().resideInAPackage("..rca.domain..")
      .and().areTopLevelClasses()
      .and().areNotEnums()
      .and().areNotInterfaces()
      .should().beRecords();

  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("..rca.(*)..").should().beFreeOfCycles();

  static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

  static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  private ArchitectureRules() {}
}
