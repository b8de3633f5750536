package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AnalyzeCommandTest {

  @Test
  void should_print_one_json_line_per_case_with_the_ticket_text_when_given_a_case_file() throws Exception {
    CommandLine commandLine = Main.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));

    int exit = commandLine.execute("analyze", "../eval/cases/dbx-ucx-assessment-inventory-table-not-found.json");

    assertThat(exit).isZero();
    JsonNode line = new ObjectMapper().readTree(out.toString().strip());
    assertThat(line.path("category").asText()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
    assertThat(line.path("failed_task").asText()).isEqualTo("guess_external_locations");
    assertThat(line.path("signature").asText()).hasSize(64);
    assertThat(line.path("rca").asText()).contains("Root cause:").contains("inventory_database");
  }
}
