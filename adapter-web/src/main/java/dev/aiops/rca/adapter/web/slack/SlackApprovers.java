package dev.aiops.rca.adapter.web.slack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may approve or decline a remediation from Slack ({@code RCA_APPROVERS}): Slack user ids such as
 * {@code U0123ABCD}, and e-mail addresses, matched against the address Slack shows for the user who pressed.
 *
 * @param userIds Slack user ids, upper case
 * @param emails e-mail addresses, lower case
 */
public record SlackApprovers(Set<String> userIds, Set<String> emails) {

  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");

  /** Nobody: no button is shown, and every press is refused. */
  public static final SlackApprovers NOBODY = new SlackApprovers(Set.of(), Set.of());

  public SlackApprovers {
    userIds = Set.copyOf(userIds);
    emails = Set.copyOf(emails);
    userIds.forEach(id -> {
      if (!USER_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("approver '" + id + "' is not a Slack user id such as U0123ABCD");
      }
    });
    emails.forEach(email -> {
      if (!EMAIL.matcher(email).matches() || !email.equals(email.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("approver '" + email + "' is not a lower-case e-mail address");
      }
    });
  }

  /**
   * Reads a comma-separated list; blanks are skipped, e-mail addresses lower-cased.
   *
   * @throws IllegalArgumentException naming every entry that is neither a Slack user id nor an e-mail address
   */
  public static SlackApprovers parse(String list) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> emails = new LinkedHashSet<>();
    List<String> bad = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (USER_ID.matcher(entry).matches()) {
        ids.add(entry);
      } else if (EMAIL.matcher(entry).matches()) {
        emails.add(entry.toLowerCase(Locale.ROOT));
      } else {
        bad.add("'" + entry + "'");
      }
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException("RCA_APPROVERS takes Slack user ids (U0123ABCD) and e-mail addresses, "
          + "separated by commas; not " + String.join(", ", bad));
    }
    return new SlackApprovers(ids, emails);
  }

  /** Whether nobody is listed. */
  public boolean isEmpty() {
    return userIds.isEmpty() && emails.isEmpty();
  }

  /** How many are listed, for the start-up notes (never who). */
  public String describe() {
    return userIds.size() + " Slack user id(s), " + emails.size() + " e-mail address(es)";
  }

  // Addresses are people's: the settings' printout counts them and names nobody.
  @Override
  public String toString() {
    return "SlackApprovers[" + describe() + "]";
  }
}
