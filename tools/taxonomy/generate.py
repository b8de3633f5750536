#!/usr/bin/env python3
"""Regenerates the identifier catalogues under
rca-core/src/main/resources/dev/aiops/rca/core/classify/catalogue/ from pinned, published artefacts.

Run from anywhere (paths are resolved from this file):  python3 tools/taxonomy/generate.py

Stdlib only. Needs: Maven (`mvn`, Maven Central reachable or the artefacts already in ~/.m2),
a JDK 17 (JAVA_HOME, default /usr/lib/jvm/java-17-openjdk-amd64) and Python 3.11 (the Python
catalogues describe the interpreter that runs this script). Output is deterministic: sorted rows,
UTF-8, '\\n' line ends. See tools/taxonomy/README.md.
"""
import http
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = HERE / "sources"
OUT = ROOT / "rca-core/src/main/resources/dev/aiops/rca/core/classify/catalogue"
JAVA_HOME = Path(os.environ.get("JAVA_HOME_17", "/usr/lib/jvm/java-17-openjdk-amd64"))

# ---- pinned versions ---------------------------------------------------------------------------
SPARK = [  # (version, file inside the jar)
    ("3.5.6", "error/error-classes.json"),
    ("4.0.1", "error/error-conditions.json"),
    ("4.1.0", "error/error-conditions.json"),
]
SPARK_GA = "org.apache.spark:spark-common-utils_2.13"
SPARK_TABLES_VERSION = "4.1.0"  # error-states.json / error-classes.json (SQLSTATE tables)
DELTA = ["3.2.0", "4.4.0"]  # 4.4.0 = newest io.delta:delta-spark_2.13 on Maven Central when written
DELTA_GA = "io.delta:delta-spark_2.13"
DATABRICKS_JAVA = "com.databricks:databricks-sdk-java:0.141.0"
DATABRICKS_JAVA_TAG = "java-0.141.0"
DATABRICKS_PY_TAG = "py-9ae2241"
DATABRICKS_PY_ENUMS = SOURCES / "databricks-sdk-py-9ae2241-enums.json"
AZURE_BLOB = "com.azure:azure-storage-blob:12.37.2"
PG_ERRCODES = SOURCES / "postgresql-15-errcodes.txt"
DOTNET_HTTP = SOURCES / "dotnet-HttpStatusCode.cs"
MS_DOCS = SOURCES / "microsoft-docs"
# MicrosoftDocs/azure-docs revision each committed copy was taken from (articles/data-factory/<page>.md)
# ("unknown": the copy was found through the index's text search, which does not report the commit)
MS_DOCS_REVISIONS = {
    "connector-troubleshoot-azure-blob-storage.md": "200ecc1f96d7d6f812036da4512c2e35fff76190",
    "connector-troubleshoot-azure-cosmos-db.md": "df9ae8bdfd0eeb0c1bd4abd1fd9d1ed00839c203",
    "connector-troubleshoot-azure-data-lake.md": "df9ae8bdfd0eeb0c1bd4abd1fd9d1ed00839c203",
    "connector-troubleshoot-delimited-text.md": "373b9c0a3fc9c17343e828ae44e5c9546a18e46a",
    "connector-troubleshoot-ftp-sftp-http.md": "b0aadcc4dc69f1ed5dd8dcff94709248858dfdaf",
    # an older revision of a page kept next to a newer one is saved as <page>.<ms.date as YYYY-MM-DD>.md
    "connector-troubleshoot-guide.2020-01-09.md": "e912c77b4386e56d9136ef7dd34575704df60580",
    "connector-troubleshoot-guide.md": "unknown",  # 01/05/2023 copy found through text search
    "connector-troubleshoot-parquet.md": "25d68bb5e2343b2b68fbdeeb61c51d165551c02d",
    "connector-troubleshoot-rest.md": "200ecc1f96d7d6f812036da4512c2e35fff76190",
    "connector-troubleshoot-synapse-sql.md": "df9ae8bdfd0eeb0c1bd4abd1fd9d1ed00839c203",
    "connector-troubleshoot-dynamics-dataverse.md": "d81fee15f1a3d56f2e591e5be6c264a8f9f8b39e",
    "connector-troubleshoot-oracle.md": "2f85b1e58854a7dec164058d20bc3a657cffb477",
    "connector-troubleshoot-postgresql.md": "4f3138fb00cb8ddd75692b995ee429e68966b614",
    "connector-troubleshoot-db2.md": "c5c77fe2d1af4f8aa7f7e9fe5cae94353395a1bf",
    "connector-troubleshoot-orc.md": "c5c77fe2d1af4f8aa7f7e9fe5cae94353395a1bf",
    "data-factory-troubleshoot-guide.md": "bdb18a1ae52a826b86dac242d062422ca2c5ed18",
    "data-flow-troubleshoot-errors.md": "79d954d0d12104d14be781fb18cd80509aaf7457",
    "data-flow-troubleshoot-guide.md": "unknown",  # 06/01/2023 copy found through text search
}
JDK_MODULES = ["java.base", "java.sql", "java.net.http", "java.naming"]

