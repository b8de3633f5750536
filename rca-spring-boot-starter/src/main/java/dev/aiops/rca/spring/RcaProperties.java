package dev.aiops.rca.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code rca.*} properties, named after the service's environment settings ({@code rca.api-key} is
 * {@code RCA_API_KEY}, {@code rca.databricks.host} is {@code DATABRICKS_HOST}); checked by {@link RcaSettings}.
 */
@ConfigurationProperties("rca")
public class RcaProperties {

  /** The key webhooks and API clients present in X-API-Key (RCA_API_KEY); at least 24 characters. */
  private String apiKey;
  /** The key operators present to resolve incidents and approve remediations (RCA_OPERATOR_KEY). */
  private String operatorKey;
  /** How many workers process the inbox (RCA_WORKERS), 1 to 64. */
  private int workers = 2;
  private final Databricks databricks = new Databricks();
  private final DataFactory dataFactory = new DataFactory();
  private final Llm llm = new Llm();
  private final Itsm itsm = new Itsm();
  private final Jira jira = new Jira();
  private final Slack slack = new Slack();
  private final Remediation remediation = new Remediation();
  private final Web web = new Web();
  private final ServiceNow servicenow = new ServiceNow();
  private final Teams teams = new Teams();
  private final PagerDuty pagerduty = new PagerDuty();
  private final Email email = new Email();
  /**
   * The notifiers in order, the first primary (RCA_NOTIFIERS): slack, teams, pagerduty, email, log, or the
   * application's own notifier beans by name; every configured one in that order when unset.
   */
  private List<String> notifiers = new ArrayList<>();
  /** The tags that name who pays for a run (RCA_COST_TAG_KEYS). */
  private List<String> costTagKeys = new ArrayList<>(List.of("cost_center", "CostCenter", "team"));
  /**
   * How often tickets that people closed resolve their incidents (RCA_TICKET_SYNC_INTERVAL), such as 5m; 0 for
   * never.
   */
  private String ticketSyncInterval;
  /** How often open incidents' runs are looked at again (RCA_RECOVERY_INTERVAL), such as 5m; 0 for never. */
  private String recoveryInterval;
  /**
   * The routes file, YAML or JSON (RCA_ROUTES_FILE): who owns a failure and where it is told; ${NAME} in it is
   * taken from the application's environment.
   */
  private String routesFile;
  /** The tags that name a job's owner, tried in order (RCA_OWNER_TAG_KEYS). */
  private List<String> ownerTagKeys = new ArrayList<>(List.of("owner", "team"));
  /** The tag that names a job's SLA (RCA_SLA_TAG_KEY). */
  private String slaTagKey = "sla";
  /** Each SLA value and its tier, 1 the most urgent (RCA_SLA_TIERS), such as gold:1,silver:2,bronze:3. */
  private String slaTiers;
  /** The occurrence from which an incident's priority rises one step (RCA_PRIORITY_RECURRENCE), 2 to 1000. */
  private int priorityRecurrence = 3;
  /** The runbook URL template for a category the routes file names none for (RCA_RUNBOOK_URL). */
  private String runbookUrl;

  /** A Databricks workspace failed runs are read from (DATABRICKS_*). */
  public static class Databricks {
    /** The workspace URL (DATABRICKS_HOST). */
    private String host;
    /** A personal access token (DATABRICKS_TOKEN). */
    private String token;
    /** A service principal's OAuth client id (DATABRICKS_CLIENT_ID), with client-secret. */
    private String clientId;
    /** A service principal's OAuth client secret (DATABRICKS_CLIENT_SECRET). */
    private String clientSecret;

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }

    public String getToken() {
      return token;
    }

