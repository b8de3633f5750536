# syntax=docker/dockerfile:1
# The RCA service in a container: built from source by Maven, run on a JRE as a non-root user.
#   docker build -t rca-assistant .
#   docker run -p 8000:8000 -v rca-data:/data -e RCA_API_KEY=... rca-assistant
# See "Run in containers" in README.md; docker-compose.yml adds PostgreSQL.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The POMs first, so that a change to the sources alone does not download the dependencies again.
COPY pom.xml ./
COPY rca-ports/pom.xml rca-ports/
COPY rca-testkit/pom.xml rca-testkit/
COPY rca-core/pom.xml rca-core/
COPY http-support/pom.xml http-support/
COPY adapter-databricks/pom.xml adapter-databricks/
COPY adapter-adf/pom.xml adapter-adf/
COPY adapter-gemini/pom.xml adapter-gemini/
COPY adapter-jira/pom.xml adapter-jira/
COPY adapter-servicenow/pom.xml adapter-servicenow/
COPY adapter-slack/pom.xml adapter-slack/
COPY adapter-email/pom.xml adapter-email/
COPY adapter-teams/pom.xml adapter-teams/
COPY adapter-pagerduty/pom.xml adapter-pagerduty/
COPY adapter-jdbc/pom.xml adapter-jdbc/
COPY rca-assistant/pom.xml rca-assistant/
COPY adapter-web/pom.xml adapter-web/
COPY rca-demo/pom.xml rca-demo/
COPY app-http/pom.xml app-http/
COPY rca-bom/pom.xml rca-bom/
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 rca \
    && useradd --system --uid 10001 --gid rca --home-dir /app --shell /usr/sbin/nologin rca \
    && mkdir -p /app /data && chown rca:rca /data
WORKDIR /app
COPY --from=build /src/app-http/target/rca-assistant.jar /app/rca-assistant.jar
ENV RCA_DATA_DIR=/data \
    RCA_PORT=8000 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /data
EXPOSE 8000
USER rca
# No curl or wget needed: bash's /dev/tcp speaks enough HTTP for a readiness probe (200 = ready, 503 = the
# database or the workers are down).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${RCA_PORT:-8000} && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/app/rca-assistant.jar"]
CMD ["serve"]