APACHE = "Apache-2.0"


def clean(text):
    """One TSV field: no tabs/newlines, whitespace runs collapsed."""
    return re.sub(r"\s+", " ", str(text)).strip()


def numeric_first(row):
    return (int(row[0]),) + row


LICENCES = {
    "spark-error-conditions.tsv": "Apache-2.0 (Apache Spark; see NOTICE)",
    "delta-error-classes.tsv": "Apache-2.0 (Delta Lake; see NOTICE)",
    "sqlstates.tsv": "Apache-2.0 (Apache Spark) and PostgreSQL Licence (errcodes.txt)",
    "sqlstate-classes.tsv": "Apache-2.0 (Apache Spark) and PostgreSQL Licence (errcodes.txt)",
    "databricks-cluster-termination-codes.tsv": "Apache-2.0 (Databricks SDK for Java / Python)",
    "databricks-cluster-termination-types.tsv": "Apache-2.0 (Databricks SDK for Java / Python)",
    "databricks-job-termination-codes.tsv": "Apache-2.0 (Databricks SDK for Java / Python)",
    "databricks-job-termination-types.tsv": "Apache-2.0 (Databricks SDK for Java / Python)",
    "databricks-error-codes.tsv": "Apache-2.0 (Databricks SDK for Java)",
    "azure-storage-error-codes.tsv": "MIT (Azure SDK for Java)",
    "http-statuses.tsv": "PSF License (CPython http.HTTPStatus) and MIT (.NET runtime HttpStatusCode.cs); "
                         "status codes and reason phrases are IANA registry facts",
    "tls-alerts.tsv": "identifiers of the IANA TLS Alert registry, as named by OpenJDK 17 "
                      "(GPL-2.0 with Classpath Exception) and CPython 3.11 (PSF License); names and numbers only",
    "jdk-exceptions.tsv": "class names of OpenJDK 17 (GPL-2.0 with Classpath Exception); names only",
    "python-exceptions.tsv": "class names of CPython 3.11 (PSF License); names only",
    "adf-error-codes.tsv": "CC BY 4.0, (c) Microsoft (MicrosoftDocs/azure-docs); codes and headings extracted and "
                           "modified, no message text; see tools/taxonomy/sources/microsoft-docs/ATTRIBUTION.md",
}
WRITTEN = []  # (file, source line, row count) for ATTRIBUTION.md


def write_tsv(name, columns, source, rows, key=None):
    rows = sorted(set(tuple(clean(f) for f in r) for r in rows), key=key)
    WRITTEN.append((name, clean(source), len(rows)))
    lines = ["#" + "\t".join(columns), "# " + clean(source)]
    lines += ["\t".join(r) for r in rows]
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / name, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{name}\t{len(rows)}")
    return len(rows)


