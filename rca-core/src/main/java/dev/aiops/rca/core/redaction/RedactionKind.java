package dev.aiops.rca.core.redaction;

/** What a redacted piece of text was; it names the placeholder, such as {@code [REDACTED:JWT]}. */
public enum RedactionKind {
  /** A configured secret of the service itself, found verbatim. */
  KNOWN_SECRET,
  PRIVATE_KEY,
  JWT,
  BEARER_TOKEN,
  BASIC_AUTH,
  DATABRICKS_TOKEN,
  SLACK_TOKEN,
  SLACK_WEBHOOK,
  /** Cloud and SaaS keys with a recognisable prefix: GitHub, AWS, Google, OpenAI, Anthropic. */
  API_KEY,
  AZURE_SAS_SIGNATURE,
  AZURE_STORAGE_KEY,
  CLIENT_SECRET,
  /** The password part of {@code scheme://user:password@host}. */
  URL_PASSWORD,
  /** The value of a {@code password=}-style pair. */
  PASSWORD,
  /** The value of any other setting named like a secret ({@code api_key}, {@code token}, {@code account.key}). */
  SECRET_SETTING,
  EMAIL,
  /** A row value printed by a constraint or cast error. */
  DATA_VALUE;

  /** The text that replaces a value of this kind. */
  public String placeholder() {
    return "[REDACTED:" + name() + "]";
  }
}
