package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

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

  @Test
  void should_end_every_paragraph_of_every_help_with_a_full_sentence() {
    // picocli prints each description element as its own paragraph and lists a command by its first one: an element
    // that stops mid-sentence shows a cut sentence. Options without a description show a blank line.
    List<String> unfinished = new ArrayList<>();
    collectUnfinished(Main.commandLine(), unfinished);

    assertThat(unfinished).isEmpty();
  }

  @Test
  void should_exit_non_zero_with_a_one_line_reason_when_diagnose_is_given_no_subcommand() {
    Ran ran = runAny("diagnose");

    assertThat(ran.exit()).isEqualTo(2);
    assertThat(ran.err().strip()).doesNotContain("\n").contains("adf", "databricks");
  }

  @Test
  void should_exit_non_zero_with_a_one_line_reason_when_eval_finds_no_case(@TempDir Path empty) {
    Ran ran = runAny("eval", empty.toString());

    assertThat(ran.exit()).isEqualTo(1);
    assertThat(ran.err().strip()).doesNotContain("\n").contains("no labelled case", empty.toString());
  }

  private static void collectUnfinished(CommandLine command, List<String> unfinished) {
    String name = command.getCommandSpec().qualifiedName();
    for (String paragraph : command.getCommandSpec().usageMessage().description()) {
      if (!paragraph.strip().endsWith(".")) {
        unfinished.add(name + ": " + paragraph);
      }
    }
    List<ArgSpec> args = new ArrayList<>(command.getCommandSpec().options());
    args.addAll(command.getCommandSpec().positionalParameters());
    for (ArgSpec arg : args) {
      String[] description = arg.description();
      if (description.length == 0 || !description[description.length - 1].strip().endsWith(".")
          || description.length > 1) {
        unfinished.add(name + " " + arg.paramLabel() + ": " + String.join("|", description));
      }
    }
    command.getSubcommands().values().forEach(sub -> collectUnfinished(sub, unfinished));
  }

  private record Ran(int exit, String out, String err) {}

  private static Ran runAny(String... args) {
    CommandLine commandLine = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Ran(exit, out.toString(), err.toString());
  }
}