# ---- fetching ----------------------------------------------------------------------------------
class Maven:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="taxonomy-jars-"))

    def jar(self, coords, classifier=None):
        """coords = G:A:V; returns the local path of the jar (or the classifier jar)."""
        g, a, v = coords.split(":")
        artifact = f"{g}:{a}:{v}:jar" + (f":{classifier}" if classifier else "")
        name = f"{a}-{v}" + (f"-{classifier}" if classifier else "") + ".jar"
        target = self.dir / name
        if not target.exists():
            r = subprocess.run(["mvn", "-q", "-B", "-Dstyle.color=never", "dependency:copy",
                                f"-Dartifact={artifact}", f"-DoutputDirectory={self.dir}"],
                               cwd=self.dir, capture_output=True, text=True)
            if r.returncode != 0 or not target.exists():
                sys.exit(f"could not fetch {artifact} from Maven:\n{r.stdout}{r.stderr}")
        return target

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def read_json(jar, member):
    with zipfile.ZipFile(jar) as z:
        return json.loads(z.read(member).decode("utf-8"))


# ---- Spark / Delta conditions ------------------------------------------------------------------
def message(entry):
    m = entry.get("message", [])
    return " ".join(m) if isinstance(m, list) else str(m)


def flatten_conditions(data):
    """name -> (sqlstate, template), top-level and PARENT.SUB entries."""
    out = {}
    for name, entry in data.items():
        parent_msg = message(entry)
        state = entry.get("sqlState", "") or ""
        out[name] = (state, parent_msg)
        for sub, sub_entry in (entry.get("subClass") or {}).items():
            sub_state = sub_entry.get("sqlState") or state
            out[f"{name}.{sub}"] = (sub_state, clean(parent_msg + " " + message(sub_entry)))
    return out


def union_conditions(per_version):
    """per_version: list of (version, {name: (state, template)}) in ascending version order
    -> rows (name, sqlstate, versions, template); versions lists every version with exactly that text.
    Rows are unique by (name, template), with two refinements so no fact is lost:
    - a version whose entry has no sqlstate (older releases such as Spark 3.5.x lack many) joins the row
      of the newest version with the same text that has one;
    - when versions give the same text different non-empty sqlstates, each state gets its own row."""
    seen = {}
    for version, conds in per_version:
        for name, (state, template) in conds.items():
            seen.setdefault((name, clean(template)), []).append((version, clean(state)))
    rows = []
    for (name, template), hits in seen.items():
        states = [s for _, s in hits if s]
        newest = states[-1] if states else ""
        by_state = {}
        for version, state in hits:
            by_state.setdefault(state or newest, []).append(version)
        for state, versions in by_state.items():
            rows.append((name, state, ",".join(versions), template))
    return rows


def spark_conditions(mvn):
    per_version = []
    for version, member in SPARK:
        per_version.append((version, flatten_conditions(read_json(mvn.jar(f"{SPARK_GA}:{version}"), member))))
    src = "; ".join(f"{SPARK_GA}:{v} {m}" for v, m in SPARK)
    write_tsv("spark-error-conditions.tsv", ["name", "sqlstate", "versions", "template"],
              f"source: {src} (Apache Spark, {APACHE}); sub-conditions as PARENT.SUB with the parent's "
              f"sqlstate when they have none and template = parent message + ' ' + sub message; one row per "
              f"distinct (name, template); a version lacking a sqlstate joins the row of the newest version with "
              f"the same text that has one; the same text with different sqlstates gets one row per sqlstate",
              union_conditions(per_version))


def delta_conditions(mvn):
    per_version = []
    for version in DELTA:
        jar = mvn.jar(f"{DELTA_GA}:{version}")
        per_version.append((version, flatten_conditions(read_json(jar, "error/delta-error-classes.json"))))
    src = "; ".join(f"{DELTA_GA}:{v} error/delta-error-classes.json" for v in DELTA)
    write_tsv("delta-error-classes.tsv", ["name", "sqlstate", "versions", "template"],
              f"source: {src} (Delta Lake, {APACHE}); sub-conditions and rows as for spark-error-conditions.tsv",
              union_conditions(per_version))


