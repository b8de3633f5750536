package dev.aiops.rca.adapter.web.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RemediationAction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One press of an incident card's Approve or Decline button, read from Slack's {@code block_actions} payload: a
 * form body whose one field {@code payload} holds the JSON.
 *
 * @param userId who pressed, such as {@code U0123ABCD}
 * @param userName their Slack user name, for the audit trail; may be empty
 * @param approve true for Approve, false for Decline
 * @param incident the incident the button's value names
 * @param action the remediation the button's value names
 * @param run the run the suggested plan acts on, as the button's value names it ({@code DATABRICKS:7})
 * @param triggerId Slack's id of this press
 * @param responseUrl where a reply to the presser goes; may be empty
 */
record SlackPress(String userId, String userName, boolean approve, IncidentId incident, RemediationAction action,
    String run, String triggerId, String responseUrl) {

  /** The {@code action_id} of the Approve button, as the Slack adapter draws it. */
  static final String APPROVE = "rca_approve";
  /** The {@code action_id} of the Decline button. */
  static final String DECLINE = "rca_decline";

  private static final ObjectMapper JSON = new ObjectMapper();

  SlackPress {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(triggerId, "triggerId");
    Objects.requireNonNull(responseUrl, "responseUrl");
  }

  /**
   * The press in a signed body; empty when the body is another interaction (a link button, a shortcut), which is
   * not ours to act on.
   *
   * @throws IllegalArgumentException when the body is not a Slack interaction at all
   */
  static Optional<SlackPress> read(byte[] body) {
    String payload = null;
    for (String field : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (field.startsWith("payload=")) {
        payload = URLDecoder.decode(field.substring("payload=".length()), StandardCharsets.UTF_8);
      }
    }
    if (payload == null) {
      throw new IllegalArgumentException("the body has no payload field");
    }
    JsonNode root;
    try {
      root = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the payload is not JSON");
    }
    if (root == null || !"block_actions".equals(root.path("type").asText())) {
      return Optional.empty();
    }
    JsonNode pressed = root.path("actions").path(0);
    String actionId = pressed.path("action_id").asText();
    String userId = root.path("user").path("id").asText();
    if ((!actionId.equals(APPROVE) && !actionId.equals(DECLINE)) || userId.isBlank()) {
      return Optional.empty();
    }
    String[] value = pressed.path("value").asText().split("/", 3);
    if (value.length != 3) {
      throw new IllegalArgumentException("the button's value is not incident/action/run");
    }
    IncidentId incident;
    RemediationAction action;
    try {
      incident = new IncidentId(Long.parseLong(value[0]));
      action = RemediationAction.valueOf(value[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the button's value names no incident and action");
    }
    String userName = root.path("user").path("username").asText(root.path("user").path("name").asText(""));
    return Optional.of(new SlackPress(userId, userName, actionId.equals(APPROVE), incident, action, value[2],
        root.path("trigger_id").asText(""), root.path("response_url").asText("")));
  }

  /** Who decided, as the audit trail names them: {@code slack:U0123ABCD (alice)}. */
  String actor() {
    // The name is the user's own choice: only the characters Slack allows in user names reach the audit trail.
    String name = userName.replaceAll("[^A-Za-z0-9._-]", "");
    return "slack:" + userId.replaceAll("[^A-Za-z0-9]", "") + (name.isEmpty() ? "" : " (" + name + ")");
  }
}