    public void setToken(String token) {
      this.token = token;
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    public String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
    }
  }

  /** An Azure Data Factory whose failed pipeline runs are read (AZURE_* and ADF_*). */
  public static class DataFactory {
    /** AZURE_SUBSCRIPTION_ID. */
    private String subscriptionId;
    /** ADF_RESOURCE_GROUP. */
    private String resourceGroup;
    /** ADF_FACTORY_NAME. */
    private String factoryName;
    /** AZURE_TENANT_ID (with a client secret). */
    private String tenantId;
    /** AZURE_CLIENT_ID. */
    private String clientId;
    /** AZURE_CLIENT_SECRET. */
    private String clientSecret;
    /** Signs in with the managed identity instead of a client secret (AZURE_USE_MANAGED_IDENTITY). */
    private boolean useManagedIdentity;

    public String getSubscriptionId() {
      return subscriptionId;
    }

    public void setSubscriptionId(String subscriptionId) {
      this.subscriptionId = subscriptionId;
    }

    public String getResourceGroup() {
      return resourceGroup;
    }

    public void setResourceGroup(String resourceGroup) {
      this.resourceGroup = resourceGroup;
    }

    public String getFactoryName() {
      return factoryName;
    }

    public void setFactoryName(String factoryName) {
      this.factoryName = factoryName;
    }

    public String getTenantId() {
      return tenantId;
    }

    public void setTenantId(String tenantId) {
      this.tenantId = tenantId;
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    public String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
    }

    public boolean isUseManagedIdentity() {
      return useManagedIdentity;
    }

    public void setUseManagedIdentity(boolean useManagedIdentity) {
      this.useManagedIdentity = useManagedIdentity;
    }
  }

  /** The model asked after the rules (LLM_PROVIDER and the provider's *_API_KEY, *_MODEL, *_BASE_URL). */
  public static class Llm {
    /** gemini, openai, azure-openai, anthropic, ollama or none; unset for rules only. */
    private String provider;
    /** The provider's API key (not needed for ollama). */
    private String apiKey;
    /** The model name; the provider's default when unset. */
    private String model;
    /** Another endpoint of the provider's API. */
    private String baseUrl;

    public String getProvider() {
      return provider;
    }

    public void setProvider(String provider) {
      this.provider = provider;
    }

    public String getApiKey() {
      return apiKey;
    }

    public void setApiKey(String apiKey) {
      this.apiKey = apiKey;
    }

    public String getModel() {
      return model;
    }

    public void setModel(String model) {
      this.model = model;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }
  }

  /** The issue tracker (ITSM_TOOL). */
  public static class Itsm {
    /** builtin, jira or servicenow (ITSM_TOOL). */
    private String tool = "builtin";

    public String getTool() {
      return tool;
    }

    public void setTool(String tool) {
      this.tool = tool;
    }
  }

  /** Jira, when rca.itsm.tool is jira (JIRA_*). */
  public static class Jira {
    /** The site, such as acme.atlassian.net (JIRA_DOMAIN). */
    private String domain;
    /** The account's e-mail for Jira Cloud (JIRA_USER_EMAIL); unset for a Data Center personal access token. */
    private String email;
    /** The API token (JIRA_API_TOKEN). */
    private String apiToken;
    /** The project issues are filed in (JIRA_PROJECT_KEY). */
    private String projectKey;

    public String getDomain() {
      return domain;
    }

    public void setDomain(String domain) {
      this.domain = domain;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }

    public String getApiToken() {
      return apiToken;
    }

    public void setApiToken(String apiToken) {
      this.apiToken = apiToken;
    }

    public String getProjectKey() {
      return projectKey;
    }

    public void setProjectKey(String projectKey) {
      this.projectKey = projectKey;
    }
  }

  /** Slack alerts (SLACK_*). */
  public static class Slack {
    /** The bot's token, xoxb-... (SLACK_BOT_TOKEN). */
    private String botToken;
    /** The channel alerts go to (SLACK_ALERT_CHANNEL). */
    private String alertChannel;
    /** Another Web API endpoint, for tests (SLACK_API_URL). */
    private String apiUrl;

    public String getBotToken() {
      return botToken;
    }

    public void setBotToken(String botToken) {
      this.botToken = botToken;
    }

    public String getAlertChannel() {
      return alertChannel;
    }

    public void setAlertChannel(String alertChannel) {
      this.alertChannel = alertChannel;
    }

    public String getApiUrl() {
      return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
      this.apiUrl = apiUrl;
    }
  }

  /** What the assistant may repair on its own (RCA_REMEDIATION_MODE). */
  public static class Remediation {
    /** off, suggest or auto. */
    private String mode = "suggest";
    /** How many repairs are tried on one incident on its own, 0 to 10 (RCA_MAX_AUTO_REPAIRS). */
    private int maxAutoRepairs = 1;

    public int getMaxAutoRepairs() {
      return maxAutoRepairs;
    }

    public void setMaxAutoRepairs(int maxAutoRepairs) {
      this.maxAutoRepairs = maxAutoRepairs;
    }

    public String getMode() {
      return mode;
    }

    public void setMode(String mode) {
      this.mode = mode;
    }
  }

  /** The webhook and API endpoints, served by the application's Spring MVC. */
  public static class Web {
    /** Whether the endpoints are served. */
    private boolean enabled;
    /** The path they are served under. */
    private String basePath = "/rca";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getBasePath() {
      return basePath;
    }

    public void setBasePath(String basePath) {
      this.basePath = basePath;
    }
  }

  /** ServiceNow, when rca.itsm.tool is servicenow (SERVICENOW_*). */
  public static class ServiceNow {
    /** The instance, such as acme.service-now.com (SERVICENOW_INSTANCE). */
    private String instance;
    /** The integration user (SERVICENOW_USER), with password. */
    private String user;
    /** The integration user's password (SERVICENOW_PASSWORD). */
    private String password;
    /** An OAuth bearer token instead of user and password (SERVICENOW_TOKEN). */
    private String token;
    /** The group incidents are assigned to (SERVICENOW_ASSIGNMENT_GROUP). */
    private String assignmentGroup;
    /** The close code set when an incident is resolved (SERVICENOW_CLOSE_CODE). */
    private String closeCode;

    public String getInstance() {
      return instance;
    }

    public void setInstance(String instance) {
      this.instance = instance;
    }

    public String getUser() {
      return user;
    }

    public void setUser(String user) {
      this.user = user;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getToken() {
      return token;
    }

    public void setToken(String token) {
      this.token = token;
    }

    public String getAssignmentGroup() {
      return assignmentGroup;
    }

    public void setAssignmentGroup(String assignmentGroup) {
      this.assignmentGroup = assignmentGroup;
    }

    public String getCloseCode() {
      return closeCode;
    }

    public void setCloseCode(String closeCode) {
      this.closeCode = closeCode;
    }
  }

  /** Microsoft Teams alerts (TEAMS_*). */
  public static class Teams {
    /** The channel's incoming webhook or workflow URL (TEAMS_WEBHOOK_URL); a secret. */
    private String webhookUrl;
    /** At most one follow-up card per incident this often (TEAMS_FOLLOWUP_INTERVAL), such as 1h. */
    private String followupInterval;

    public String getWebhookUrl() {
      return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
      this.webhookUrl = webhookUrl;
    }

    public String getFollowupInterval() {
      return followupInterval;
    }

    public void setFollowupInterval(String followupInterval) {
      this.followupInterval = followupInterval;
    }
  }

  /** PagerDuty pages (PAGERDUTY_*). */
  public static class PagerDuty {
    /** The Events API v2 integration's routing key (PAGERDUTY_ROUTING_KEY); a secret. */
    private String routingKey;
    /** Another Events API endpoint (PAGERDUTY_EVENTS_URL). */
    private String eventsUrl;
    /** The least priority that pages, P1 to P4 (PAGERDUTY_MIN_PRIORITY). */
    private String minPriority;

    public String getRoutingKey() {
      return routingKey;
    }

    public void setRoutingKey(String routingKey) {
      this.routingKey = routingKey;
    }

    public String getEventsUrl() {
      return eventsUrl;
    }

    public void setEventsUrl(String eventsUrl) {
      this.eventsUrl = eventsUrl;
    }

    public String getMinPriority() {
      return minPriority;
    }

    public void setMinPriority(String minPriority) {
      this.minPriority = minPriority;
    }
  }

  /** E-mail alerts over SMTP (SMTP_* and RCA_EMAIL_*). */
  public static class Email {
    /** The SMTP server (SMTP_HOST). */
    private String smtpHost;
    /** Its port (SMTP_PORT); 587 with STARTTLS, else 25. */
    private Integer smtpPort;
    /** The login (SMTP_USER). */
    private String smtpUser;
    /** The login's password (SMTP_PASSWORD). */
    private String smtpPassword;
    /** Whether STARTTLS is required (SMTP_STARTTLS). */
    private boolean smtpStarttls = true;
    /** The sender address (RCA_EMAIL_FROM). */
    private String from;
    /** The recipients when a route names none (RCA_EMAIL_TO). */
    private List<String> to = new ArrayList<>();

    public String getSmtpHost() {
      return smtpHost;
    }

    public void setSmtpHost(String smtpHost) {
      this.smtpHost = smtpHost;
    }

    public Integer getSmtpPort() {
      return smtpPort;
    }

    public void setSmtpPort(Integer smtpPort) {
      this.smtpPort = smtpPort;
    }

    public String getSmtpUser() {
      return smtpUser;
    }

    public void setSmtpUser(String smtpUser) {
      this.smtpUser = smtpUser;
    }

    public String getSmtpPassword() {
      return smtpPassword;
    }

    public void setSmtpPassword(String smtpPassword) {
      this.smtpPassword = smtpPassword;
    }

    public boolean isSmtpStarttls() {
      return smtpStarttls;
    }

    public void setSmtpStarttls(boolean smtpStarttls) {
      this.smtpStarttls = smtpStarttls;
    }

    public String getFrom() {
      return from;
    }

    public void setFrom(String from) {
      this.from = from;
    }

    public List<String> getTo() {
      return to;
    }

    public void setTo(List<String> to) {
      this.to = to;
    }
  }

  public String getApiKey() {
    return apiKey;
  }

  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  public String getOperatorKey() {
    return operatorKey;
  }

  public void setOperatorKey(String operatorKey) {
    this.operatorKey = operatorKey;
  }

  public int getWorkers() {
    return workers;
  }

  public void setWorkers(int workers) {
    this.workers = workers;
  }

  public Databricks getDatabricks() {
    return databricks;
  }

  public DataFactory getDataFactory() {
    return dataFactory;
  }

  public Llm getLlm() {
    return llm;
  }

  public Itsm getItsm() {
    return itsm;
  }

  public Jira getJira() {
    return jira;
  }

  public Slack getSlack() {
    return slack;
  }

  public Remediation getRemediation() {
    return remediation;
  }

  public Web getWeb() {
    return web;
  }

  public ServiceNow getServicenow() {
    return servicenow;
  }

  public Teams getTeams() {
    return teams;
  }

  public PagerDuty getPagerduty() {
    return pagerduty;
  }

  public Email getEmail() {
    return email;
  }

  public List<String> getNotifiers() {
    return notifiers;
  }

  public void setNotifiers(List<String> notifiers) {
    this.notifiers = notifiers;
  }

  public List<String> getCostTagKeys() {
    return costTagKeys;
  }

  public void setCostTagKeys(List<String> costTagKeys) {
    this.costTagKeys = costTagKeys;
  }

  public String getTicketSyncInterval() {
    return ticketSyncInterval;
  }

  public void setTicketSyncInterval(String ticketSyncInterval) {
    this.ticketSyncInterval = ticketSyncInterval;
  }

  public String getRecoveryInterval() {
    return recoveryInterval;
  }

  public void setRecoveryInterval(String recoveryInterval) {
    this.recoveryInterval = recoveryInterval;
  }

  public String getRoutesFile() {
    return routesFile;
  }

  public void setRoutesFile(String routesFile) {
    this.routesFile = routesFile;
  }

  public List<String> getOwnerTagKeys() {
    return ownerTagKeys;
  }

  public void setOwnerTagKeys(List<String> ownerTagKeys) {
    this.ownerTagKeys = ownerTagKeys;
  }

  public String getSlaTagKey() {
    return slaTagKey;
  }

  public void setSlaTagKey(String slaTagKey) {
    this.slaTagKey = slaTagKey;
  }

  public String getSlaTiers() {
    return slaTiers;
  }

  public void setSlaTiers(String slaTiers) {
    this.slaTiers = slaTiers;
  }

  public int getPriorityRecurrence() {
    return priorityRecurrence;
  }

  public void setPriorityRecurrence(int priorityRecurrence) {
    this.priorityRecurrence = priorityRecurrence;
  }

  public String getRunbookUrl() {
    return runbookUrl;
  }

  public void setRunbookUrl(String runbookUrl) {
    this.runbookUrl = runbookUrl;
  }
}