# ---- SQLSTATE tables ---------------------------------------------------------------------------
def postgres_errcodes():
    """(states {state: description}, classes {class: name}) from the committed errcodes.txt."""
    states, classes = {}, {}
    for line in PG_ERRCODES.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^Section: Class (\w\w) - (.*)$", line)
        if m:
            classes[m.group(1)] = m.group(2).strip()
            continue
        m = re.match(r"^([0-9A-Z]{5})\s+[EWS]\s+(ERRCODE_\w+)(?:\s+(\w+))?\s*$", line)
        if m:
            spec = m.group(3) or m.group(2)[len("ERRCODE_"):].lower()
            states.setdefault(m.group(1), spec.replace("_", " "))
    return states, classes


def sqlstates(mvn):
    jar = mvn.jar(f"{SPARK_GA}:{SPARK_TABLES_VERSION}")
    spark_states = read_json(jar, "error/error-states.json")
    spark_classes = read_json(jar, "error/error-classes.json")
    pg_states, pg_classes = postgres_errcodes()
    rows = [(s, e.get("description", ""), e.get("origin", "")) for s, e in spark_states.items() if len(s) == 5]
    rows += [(s, d, "PostgreSQL") for s, d in pg_states.items() if s not in spark_states]
    write_tsv("sqlstates.tsv", ["state", "description", "origin"],
              f"source: {SPARK_GA}:{SPARK_TABLES_VERSION} error/error-states.json ({APACHE}; origin = its "
              f"'origin' field) + PostgreSQL 15 src/backend/utils/errcodes.txt states not in Spark's table "
              f"(PostgreSQL Licence; origin PostgreSQL, description = spec_name with _ as space)", rows)
    crow = [(c, n) for c, n in spark_classes.items() if len(c) == 2]
    crow += [(c, n) for c, n in pg_classes.items() if c not in spark_classes]
    write_tsv("sqlstate-classes.tsv", ["class", "name"],
              f"source: {SPARK_GA}:{SPARK_TABLES_VERSION} error/error-classes.json ({APACHE}) + PostgreSQL 15 "
              f"errcodes.txt 'Section: Class XX' names for classes not in Spark's table (PostgreSQL Licence)", crow)


# ---- Databricks SDK enums ----------------------------------------------------------------------
def java_enum_constants(source_text, enum_name):
    m = re.search(r"public enum " + re.escape(enum_name) + r"\s*\{(.*?)\}", source_text, re.S)
    if not m:
        raise ValueError(f"enum {enum_name} not found")
    body = re.sub(r"/\*.*?\*/|//[^\n]*|@\w+(\([^)]*\))?", " ", m.group(1), flags=re.S)
    body = body.split(";")[0]
    return [c.strip() for c in body.split(",") if c.strip()]


def databricks(mvn):
    src_jar = mvn.jar(DATABRICKS_JAVA, "sources")
    fixture = json.loads(DATABRICKS_PY_ENUMS.read_text(encoding="utf-8"))

    def java(cls):
        with zipfile.ZipFile(src_jar) as z:
            text = z.read(f"com/databricks/sdk/service/{cls.replace('.', '/')}.java").decode("utf-8")
        return java_enum_constants(text, cls.split(".")[-1])

    def py(prefix):
        for key, values in fixture.items():
            if key == prefix:
                return list(values)
        return None

    def emit(filename, java_cls, py_key):
        j, p = java(java_cls), py(py_key)
        rows = []
        for code in sorted(set(j) | set(p or [])):
            tags = ([DATABRICKS_JAVA_TAG] if code in j else []) + ([DATABRICKS_PY_TAG] if p and code in p else [])
            rows.append((code, ",".join(tags)))
        py_src = (f" UNION databricks/databricks-sdk-py@9ae2241 {py_key} (names in "
                  f"tools/taxonomy/sources/databricks-sdk-py-9ae2241-enums.json)") if p is not None else " (no Python copy available)"
        write_tsv(filename, ["code", "sources"],
                  f"source: {DATABRICKS_JAVA} com.databricks.sdk.service.{java_cls}{py_src}; Databricks SDK, {APACHE}",
                  rows)

    emit("databricks-cluster-termination-codes.tsv", "compute.TerminationReasonCode", "compute.TerminationReasonCode")
    emit("databricks-cluster-termination-types.tsv", "compute.TerminationReasonType", "compute.TerminationReasonType")
    emit("databricks-job-termination-codes.tsv", "jobs.TerminationCodeCode", "jobs.TerminationCodeCode")
    emit("databricks-job-termination-types.tsv", "jobs.TerminationTypeType", "jobs.TerminationTypeType")
    # apps.ErrorCode, postgres.ErrorCode and environments.ErrorCode are the same generated enum in 0.141.0
    same = {tuple(java(c)) for c in ("apps.ErrorCode", "postgres.ErrorCode", "environments.ErrorCode")}
    if len(same) != 1:
        print("warning: the ErrorCode enums of apps/postgres/environments differ; using apps.ErrorCode",
              file=sys.stderr)
    emit("databricks-error-codes.tsv", "apps.ErrorCode", "apps.ErrorCode")


