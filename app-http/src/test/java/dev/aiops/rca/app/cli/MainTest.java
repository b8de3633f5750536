package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  private static String run(String... args) {
    CommandLine commandLine = Main.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    assertThat(commandLine.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void should_list_every_command_when_asked_for_help() {
    String help = run("--help");

    assertThat(help).contains("Usage: rca-assistant");
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      assertThat(help).contains(command);
    }
    assertThat(Main.commandLine().getSubcommands()).containsKey("serve");
  }

  @Test
  void should_give_each_command_its_own_help_when_asked() {
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      assertThat(run(command, "--help")).contains("Usage: rca-assistant " + command);
    }
  }
}
