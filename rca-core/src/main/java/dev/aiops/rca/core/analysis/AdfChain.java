package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.classify.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ADF copy chain ({@code ErrorCode=X,'Type=A,Message=...,Source=...,''Type=B,Message=...,SqlErrorNumber=208}):
 * every {@code Message=} is a statement, innermost last, read together with the codes of its own {@code Type=}
 * segment (the first segment also owns the chain's leading {@code ErrorCode=}).
 *
 * @param messages the chain's messages in order, each with the verdict it stands with
 * @param leadingCodes the chain's leading {@code ErrorCode=} codes when no message states a cause, to stand as the
 *     cause themselves; empty otherwise
 */
record AdfChain(List<Message> messages, List<String> leadingCodes) {

  // ADF copy chains span lines ("A database\n operation failed"), so they are read whole when small enough.
  private static final int MAX_CHAIN = 256 * 1024;
  private static final int MAX_CODES = 16;

  private static final Pattern ERROR_CODE = Pattern.compile("ErrorCode=([A-Za-z][\\w-]*)");
  private static final Pattern SQL_NUMBER = Pattern.compile("(?:SqlErrorNumber=|Sql error number: )(\\d+)");
  private static final Pattern CHAIN_MESSAGE = Pattern.compile(
      "(?<![\\w])(Storage)?(?:Extended)?Message=(.*?)(?=,Source=|,''Type=|,},|,StorageExtendedMessage=|\\s*RequestId:"
          + "|,,|',|'$|$)",
      Pattern.DOTALL);
  private static final Pattern CHAIN_TYPE = Pattern.compile("(?<=')Type=|(?<=,)Type=");

  /** One {@code Message=} of a chain, cut, with its verdict. */
  record Message(String text, Optional<Verdict> verdict) {}

  AdfChain {
    messages = List.copyOf(messages);
    leadingCodes = List.copyOf(leadingCodes);
  }

  /** Whether the text is a chain small enough to be read whole. */
  static boolean isChain(String text) {
    return text.length() <= MAX_CHAIN && text.contains("Message=") && text.contains("Type=");
  }

  /** Adds the codes the text's head names ({@code ErrorCode=}, SQL error numbers), up to 16 in all. */
  static void collectCodes(String text, Set<String> codes) {
    String head = text.length() > MAX_CHAIN ? text.substring(0, MAX_CHAIN) : text;
    Matcher code = ERROR_CODE.matcher(head);
    while (code.find() && codes.size() < MAX_CODES) {
      codes.add(code.group(1));
    }
    Matcher number = SQL_NUMBER.matcher(head);
    while (number.find() && codes.size() < MAX_CODES) {
      codes.add("SQL" + number.group(1));
    }
  }

  /** Reads the chain, its wrappers already peeled off. */
  static AdfChain read(String chain, StatementVerdicts verdicts) {
    List<Integer> starts = new ArrayList<>();
    Matcher type = CHAIN_TYPE.matcher(chain);
    while (type.find()) {
      starts.add(type.start());
    }
    String leading = starts.isEmpty() ? chain : chain.substring(0, starts.get(0));
    if (starts.isEmpty() || starts.get(0) > 0) {
      starts.add(0, 0);
    }
    // Pass one: each message's own verdict, to find the chain's most telling message.
    List<Message> statements = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      String segment = chain.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : chain.length());
      Matcher messages = CHAIN_MESSAGE.matcher(segment);
      while (messages.find()) {
        String message = messages.group(2).strip().replaceAll("\\s+", " ");
        if (!message.isEmpty()) {
          String statement = EvidenceScanner.cut(message, EvidenceScanner.MAX_STATEMENT);
          String codes = segment.substring(0, messages.start()) + " " + segment.substring(messages.end());
          statements.add(new Message(statement, verdicts.of(statement, codes, 0)));
        }
      }
    }
    // The leading ErrorCode= is the chain's own code: it decides the category of the chain's most telling message,
    // or, when no message states a cause, stands as the cause itself.
    Optional<Verdict> chainCode = verdicts.ofCode(leading);
    int telling = -1;
    int tellingStrength = 0;
    for (int i = 0; i < statements.size(); i++) {
      int strength = statements.get(i).verdict().map(Verdict::strength).orElse(0);
      if (strength > 0 && strength >= tellingStrength) {
        telling = i;
        tellingStrength = strength;
      }
    }
    if (telling >= 0 && chainCode.isPresent() && chainCode.get().strength() > tellingStrength) {
      statements.set(telling, new Message(statements.get(telling).text(), chainCode));
    }
    List<String> leadingCodes = new ArrayList<>();
    if (telling < 0 && chainCode.isPresent()) {
      Matcher codeMatcher = ERROR_CODE.matcher(leading.isEmpty() ? chain : leading);
      while (codeMatcher.find()) {
        leadingCodes.add(codeMatcher.group(1));
      }
    }
    return new AdfChain(statements, leadingCodes);
  }
}