# ---- Azure Storage -----------------------------------------------------------------------------
def javap_from_string_constants(jar, cls):
    """String arguments of the fromString(...) calls in the static initialiser of an
    ExpandableStringEnum class (no sources jar is published for azure-storage-blob 12.37.2)."""
    out = subprocess.run([str(JAVA_HOME / "bin/javap"), "-c", "-p", "-cp", str(jar), cls],
                         check=True, capture_output=True, text=True).stdout
    static = out.split("static {};", 1)[1]
    return re.findall(r"ldc(?:_w)?\s+#\d+\s+// String (.*)\n\s*\d+: invokestatic\s+#\d+\s+// Method fromString",
                      static)


def azure_storage(mvn):
    codes = javap_from_string_constants(mvn.jar(AZURE_BLOB), "com.azure.storage.blob.models.BlobErrorCode")
    write_tsv("azure-storage-error-codes.tsv", ["code", "service"],
              f"source: {AZURE_BLOB} com.azure.storage.blob.models.BlobErrorCode (fromString values, read with "
              f"javap); Azure SDK for Java, MIT. com.azure:azure-storage-file-datalake:12.30.2 (the release built "
              f"on blob 12.37.2) has no DataLakeStorageErrorCode class, so no datalake rows",
              [(c, "blob") for c in codes])


# ---- HTTP, TLS ---------------------------------------------------------------------------------
def http_statuses():
    text = DOTNET_HTTP.read_text(encoding="utf-8")
    text = re.sub(r"//[^\n]*", "", text)
    dotnet = {}
    for name, num in re.findall(r"\b([A-Za-z]+)\s*=\s*(\d+)", text):
        dotnet.setdefault(int(num), []).append(name)
    py = {int(s): s for s in http.HTTPStatus}
    rows = []
    for code in sorted(set(py) | set(dotnet)):
        s = py.get(code)
        rows.append((str(code), s.phrase if s else "", s.name if s else "", ",".join(dotnet.get(code, []))))
    write_tsv("http-statuses.tsv", ["code", "reason", "python_name", "dotnet_names"],
              "source: Python 3.11 http.HTTPStatus (PSF licence) + dotnet/runtime "
              "src/libraries/System.Net.Primitives/src/System/Net/HttpStatusCode.cs @16775de "
              "(tools/taxonomy/sources/dotnet-HttpStatusCode.cs; MIT); dotnet names in source order", rows,
              key=numeric_first)


def java(*args, **kw):
    return subprocess.run([str(JAVA_HOME / "bin/java"), *args], check=True, capture_output=True, text=True,
                          cwd=HERE, **kw).stdout


def tls_alerts():
    rows = set()
    jdk = java("--add-opens", "java.base/sun.security.ssl=ALL-UNNAMED", "ListTlsAlerts.java")
    for line in jdk.splitlines():
        code, name = line.split("\t")
        rows.add((code, name))
    for a in ssl.AlertDescription:
        rows.add((str(a.value), a.name[len("ALERT_DESCRIPTION_"):].lower()))
    write_tsv("tls-alerts.tsv", ["code", "name"],
              "source: JDK 17 sun.security.ssl.Alert (id, description; read by tools/taxonomy/ListTlsAlerts.java; "
              "GPL-2.0-with-classpath-exception, identifiers only) UNION Python 3.11 ssl.AlertDescription "
              "(ALERT_DESCRIPTION_X -> x); TLS alert registry (IANA)", rows, key=numeric_first)


