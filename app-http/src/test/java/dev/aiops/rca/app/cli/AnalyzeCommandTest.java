package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void should_print_a_one_line_reason_and_no_stack_trace_when_a_file_is_not_a_case(@TempDir Path dir)
      throws Exception {
    Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello, not a case\n");
    Path noInput = Files.writeString(dir.resolve("other.json"), "{\"id\": \"x\"}");

    for (Path file : new Path[] {notJson, noInput, dir.resolve("missing.json")}) {
      CommandLine commandLine = Main.commandLine();
      StringWriter err = new StringWriter();
      commandLine.setOut(new PrintWriter(new StringWriter()));
      commandLine.setErr(new PrintWriter(err, true));

      int exit = commandLine.execute("analyze", file.toString());

      assertThat(exit).as(file.toString()).isEqualTo(1);
      assertThat(err.toString().strip()).doesNotContain("\n", "\tat ", "Exception").contains(file.toString());
    }
  }

  @Test
  void should_exit_1_when_a_folder_holds_no_case(@TempDir Path dir) {
    CommandLine commandLine = Main.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));

    assertThat(commandLine.execute("analyze", dir.toString())).isEqualTo(1);
    assertThat(err.toString().strip()).doesNotContain("\n").contains("no case", dir.toString());
  }
}