# ---- exception hierarchies ---------------------------------------------------------------------
def jdk_exceptions():
    out = java("ListThrowables.java", *JDK_MODULES)
    rows = [tuple(line.split("\t")) for line in out.splitlines() if line]
    write_tsv("jdk-exceptions.tsv", ["class", "superclass"],
              f"source: JDK 17 modules {', '.join(JDK_MODULES)}: public Throwable subclasses in exported packages "
              f"(binary names), listed by tools/taxonomy/ListThrowables.java; identifiers only", rows)


def python_exceptions():
    import builtins
    rows = []
    for name in dir(builtins):
        obj = getattr(builtins, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            rows.append((name, ",".join(b.__name__ for b in obj.__bases__)))
    write_tsv("python-exceptions.tsv", ["name", "base"],
              "source: Python 3.11 builtins (subclasses of BaseException; base = direct bases, comma-joined "
              "when several, e.g. ExceptionGroup); PSF licence, identifiers only", rows)


# ---- Azure Data Factory troubleshooting pages ----------------------------------------------------
def adf_codes():
    rows = []
    pages = sorted(p for p in MS_DOCS.glob("*.md") if p.name != "ATTRIBUTION.md")
    described = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        m = re.search(r"^ms\.date:\s*(\S+)", text, re.M)
        ms_date = m.group(1) if m else ""
        described.append(f"{page.name}@{MS_DOCS_REVISIONS.get(page.name, 'unknown')[:7]} (ms.date {ms_date})")
        area = ""
        in_code_block = False
        for line in text.splitlines():
            if line.strip().startswith("```"):
                in_code_block = not in_code_block
            if in_code_block:
                continue
            # "## Error code: X" (data-flow-troubleshoot-errors.md) or "### Error code: X" under a "## Area"
            h = re.match(r"^\s*#{2,4}\s+Error code:\s*(.+?)\s*$", line, re.I)
            if h:
                code = re.sub(r"\s*\(.*\)$", "", h.group(1)).strip().strip("`*").strip()
                if code:
                    rows.append((code, page.name.split(".")[0], area if line.lstrip().startswith("###") else "",
                                 ms_date))
                continue
            h2 = re.match(r"^\s*##\s+(?!#)(.*?)\s*$", line)
            if h2:
                area = h2.group(1)
    write_tsv("adf-error-codes.tsv", ["code", "page", "area", "ms_date"],
              f"source: MicrosoftDocs/azure-docs articles/data-factory/{{{', '.join(described)}}}, copies in "
              "tools/taxonomy/sources/microsoft-docs/ (see its ATTRIBUTION.md); (c) Microsoft, CC BY 4.0, "
              "codes and headings extracted and modified; no message text", rows)


def write_attribution():
    out = ["# Catalogue attribution", "",
           "Generated by `python3 tools/taxonomy/generate.py` (run from the repository root; see "
           "tools/taxonomy/README.md). Do not edit by hand: edit the generator or its pinned sources and "
           "regenerate. Every TSV starts with a `#` line naming its columns and a `#` line naming its source.",
           ""]
    for name, source, count in WRITTEN:
        out += [f"## {name}", "",
                f"- Source: {source[len('source: '):] if source.startswith('source: ') else source}",
                f"- Licence: {LICENCES[name]}",
                f"- Entries: {count}",
                "- Generator: `python3 tools/taxonomy/generate.py`",
                ""]
    with open(OUT / "ATTRIBUTION.md", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))
    print(f"ATTRIBUTION.md\t{len(WRITTEN)} sections")


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run with Python 3.11: the python-*.tsv, http and tls catalogues describe the running interpreter")
    mvn = Maven()
    try:
        spark_conditions(mvn)
        delta_conditions(mvn)
        sqlstates(mvn)
        databricks(mvn)
        azure_storage(mvn)
    finally:
        mvn.close()
    http_statuses()
    tls_alerts()
    jdk_exceptions()
    python_exceptions()
    adf_codes()
    write_attribution()


if __name__ == "__main__":
    main()
