"""deploy/ checked without Docker or a cluster: the Kubernetes manifests against the
Kubernetes JSON schemas (kubernetes-validate, strict: unknown fields fail), the Compose file against the
Compose specification's JSON schema (vendored by check-jsonschema), and the references between the parts
that no schema sees: secrets, config keys, services, selectors, probes, the migration job, the model
volume, the settings the API really reads, and the files the Dockerfiles copy. Offline: every schema ships
inside its package. Runs in the API virtualenv (kubernetes-validate needs jsonschema >= 4.18; Rasa 3.6 pins
it below that)."""
from __future__ import annotations

import base64
import copy
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from importlib import resources
from io import BytesIO
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Set, Tuple
from unittest import mock

import jsonschema
import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
COMPOSE = DEPLOY / "compose" / "compose.yaml"
K8S_VERSION = "1.30.0"  # the oldest Kubernetes minor still commonly supported by city clouds' distributions


# --- loading ------------------------------------------------------------------------------------------------

def k8s_documents(include_examples: bool = True) -> List[Tuple[str, Dict[str, Any]]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml" or (not include_examples and ".example." in path.name):
            continue
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc:
                docs.append((path.name, doc))
    return docs


def by_kind(kind: str) -> Dict[str, Dict[str, Any]]:
    return {d["metadata"]["name"]: d for _, d in k8s_documents() if d["kind"] == kind}


def pod_specs() -> Iterator[Tuple[str, Dict[str, Any]]]:
    for _, doc in k8s_documents():
        if doc["kind"] in ("Deployment", "Job"):
            yield f"{doc['kind']}/{doc['metadata']['name']}", doc["spec"]["template"]["spec"]


def containers() -> Iterator[Tuple[str, Dict[str, Any], Dict[str, Any]]]:
    for name, spec in pod_specs():
        for container in spec.get("initContainers", []) + spec["containers"]:
            yield f"{name}/{container['name']}", container, spec


def compose() -> Dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def secret_source(entry: Any) -> str:
    """The secret a Compose service entry names: short syntax (the name) or long syntax (``source``)."""
    return entry if isinstance(entry, str) else entry["source"]


def compose_schema() -> Dict[str, Any]:
    schema = resources.files("check_jsonschema") / "builtin_schemas" / "vendor" / "compose-spec.json"
    return json.loads(schema.read_text(encoding="utf-8"))


def substituted(endpoints_text: str) -> set:
    """The ${VAR}s Rasa replaces from the environment in an endpoints file (comments aside)."""
    lines = [line for line in endpoints_text.splitlines() if not line.lstrip().startswith("#")]
    return set(re.findall(r"\$\{(\w+)\}", "\n".join(lines)))


# Variables bot/rasa/server.py puts into Rasa's environment itself, from a file: ${GZ_ACTION_SECRET} in the
# endpoints is the content of the file GZ_ACTION_SECRET_PATH names.
FILLED_BY_RASA_SERVER = {"GZ_ACTION_SECRET"}


def api_settings_env() -> set:
    from api.config import Settings
    from api.handoff.rasa import RasaLinkSettings  # the API's link to Rasa (hotline secret, Rasa URLs, token)

    return {"GZ_" + name.upper() for model in (Settings, RasaLinkSettings) for name in model.model_fields}


# --- Kubernetes ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("filename,doc", k8s_documents(), ids=lambda v: v if isinstance(v, str) else v["kind"] + "/" + v["metadata"]["name"])
def test_every_kubernetes_manifest_matches_the_kubernetes_schema(filename, doc):
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest():
    # The schema check above can fail: a wrong type and an unknown field (a typo) are both caught.
    deployment = copy.deepcopy(by_kind("Deployment")["rasa"])
    deployment["spec"]["replicas"] = "two"
    with pytest.raises(jsonschema.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSION, strict=True)
    deployment = copy.deepcopy(by_kind("Deployment")["rasa"])
    deployment["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {"tcpSocket": {"port": 5005}}
    with pytest.raises(jsonschema.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSION, strict=True)


def test_kustomization_lists_every_manifest_but_the_secret_example():
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    listed = set(kustomization["resources"])
    on_disk = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == on_disk - {"secrets.example.yaml"}
    # The migration job comes before the workloads that need the migrated schema.
    order = kustomization["resources"]
    assert order.index("migrate-job.yaml") < order.index("api.yaml")


def test_the_three_servers_are_deployments_with_probes_resources_and_no_root():
    deployments = by_kind("Deployment")
    assert set(deployments) == {"api", "actions", "rasa"}
    for name, deployment in deployments.items():
        spec = deployment["spec"]["template"]["spec"]
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        for container in spec["containers"]:
            for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                assert probe in container, f"{name}: no {probe}"
            assert {"cpu", "memory"} <= set(container["resources"]["requests"]), name
            assert "memory" in container["resources"]["limits"], name
            assert container["securityContext"]["allowPrivilegeEscalation"] is False, name
            assert container["securityContext"]["readOnlyRootFilesystem"] is True, name


def test_services_hpas_and_pdbs_point_at_real_pods_and_ports():
    deployments = by_kind("Deployment")
    for name, service in by_kind("Service").items():
        selected = [d for d in deployments.values()
                    if service["spec"]["selector"].items() <= d["spec"]["template"]["metadata"]["labels"].items()]
        assert len(selected) == 1, f"Service {name} selects {len(selected)} deployments"
        ports = {p["name"] for c in selected[0]["spec"]["template"]["spec"]["containers"] for p in c.get("ports", [])}
        for port in service["spec"]["ports"]:
            assert port["targetPort"] in ports, f"Service {name}: no container port {port['targetPort']}"
        assert set(deployments[name]["spec"]["selector"]["matchLabels"].items()) <= set(
            deployments[name]["spec"]["template"]["metadata"]["labels"].items())
    for name, hpa in by_kind("HorizontalPodAutoscaler").items():
        assert hpa["spec"]["scaleTargetRef"]["name"] in deployments, name
    for name, pdb in by_kind("PodDisruptionBudget").items():
        assert any(pdb["spec"]["selector"]["matchLabels"].items() <= d["spec"]["template"]["metadata"]["labels"].items()
                   for d in deployments.values()), name
    services = by_kind("Service")
    for rule in by_kind("Ingress")["gaozhi"]["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            backend = path["backend"]["service"]
            assert backend["name"] in services
            assert backend["port"]["name"] in {p["name"] for p in services[backend["name"]]["spec"]["ports"]}
    routes = {p["path"]: p["backend"]["service"]["name"] for r in by_kind("Ingress")["gaozhi"]["spec"]["rules"]
              for p in r["http"]["paths"]}
    assert routes["/webhooks"] == "rasa" and routes["/socket.io"] == "rasa" and routes["/"] == "api"


def test_every_secret_and_config_key_a_pod_uses_exists():
    secrets = {name: set(doc.get("stringData", {})) | set(doc.get("data", {})) for name, doc in by_kind("Secret").items()}
    configs = {name: set(doc["data"]) for name, doc in by_kind("ConfigMap").items()}
    claims = set(by_kind("PersistentVolumeClaim"))
    for where, container, spec in containers():
        for env in container.get("env", []):
            ref = env.get("valueFrom", {})
            if "secretKeyRef" in ref:
                assert ref["secretKeyRef"]["key"] in secrets[ref["secretKeyRef"]["name"]], (where, env)
            if "configMapKeyRef" in ref:
                assert ref["configMapKeyRef"]["key"] in configs[ref["configMapKeyRef"]["name"]], (where, env)
        for source in container.get("envFrom", []):
            if "configMapRef" in source:
                assert source["configMapRef"]["name"] in configs, where
            if "secretRef" in source:
                assert source["secretRef"]["name"] in secrets, where
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        for mount in container.get("volumeMounts", []):
            assert mount["name"] in volumes, (where, mount)
        for volume in volumes.values():
            if "secret" in volume:
                for item in volume["secret"].get("items", []):
                    assert item["key"] in secrets[volume["secret"]["secretName"]], (where, item)
            if "configMap" in volume:
                assert volume["configMap"]["name"] in configs, where
            if "persistentVolumeClaim" in volume:
                assert volume["persistentVolumeClaim"]["claimName"] in claims, where


def test_the_keys_are_secrets_mounted_read_only_where_they_are_used():
    keys = {"platform_ed25519.pem", "platform_sm2.key", "letter-signer.key", "letter-signer.pem", "letter-ca.pem",
            "id_hash.key", "data.key", "hotline.secret", "jwt.secret", "service.token", "channel-evidence.key",
            "otp.key"}
    assert keys <= set(by_kind("Secret")["gaozhi-keys"]["stringData"])
    config = by_kind("ConfigMap")["gaozhi-config"]["data"]
    api = by_kind("Deployment")["api"]["spec"]["template"]["spec"]
    mounted = {v["name"]: v for v in api["volumes"]}["keys"]["secret"]
    assert {i["key"] for i in mounted["items"]} == keys
    mount = [m for m in api["containers"][0]["volumeMounts"] if m["name"] == "keys"][0]
    assert mount["readOnly"] is True
    for setting, filename in (("GZ_SIGNING_KEY_PATH", "platform_ed25519.pem"), ("GZ_ID_HASH_KEY_PATH", "id_hash.key"),
                              ("GZ_JWT_SECRET_PATH", "jwt.secret"), ("GZ_SERVICE_TOKEN_PATH", "service.token"),
                              ("GZ_DATA_KEY_PATH", "data.key"), ("GZ_HOTLINE_SECRET_PATH", "hotline.secret"),
                              ("GZ_EVIDENCE_KEY_PATH", "channel-evidence.key"), ("GZ_OTP_KEY_PATH", "otp.key")):
        assert config[setting] == f"{mount['mountPath']}/{filename}"

    def secret_items(spec, secret="gaozhi-keys"):
        return sorted(i["key"] for v in spec["volumes"] if v.get("secret", {}).get("secretName") == secret
                      for i in v["secret"]["items"])

    def every_secret_item(spec):
        return sorted(i["key"] for v in spec["volumes"] if "secret" in v for i in v["secret"]["items"])

    # The action server gets the service token and the secret it requires of Rasa, and the scrape token of its
    # /metrics from a secret of its own, nothing else: never the channel-evidence key (it carries evidence, it
    # must not be able to sign it).
    actions = by_kind("Deployment")["actions"]["spec"]["template"]["spec"]
    assert secret_items(actions) == ["action.secret", "service.token"]
    assert secret_items(actions, "gaozhi-metrics") == ["metrics.token"]
    assert every_secret_item(actions) == ["action.secret", "metrics.token", "service.token"]
    # Rasa: the data key ring (its tracker store's events are sealed, P5), the hotline channel's secret, its HTTP
    # API token, the action secret and the evidence key, at the paths the shared ConfigMap names; never the
    # signing or hashing keys.
    rasa = by_kind("Deployment")["rasa"]["spec"]["template"]["spec"]
    assert every_secret_item(rasa) == ["action.secret", "channel-evidence.key", "data.key", "hotline.secret", "rasa.token"]
    rasa_mount = [m for m in rasa["containers"][0]["volumeMounts"] if m["name"] == "keys"][0]
    assert rasa_mount["readOnly"] is True and rasa_mount["mountPath"] == mount["mountPath"]
    # Retired signing keys' public halves (P3): a ConfigMap mounted read-only where GZ_RETIRED_KEYS_DIR points.
    retired = [m for m in api["containers"][0]["volumeMounts"] if m["name"] == "retired-keys"][0]
    assert retired["readOnly"] is True and retired["mountPath"] == config["GZ_RETIRED_KEYS_DIR"]
    assert {v["name"]: v for v in api["volumes"]}["retired-keys"]["configMap"]["name"] in by_kind("ConfigMap")
    # The migration job seals commitments stored before encryption at rest (migration 0008) and keys earlier
    # commitments to their applicant: the data key ring and the ID-hash key, never a signing key.
    migrate = [j for j in by_kind("Job").values() if j["metadata"]["labels"]["app.kubernetes.io/name"] == "migrate"][0]
    assert every_secret_item(migrate["spec"]["template"]["spec"]) == ["data.key", "id_hash.key"]


def test_the_api_is_configured_only_with_settings_it_reads():
    known = api_settings_env()
    config = by_kind("ConfigMap")["gaozhi-config"]["data"]
    api = by_kind("Deployment")["api"]["spec"]["template"]["spec"]["containers"][0]
    names = {k for k in config if k.startswith("GZ_") and k != "GZ_API_URL"} | {e["name"] for e in api["env"]}
    assert names <= known, names - known


def test_migration_job_runs_alembic_and_loads_the_catalogue():
    jobs = by_kind("Job")
    migrate = [j for j in jobs.values() if j["metadata"]["labels"]["app.kubernetes.io/name"] == "migrate"]
    assert len(migrate) == 1
    command = " ".join(migrate[0]["spec"]["template"]["spec"]["containers"][0]["command"])
    assert "api.cli migrate" in command and "api.cli load-catalogue" in command
    assert migrate[0]["spec"]["template"]["spec"]["restartPolicy"] in ("Never", "OnFailure")


@pytest.mark.parametrize("subcommand", ["migrate", "load-catalogue"])
def test_the_cli_subcommands_the_manifests_run_exist(subcommand):
    result = subprocess.run([sys.executable, "-m", "api.cli", subcommand, "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_rasa_loads_the_model_volume_and_shares_tracker_and_lock_stores():
    rasa = by_kind("Deployment")["rasa"]["spec"]["template"]["spec"]
    container = rasa["containers"][0]
    args = container["args"]
    assert container["command"] == ["python", "-m", "bot.rasa.server"] and (ROOT / "bot" / "rasa" / "server.py").exists()
    model_dir = args[args.index("--model") + 1]
    mounts = {m["mountPath"]: m for m in container["volumeMounts"]}
    assert mounts[model_dir]["readOnly"] is True
    volume = {v["name"]: v for v in rasa["volumes"]}[mounts[model_dir]["name"]]
    assert volume["persistentVolumeClaim"]["claimName"] == "gaozhi-models"
    endpoints = yaml.safe_load(by_kind("ConfigMap")["gaozhi-rasa-endpoints"]["data"]["endpoints.yml"])
    assert endpoints["tracker_store"]["type"] == "SQL" and endpoints["tracker_store"]["dialect"] == "postgresql"
    assert endpoints["lock_store"]["type"] == "redis"
    # Every ${VAR} Rasa substitutes in its endpoints is set in the Rasa container.
    provided = {e["name"] for e in container["env"]}
    for source in container["envFrom"]:
        if "configMapRef" in source:
            provided |= set(by_kind("ConfigMap")[source["configMapRef"]["name"]]["data"])
    wanted = substituted(by_kind("ConfigMap")["gaozhi-rasa-endpoints"]["data"]["endpoints.yml"])
    assert wanted - FILLED_BY_RASA_SERVER <= provided, wanted - provided


# --- Compose ------------------------------------------------------------------------------------------------

def test_compose_file_matches_the_compose_specification():
    jsonschema.validate(compose(), compose_schema())


def test_the_compose_validator_rejects_a_broken_file():
    broken = compose()
    broken["services"]["rasa"]["depends_on"]["actions"]["condition"] = "service_finished"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, compose_schema())
    broken = compose()
    broken["services"]["api"]["helthcheck"] = broken["services"]["api"].pop("healthcheck")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, compose_schema())


def test_compose_has_every_part_and_starts_them_in_order():
    services = compose()["services"]
    assert {"postgres", "redis", "migrate", "api", "actions", "rasa"} <= set(services)
    assert "api.cli migrate" in " ".join(services["migrate"]["command"])
    assert services["api"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, (name, dependency)
        if name not in ("migrate", "train"):
            assert "healthcheck" in service, f"{name}: no healthcheck"


def test_compose_secrets_volumes_and_files_exist():
    doc = compose()
    here = COMPOSE.parent
    for name, service in doc["services"].items():
        for secret in service.get("secrets", []):
            assert secret_source(secret) in doc["secrets"], (name, secret)
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (here / source).exists(), (name, source)
            else:
                assert source in doc["volumes"], (name, source)
        build = service.get("build")
        if build:
            assert (here / build["context"] / build["dockerfile"]).is_file(), name
    assert {"signing_key", "id_hash_key", "jwt_secret", "service_token"} <= set(doc["secrets"])
    make_secrets = (here / "make-secrets.sh").read_text(encoding="utf-8")
    for secret in doc["secrets"].values():
        assert Path(secret["file"]).name in make_secrets  # the script creates every secret file compose reads


def test_compose_api_settings_are_real_and_rasa_endpoints_are_filled():
    services = compose()["services"]
    from api.metrics import ENV_TOKEN_PATH  # read by api/metrics.py itself, not a field of the settings

    assert set(k for k in services["api"]["environment"] if k.startswith("GZ_")) <= api_settings_env() | {ENV_TOKEN_PATH}
    endpoints_text = (COMPOSE.parent / "endpoints.yml").read_text(encoding="utf-8")
    wanted = substituted(endpoints_text) - FILLED_BY_RASA_SERVER
    assert wanted <= set(services["rasa"]["environment"]), wanted - set(services["rasa"]["environment"])
    endpoints = yaml.safe_load(endpoints_text)
    k8s_endpoints = yaml.safe_load(by_kind("ConfigMap")["gaozhi-rasa-endpoints"]["data"]["endpoints.yml"])
    # The same stores in both deployments; only the action server's address differs.
    assert {k: v for k, v in endpoints.items() if k != "action_endpoint"} == {
        k: v for k, v in k8s_endpoints.items() if k != "action_endpoint"}


# --- Dockerfiles (cannot be built here: Docker does not run on the development machine) --------------------

@pytest.mark.parametrize("dockerfile", ["api.Dockerfile", "bot.Dockerfile"])
def test_dockerfiles_copy_only_what_exists(dockerfile):
    text = (DEPLOY / "docker" / dockerfile).read_text(encoding="utf-8")
    copies = [line.split()[1:-1] for line in text.splitlines() if line.startswith("COPY ") and "--from" not in line]
    assert copies
    for sources in copies:
        for source in sources:
            assert (ROOT / source).exists(), f"{dockerfile}: COPY {source} does not exist"


# --- hardening: who reaches the action server, and no secret on a command line -----------------------------

SECRET_HEADER = "X-GZ-Action-Secret"


def env_of(container: Dict[str, Any]) -> Dict[str, Any]:
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container.get("env", [])}


def mounted_files(container: Dict[str, Any], spec: Dict[str, Any]) -> Dict[str, str]:
    """Path inside the container -> secret key, for every secret item mounted in ``container``."""
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    files = {}
    for mount in container.get("volumeMounts", []):
        secret = volumes[mount["name"]].get("secret")
        for item in (secret or {}).get("items", []):
            files[f"{mount['mountPath']}/{item['path']}"] = item["key"]
    return files


def command_line(parts: Any) -> str:
    return " ".join(parts) if isinstance(parts, list) else str(parts or "")


def assert_no_secret_on(where: str, line: str) -> None:
    # Any user of the node (or host) reads command lines (ps, /proc/<pid>/cmdline): secrets come from files.
    for option in ("--auth-token", "--requirepass", "/run/secrets"):
        assert option not in line, f"{where}: a secret on the command line: {line}"
    assert not re.search(r"\$\((?!\()[A-Z_]*(TOKEN|SECRET|PASSWORD|KEY)[A-Z_]*\)", line), f"{where}: {line}"
    assert not re.search(r"(?<![A-Z_])-a\s", line), f"{where}: redis-cli -a puts the password on argv: {line}"


def test_no_secret_is_on_a_kubernetes_command_line():
    for where, container, _spec in containers():
        assert_no_secret_on(where, command_line(container.get("command")) + " " + command_line(container.get("args")))
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            if "exec" in container.get(probe, {}):
                assert_no_secret_on(f"{where}/{probe}", command_line(container[probe]["exec"]["command"]))


def test_no_secret_is_on_a_compose_command_line():
    for name, service in compose()["services"].items():
        assert_no_secret_on(name, command_line(service.get("command")))
        assert_no_secret_on(f"{name}/healthcheck", command_line(service.get("healthcheck", {}).get("test")))


def test_the_checker_finds_a_secret_on_a_command_line():
    for line in ("python -m bot.rasa.server run --auth-token $(RASA_TOKEN)", "redis-server --requirepass hunter2",
                 "redis-cli -a \"$REDIS_PASSWORD\" ping", "exec x \"$(cat /run/secrets/rasa_token)\""):
        with pytest.raises(AssertionError):
            assert_no_secret_on("example", line)


def test_kubernetes_rasa_reads_its_token_and_the_action_secret_from_mounted_files():
    deployment = by_kind("Deployment")["rasa"]["spec"]["template"]["spec"]
    container = deployment["containers"][0]
    env, files = env_of(container), mounted_files(container, deployment)
    assert files[env["GZ_RASA_TOKEN_PATH"]] == "rasa.token"
    assert files[env["GZ_ACTION_SECRET_PATH"]] == "action.secret"
    config = by_kind("ConfigMap")["gaozhi-config"]["data"]
    assert files[config["GZ_EVIDENCE_KEY_PATH"]] == "channel-evidence.key"
    assert {"configMapRef": {"name": "gaozhi-config"}} in container["envFrom"]
    # Not a one-machine profile: the WeChat channel refuses its demo credentials, so the real ones are required.
    assert env["GZ_PROFILE"] == "production"
    wechat = [s["secretRef"] for s in container["envFrom"] if "secretRef" in s]
    assert wechat == [{"name": "gaozhi-wechat"}]
    endpoints = yaml.safe_load(by_kind("ConfigMap")["gaozhi-rasa-endpoints"]["data"]["endpoints.yml"])
    assert endpoints["action_endpoint"]["headers"] == {SECRET_HEADER: "${GZ_ACTION_SECRET}"}


def test_kubernetes_action_server_requires_the_secret_and_never_gets_the_evidence_key():
    deployment = by_kind("Deployment")["actions"]["spec"]["template"]["spec"]
    container = deployment["containers"][0]
    assert container["command"][:3] == ["python", "-m", "actions.server"]
    assert (ROOT / "actions" / "server.py").exists()
    env, files = env_of(container), mounted_files(container, deployment)
    assert files[env["GZ_ACTION_SECRET_PATH"]] == "action.secret"
    # The shared ConfigMap names the evidence key's path: the action server must not take it in wholesale.
    assert "GZ_EVIDENCE_KEY_PATH" not in env and not container.get("envFrom")
    assert "channel-evidence.key" not in files.values()
    # The probes carry no secret: they may only ask /health, the one route open without it.
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/health"


def selects(selector: Dict[str, Any], labels: Dict[str, str]) -> bool:
    return selector.get("matchLabels", {}).items() <= labels.items() and not selector.get("matchExpressions")


def test_only_rasa_and_prometheus_reach_the_action_server_in_kubernetes():
    """Rasa's pods (this namespace), and for /metrics the Prometheus pods of the namespace ``monitoring`` (the
    subject monitoring.yaml's RoleBinding names), on port 5055: no other pod, namespace or port."""
    actions_labels = by_kind("Deployment")["actions"]["spec"]["template"]["metadata"]["labels"]
    rasa_labels = by_kind("Deployment")["rasa"]["spec"]["template"]["metadata"]["labels"]
    others = [d["spec"]["template"]["metadata"]["labels"] for n, d in by_kind("Deployment").items() if n != "rasa"]
    prometheus = by_kind("RoleBinding")["prometheus-discovery"]["subjects"][0]
    # Prometheus's pods as the API's way in for them (monitoring.yaml) names them.
    prometheus_pods = [s["podSelector"] for r in by_kind("NetworkPolicy")["api-from-prometheus"]["spec"]["ingress"]
                       for s in r["from"]]
    policies = [p for p in by_kind("NetworkPolicy").values() if selects(p["spec"]["podSelector"], actions_labels)]
    assert policies, "no NetworkPolicy selects the action server's pods"
    sources = []
    for policy in policies:
        assert "Ingress" in policy["spec"]["policyTypes"]
        for rule in policy["spec"].get("ingress", []):
            assert rule.get("from"), f"{policy['metadata']['name']}: a rule without 'from' admits every pod"
            assert [p["port"] for p in rule.get("ports", [])] == [5055]
            sources += rule["from"]
    from_rasa = [s for s in sources if set(s) == {"podSelector"}]
    from_monitoring = [s for s in sources if set(s) == {"namespaceSelector", "podSelector"}]
    assert len(from_rasa) + len(from_monitoring) == len(sources), f"only pods, by label: {sources}"
    assert from_rasa and from_monitoring
    for source in from_rasa:  # pods of this namespace: Rasa's only
        assert selects(source["podSelector"], rasa_labels)
        assert not any(selects(source["podSelector"], labels) for labels in others)
    for source in from_monitoring:  # another namespace: that one, and only Prometheus's pods in it
        assert source["namespaceSelector"] == {"matchLabels": {"kubernetes.io/metadata.name": prometheus["namespace"]}}
        assert source["podSelector"]["matchLabels"] and source["podSelector"] in prometheus_pods


def test_the_action_server_check_refuses_any_other_way_in():
    """The check above fails for a rule that admits more: every pod of the monitoring namespace, another
    namespace's Prometheus, a pod of this namespace other than Rasa, or another port."""
    wider = [
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}},
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "default"}},
         "podSelector": {"matchLabels": {"app.kubernetes.io/name": "prometheus"}}},
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}},
         "podSelector": {"matchLabels": {"app.kubernetes.io/name": "grafana"}}},
        {"podSelector": {"matchLabels": {"app.kubernetes.io/name": "api"}}},
        {"namespaceSelector": {}, "podSelector": {"matchLabels": {"app.kubernetes.io/name": "prometheus"}}},
    ]
    documents = k8s_documents()
    with mock.patch(f"{__name__}.k8s_documents", lambda include_examples=True, docs=documents: docs):
        test_only_rasa_and_prometheus_reach_the_action_server_in_kubernetes()  # as shipped: passes
    for source in wider:
        broken = copy.deepcopy(documents)
        policy = next(d for _, d in broken if d["kind"] == "NetworkPolicy" and d["metadata"]["name"] == "actions-from-rasa")
        policy["spec"]["ingress"].append({"from": [source], "ports": [{"port": 5055}]})
        with mock.patch(f"{__name__}.k8s_documents", lambda include_examples=True, docs=broken: docs):
            with pytest.raises(AssertionError):
                test_only_rasa_and_prometheus_reach_the_action_server_in_kubernetes()
    broken = copy.deepcopy(documents)
    policy = next(d for _, d in broken if d["kind"] == "NetworkPolicy" and d["metadata"]["name"] == "actions-from-rasa")
    policy["spec"]["ingress"][-1]["ports"] = [{"port": 5055}, {"port": 8000}]
    with mock.patch(f"{__name__}.k8s_documents", lambda include_examples=True, docs=broken: docs):
        with pytest.raises(AssertionError):
            test_only_rasa_and_prometheus_reach_the_action_server_in_kubernetes()


def test_compose_keeps_the_action_server_on_a_network_only_rasa_shares():
    doc = compose()
    services, networks = doc["services"], doc["networks"]
    actions = services["actions"]
    on = {name: (cfg or {}) for name, cfg in actions["networks"].items()}
    # The network where it listens: internal, and shared with Rasa alone.
    listening = [name for name, cfg in on.items() if cfg.get("ipv4_address") == actions["environment"]["GZ_ACTION_HOST"]]
    assert len(listening) == 1
    private = listening[0]
    assert networks[private]["internal"] is True
    members = {n for n, svc in services.items() if private in (svc.get("networks") or {})}
    assert members == {"actions", "rasa"}
    # Every other network of the action server is internal too, and there it does not listen.
    for name in on:
        assert networks[name].get("internal") is True, name
    assert "ports" not in actions
    assert actions["environment"]["GZ_ACTION_HOST"] != "0.0.0.0"
    assert actions["environment"]["GZ_ACTION_HOST"] in command_line(actions["healthcheck"]["test"])
    assert actions["command"][:3] == ["python", "-m", "actions.server"]


def test_compose_passes_the_action_secret_and_the_evidence_key_as_secret_files():
    services = compose()["services"]
    actions, rasa, api = services["actions"], services["rasa"], services["api"]
    assert actions["environment"]["GZ_ACTION_SECRET_PATH"] == "/run/secrets/action_secret"
    assert "action_secret" in actions["secrets"] and "evidence_key" not in actions["secrets"]
    assert "GZ_EVIDENCE_KEY_PATH" not in actions["environment"]
    assert rasa["environment"]["GZ_ACTION_SECRET_PATH"] == "/run/secrets/action_secret"
    assert rasa["environment"]["GZ_RASA_TOKEN_PATH"] == "/run/secrets/rasa_token"
    assert {"action_secret", "rasa_token", "evidence_key"} <= set(rasa["secrets"])
    for service in (rasa, api):
        assert service["environment"]["GZ_EVIDENCE_KEY_PATH"] == "/run/secrets/evidence_key"
        assert "evidence_key" in service["secrets"]
    assert rasa["environment"]["GZ_PROFILE"] == "production"
    endpoints = yaml.safe_load((COMPOSE.parent / "endpoints.yml").read_text(encoding="utf-8"))
    assert endpoints["action_endpoint"]["headers"] == {SECRET_HEADER: "${GZ_ACTION_SECRET}"}
    # Rasa's evidence ledger uses a Redis database of its own (1: lock store, 2: WeChat).
    assert rasa["environment"]["GZ_EVIDENCE_REDIS_URL"].endswith("/4")


# --- the key files the API reads: mounted where it looks, made by make-secrets.sh, loaded for real ----------
# The API signs every record with Ed25519 and SM2 and every letter PDF with PAdES. It finds the SM2 key and the
# letters' certificates beside the Ed25519 key; on a read-only mount it cannot create what is missing, so it
# refuses to start without the SM2 key and letters fail without the certificates. The root's private key
# (ca.key) must never be deployed: whoever holds it can issue letter certificates.

MAKE_SECRETS = DEPLOY / "compose" / "make-secrets.sh"
SECRETS_EXAMPLE = K8S / "secrets.example.yaml"
MODES = ("api.cli", "openssl")  # how make-secrets.sh makes the signing keys and the letters' certificates
API_ONLY_COMPOSE_SECRETS = {"signing_key", "sm2_signing_key", "letter_signer_key", "letter_signer_cert", "letter_ca_cert"}


def settings_from(env: Dict[str, str], model: Any) -> Any:
    """A settings object of the API for exactly ``env``: no GZ_ variable of the process running the tests."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith("GZ_")}
    with mock.patch.dict(os.environ, {**keep, **env}, clear=True):
        return model()


def files_the_api_reads(env: Dict[str, str]) -> Dict[str, Path]:
    """Every key file the API opens under ``env``, by what it is. Asked of the API's own code (its settings, and
    where the SM2 key and the letters' PKI sit beside the signing key), so a change there shows up here."""
    from api.config import Settings
    from api.handoff.rasa import RasaLinkSettings
    from api.signing import pades
    from api.signing.service import sm2_key_path

    settings = settings_from(env, Settings)
    pki = pades.pki_dir_for(settings.signing_key_path)
    files = {
        "Ed25519 signing key": settings.signing_key_path,
        "SM2 signing key": sm2_key_path(settings.signing_key_path),
        "letter-signing key": pki / pades.SIGNER_KEY,
        "letter-signing certificate": pki / pades.SIGNER_CERT,
        "letters' root certificate": pki / pades.CA_CERT,
        "ID-hash key": settings.id_hash_key_path,
        "data key ring": settings.data_key_path,
        "JWT secret": settings.jwt_secret_file,
        "service token": settings.service_token_file,
        "channel-evidence key": settings.evidence_key_file,
        "one-time-code key": settings.otp_key_path,
    }
    hotline = settings_from(env, RasaLinkSettings).hotline_secret_path
    if hotline is not None:
        files["hotline secret"] = hotline
    return files


def missing_key_files(env: Dict[str, str], mounted: Dict[str, Any]) -> List[str]:
    return sorted(what for what, path in files_the_api_reads(env).items() if str(path) not in mounted)


def k8s_env(container: Dict[str, Any]) -> Dict[str, str]:
    """The plain environment of a container: its ConfigMaps (envFrom), then its own ``value`` entries."""
    env: Dict[str, str] = {}
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            env.update(by_kind("ConfigMap")[source["configMapRef"]["name"]]["data"])
    env.update({e["name"]: e["value"] for e in container.get("env", []) if "value" in e})
    return env


def k8s_api() -> Tuple[Dict[str, Any], Dict[str, Any]]:
    spec = by_kind("Deployment")["api"]["spec"]["template"]["spec"]
    return spec["containers"][0], spec


def k8s_migrate() -> Tuple[Dict[str, Any], Dict[str, Any]]:
    job = [j for j in by_kind("Job").values() if j["metadata"]["labels"]["app.kubernetes.io/name"] == "migrate"][0]
    spec = job["spec"]["template"]["spec"]
    return spec["containers"][0], spec


def compose_mounted_secrets(service: Dict[str, Any]) -> Dict[str, str]:
    """Path inside the container -> host file (relative to the Compose file), for every secret of ``service``:
    Compose mounts a secret at /run/secrets/<target>, the target being the secret's name unless given."""
    declared = compose()["secrets"]
    files = {}
    for entry in service.get("secrets", []):
        source = secret_source(entry)
        target = source if isinstance(entry, str) else entry.get("target", source)
        files[target if target.startswith("/") else f"/run/secrets/{target}"] = declared[source]["file"]
    return files


def kubectl_key_files() -> Dict[str, str]:
    """Secret key -> file (relative to make-secrets.sh's secrets/), as the gaozhi-keys command in
    secrets.example.yaml creates them: ``--from-file=path`` keys the file by its name, ``--from-file=key=path``
    by ``key``."""
    lines = [line.lstrip("#").strip() for line in SECRETS_EXAMPLE.read_text(encoding="utf-8").splitlines()
             if line.startswith("#")]
    start = next(i for i, line in enumerate(lines) if "create secret generic gaozhi-keys" in line)
    command = []
    for line in lines[start:]:
        command.append(line.rstrip("\\"))
        if not line.endswith("\\"):
            break
    files = {}
    for argument in " ".join(command).split():
        if argument.startswith("--from-file="):
            key, _, path = argument[len("--from-file="):].rpartition("=")
            files[key or Path(path).name] = path
    return files


def test_kubernetes_mounts_every_key_file_the_api_reads_where_it_reads_it():
    container, spec = k8s_api()
    assert missing_key_files(k8s_env(container), mounted_files(container, spec)) == []
    volumes = {v["name"]: v for v in spec["volumes"]}
    for mount in container["volumeMounts"]:
        if "secret" in volumes[mount["name"]]:
            assert mount.get("readOnly") is True, mount


def test_compose_mounts_every_key_file_the_api_reads_where_it_reads_it():
    api = compose()["services"]["api"]
    assert missing_key_files(api["environment"], compose_mounted_secrets(api)) == []
    # The signing keys and the letters' key go to the API alone.
    for name, service in compose()["services"].items():
        if name != "api":
            given = {secret_source(entry) for entry in service.get("secrets", [])}
            assert not given & API_ONLY_COMPOSE_SECRETS, (name, given & API_ONLY_COMPOSE_SECRETS)


def test_the_mount_check_finds_a_key_file_left_out():
    container, spec = k8s_api()
    spec = copy.deepcopy(spec)
    keys = {v["name"]: v for v in spec["volumes"]}["keys"]["secret"]
    keys["items"] = [item for item in keys["items"] if item["key"] != "platform_sm2.key"]
    assert missing_key_files(k8s_env(container), mounted_files(container, spec)) == ["SM2 signing key"]
    api = copy.deepcopy(compose()["services"]["api"])
    api["secrets"] = [entry for entry in api["secrets"] if secret_source(entry) != "letter_ca_cert"]
    assert missing_key_files(api["environment"], compose_mounted_secrets(api)) == ["letters' root certificate"]
    # A setting that moves a key away from where the mount puts it is caught too.
    moved = {**k8s_env(container), "GZ_SIGNING_KEY_PATH": "/run/secrets/elsewhere/platform_ed25519.pem"}
    assert "SM2 signing key" in missing_key_files(moved, mounted_files(container, spec))


def test_the_letters_root_private_key_is_never_deployed():
    from api.signing.pades import CA_KEY

    for where, container, spec in containers():
        for path, key in mounted_files(container, spec).items():
            assert Path(path).name != CA_KEY and CA_KEY not in key, (where, path, key)
    for name, secret in by_kind("Secret").items():
        for key in set(secret.get("stringData", {})) | set(secret.get("data", {})):
            assert CA_KEY not in key, (name, key)
    assert not [path for path in kubectl_key_files().values() if Path(path).name == CA_KEY]
    doc = compose()
    for name, secret in doc["secrets"].items():
        assert Path(secret["file"]).name != CA_KEY and "/ca/" not in secret["file"], name
    for name, service in doc["services"].items():
        for volume in service.get("volumes", []):
            source = Path(volume.split(":")[0]).as_posix()
            # Neither the CA's directory nor the whole secrets directory is bind-mounted anywhere.
            assert source not in ("ca", "secrets") and not source.startswith(("ca/", "secrets")), (name, volume)


def test_the_kubectl_command_creates_exactly_the_keys_of_the_example_secret():
    assert set(kubectl_key_files()) == set(by_kind("Secret")["gaozhi-keys"]["stringData"])


# make-secrets.sh, run for real (both ways it makes the signing keys), and the API started on exactly the
# files each deployment mounts.

@dataclass(frozen=True)
class MadeSecrets:
    mode: str
    out: Path
    trace: Optional[Path]  # every execve of the run (strace), when this machine lets strace trace


def _strace_usable() -> Optional[List[str]]:
    strace = shutil.which("strace")
    if strace is None:
        return None
    for fast in (["--seccomp-bpf"], []):
        command = [strace, "-f", "-qq", *fast, "-e", "trace=execve", "-o", os.devnull, "true"]
        if subprocess.run(command, capture_output=True, timeout=30).returncode == 0:
            return [strace, "-f", "-qq", *fast, "-e", "trace=execve", "-s", "65536"]
    return None


def run_make_secrets(mode: str, out: Path, trace: Optional[Path] = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GZ_")}
    env["GZ_API_PYTHON"] = sys.executable if mode == "api.cli" else ""
    command = ["sh", str(MAKE_SECRETS), str(out)]
    strace = _strace_usable() if trace is not None else None
    if strace is not None:
        command = [*strace, "-o", str(trace), *command]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def secret_sets(tmp_path_factory) -> Callable[[str], MadeSecrets]:
    """make-secrets.sh's output for a mode, made once per module."""
    made: Dict[str, MadeSecrets] = {}

    def get(mode: str) -> MadeSecrets:
        if mode not in made:
            out = tmp_path_factory.mktemp(f"made-{mode}") / "deploy"
            trace = out.parent / "execve.trace"
            result = run_make_secrets(mode, out, trace)
            how = "python -m api.cli init" if mode == "api.cli" else "openssl"
            assert f"letter certificates: {how})" in result.stdout, result.stdout  # no silent fallback
            made[mode] = MadeSecrets(mode, out, trace if trace.exists() else None)
        return made[mode]

    return get


def files_under(root: Path) -> Dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mode", MODES)
def test_make_secrets_creates_every_file_compose_and_kubernetes_take(mode, secret_sets):
    from api.signing import pades

    made = secret_sets(mode)
    for name, secret in compose()["secrets"].items():
        assert (made.out / secret["file"]).is_file(), name
    for key, path in kubectl_key_files().items():
        assert (made.out / "secrets" / path).is_file(), key
    # The root's private key: made, private, and outside the directory the deployments take their files from.
    assert (made.out / "ca" / pades.CA_KEY).is_file() and mode_of(made.out / "ca" / pades.CA_KEY) == 0o600
    assert mode_of(made.out / "ca") == mode_of(made.out / "secrets") == 0o700
    assert not list((made.out / "secrets").rglob(pades.CA_KEY))
    # The certificates carry the names the API itself issues.
    from cryptography import x509

    for filename, role in ((pades.CA_CERT, "根证书"), (pades.SIGNER_CERT, "电子承诺书签章")):
        certificate = x509.load_pem_x509_certificate((made.out / "secrets" / "pki" / filename).read_bytes())
        assert certificate.subject.rfc4514_string() == f"CN={pades.PLATFORM} {role},O={pades.PLATFORM},C=CN"


def test_make_secrets_keeps_every_file_and_adds_only_the_missing_ones(secret_sets, tmp_path):
    out = tmp_path / "deploy"
    shutil.copytree(secret_sets("openssl").out, out)
    before = files_under(out)
    assert "already there" in run_make_secrets("openssl", out).stdout
    assert files_under(out) == before
    # A deployment from before SM2: only the SM2 key is added.
    (out / "secrets" / "platform_sm2.key").unlink()
    run_make_secrets("openssl", out)
    after = files_under(out)
    assert set(after) == set(before)
    assert [name for name in after if after[name] != before[name]] == ["secrets/platform_sm2.key"]
    # Half a PKI is refused rather than completed with a certificate of another CA.
    (out / "secrets" / "pki" / "ca.pem").unlink()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GZ_")}
    broken = subprocess.run(["sh", str(MAKE_SECRETS), str(out)], env={**env, "GZ_API_PYTHON": ""},
                            capture_output=True, text=True, timeout=120)
    assert broken.returncode != 0 and "secrets/pki/ is incomplete" in broken.stderr


def secret_forms(data: bytes) -> Set[str]:
    """The ways a secret file's content could show on a command line (16 characters or more)."""
    forms = {data.hex(), base64.b64encode(data).decode("ascii")}
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        return forms
    for line in text.splitlines():
        if line.startswith("-----"):
            continue
        forms |= {line.strip(), line.split("=", 1)[-1].strip(), line.split(":", 1)[-1].strip()}
    return {form for form in forms if len(form) >= 16}


@pytest.mark.parametrize("mode", MODES)
def test_make_secrets_puts_no_secret_on_a_command_line(mode, secret_sets):
    from api.signing import pades

    made = secret_sets(mode)
    if made.trace is None:
        pytest.skip("strace cannot trace processes on this machine")
    trace = made.trace.read_text(encoding="utf-8", errors="replace")
    assert 'execve("' in trace and "make-secrets.sh" in trace  # the trace did see the run
    public = {pades.CA_CERT, pades.SIGNER_CERT}
    checked = 0
    for path in [*(made.out / "secrets").rglob("*"), made.out / "ca" / pades.CA_KEY, made.out / ".env"]:
        if path.is_file() and path.name not in public:
            for form in secret_forms(path.read_bytes()):
                assert form not in trace, f"{path.relative_to(made.out)} is on a command line"
                checked += 1
    assert checked > 20


def blank_pdf() -> bytes:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

    writer = PdfFileWriter()
    a4 = generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, 595, 842)])
    writer.insert_page(PageObject(contents=writer.add_object(generic.StreamObject(stream_data=b"")), media_box=a4))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def rerooted(env: Dict[str, Any], root: Path) -> Dict[str, str]:
    """The environment with every absolute GZ_ path moved under ``root``, where the test lays the mounts out."""
    return {k: str(root / v.lstrip("/")) if k.startswith("GZ_") and str(v).startswith("/") else str(v)
            for k, v in env.items()}


@dataclass(frozen=True)
class Layout:
    """The files of one container, laid out under ``root`` as the deployment mounts them."""

    root: Path
    env: Dict[str, str]
    read_only: List[Path]  # the mounts the process must not write to: secrets, config maps, ':ro' binds

    def snapshot(self) -> Dict[str, bytes]:
        files: Dict[str, bytes] = {}
        for directory in self.read_only:
            files.update({f"{directory}/{name}": data for name, data in files_under(directory).items()})
        return files


def k8s_layout(container: Dict[str, Any], spec: Dict[str, Any], made: MadeSecrets, root: Path,
               database_url: str) -> Layout:
    keys = kubectl_key_files()
    volumes = {v["name"]: v for v in spec["volumes"]}
    read_only = []
    for mount in container["volumeMounts"]:
        directory = root / mount["mountPath"].lstrip("/")
        directory.mkdir(parents=True, exist_ok=True)
        volume = volumes[mount["name"]]
        if "secret" in volume:
            for item in volume["secret"]["items"]:
                (directory / item["path"]).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(made.out / "secrets" / keys[item["key"]], directory / item["path"])
        if "secret" in volume or "configMap" in volume:
            read_only.append(directory)  # an empty config map: the retired keys before the first rotation
    env = {**rerooted(k8s_env(container), root), "GZ_DATABASE_URL": database_url}
    return Layout(root, env, read_only)


def compose_layout(service: Dict[str, Any], made: MadeSecrets, root: Path, database_url: str) -> Layout:
    for path, host_file in compose_mounted_secrets(service).items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(made.out / host_file, target)
    read_only = [root / "run" / "secrets"]
    for volume in service.get("volumes", []):
        parts = volume.split(":")
        directory = root / parts[1].lstrip("/")
        directory.mkdir(parents=True, exist_ok=True)
        if parts[2:] == ["ro"]:
            read_only.append(directory)
    env = {**rerooted(service["environment"], root), "GZ_DATABASE_URL": database_url}
    return Layout(root, env, read_only)


def start_api_and_sign(layout: Layout) -> Dict[str, Any]:
    """Start the API on ``layout`` and use every key: what it published, a letter it signed, and the files it
    created where it must not write."""
    from fastapi.testclient import TestClient

    from api.config import Settings
    from api.main import create_app
    from api.signing.pades import letter_signer_for

    settings = settings_from(layout.env, Settings)
    before = layout.snapshot()
    with TestClient(create_app(settings)) as client:
        platform = client.get("/api/v1/keys/platform").json()
        ca_pem = client.get("/api/v1/pki/ca.pem").content
        key = client.app.state.platform_key
        sm2_ok = key.verify_sm2_as(key.sm2_key_id, b"record", key.sign_sm2(b"record"))
    letter = letter_signer_for(settings.signing_key_path).sign(blank_pdf(), reason="部署检查")
    after = layout.snapshot()
    created = sorted(set(after) - set(before))
    changed = sorted(name for name in before if after.get(name) != before[name])
    return {"platform": platform, "ca_pem": ca_pem, "sm2_ok": sm2_ok, "letter": letter,
            "created": created, "changed": changed}


def assert_the_api_used_the_made_keys(result: Dict[str, Any], made: MadeSecrets) -> None:
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from api.signing.gm import Sm2PrivateKey
    from api.signing.service import key_id_of

    secrets = made.out / "secrets"
    assert result["created"] == [] and result["changed"] == []
    ed25519 = serialization.load_pem_private_key((secrets / "platform_ed25519.pem").read_bytes(), password=None)
    assert result["platform"]["key_id"] == key_id_of(ed25519.public_key())
    sm2 = Sm2PrivateKey.from_hex((secrets / "platform_sm2.key").read_text(encoding="ascii"))
    assert result["platform"]["sm2_key_id"] == sm2.public.key_id and result["sm2_ok"] is True
    assert result["ca_pem"] == (secrets / "pki" / "ca.pem").read_bytes()
    root = asn1_x509.Certificate.load(pem.unarmor(result["ca_pem"])[2])
    (signature,) = PdfFileReader(BytesIO(result["letter"])).embedded_signatures
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[root]))
    assert status.intact and status.valid and status.trusted and status.bottom_line


@pytest.mark.parametrize("mode", MODES)
def test_the_api_starts_and_signs_on_exactly_the_kubernetes_mount(mode, secret_sets, tmp_path):
    made = secret_sets(mode)
    container, spec = k8s_api()
    layout = k8s_layout(container, spec, made, tmp_path / "pod", f"sqlite:///{tmp_path / 'api.db'}")
    assert_the_api_used_the_made_keys(start_api_and_sign(layout), made)


@pytest.mark.parametrize("mode", MODES)
def test_the_api_starts_and_signs_on_exactly_the_compose_secrets(mode, secret_sets, tmp_path):
    made = secret_sets(mode)
    layout = compose_layout(compose()["services"]["api"], made, tmp_path / "container", f"sqlite:///{tmp_path / 'api.db'}")
    assert_the_api_used_the_made_keys(start_api_and_sign(layout), made)


def test_the_start_check_sees_a_key_the_deployment_left_out(secret_sets, tmp_path):
    # Without the SM2 key on the mount the API makes one of its own there: on the read-only mount of a real
    # pod that is the refusal to start; here, where the test may write, it shows as a created file.
    container, spec = k8s_api()
    spec = copy.deepcopy(spec)
    keys = {v["name"]: v for v in spec["volumes"]}["keys"]["secret"]
    keys["items"] = [item for item in keys["items"] if item["key"] != "platform_sm2.key"]
    layout = k8s_layout(container, spec, secret_sets("openssl"), tmp_path / "pod", f"sqlite:///{tmp_path / 'api.db'}")
    result = start_api_and_sign(layout)
    assert [Path(name).name for name in result["created"]] == ["platform_sm2.key"]


def run_migration(command: List[str], layout: Layout) -> subprocess.CompletedProcess:
    """The migration's own command line, with the API's Python first on the PATH (as in the image)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GZ_")}
    env.update(layout.env)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("deployment", ["kubernetes", "compose"])
def test_the_migration_runs_with_only_the_keys_it_is_given(deployment, secret_sets, tmp_path):
    made = secret_sets("openssl")
    database_url = f"sqlite:///{tmp_path / 'api.db'}"
    if deployment == "kubernetes":
        container, spec = k8s_migrate()
        layout = k8s_layout(container, spec, made, tmp_path / "pod", database_url)
        command = container["command"]
    else:
        service = compose()["services"]["migrate"]
        layout = compose_layout(service, made, tmp_path / "container", database_url)
        command = service["command"]
    before = layout.snapshot()
    result = run_migration(command, layout)
    assert result.returncode == 0, result.stdout + result.stderr
    after = layout.snapshot()
    # Nothing created on the read-only mounts: in a real pod or container that would have failed the job.
    assert sorted(set(after) - set(before)) == [] and after == before


# --- metrics: Prometheus's scrape of the API, the token patch, the Grafana dashboard ---------------------------

GRAFANA = DEPLOY / "grafana" / "gaozhi.json"
METRICS_SOURCES = (ROOT / "api" / "metrics.py", ROOT / "actions" / "metrics.py")


def kustomize_patches() -> List[Dict[str, Any]]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    return [yaml.safe_load((K8S / entry["path"]).read_text(encoding="utf-8")) for entry in kustomization.get("patches", [])]


def merged_by(items: List[Dict[str, Any]], patch: List[Dict[str, Any]], key: str) -> List[Dict[str, Any]]:
    """A strategic-merge list keyed by ``key`` (env by name, volumes by name, mounts by mountPath): patched entries
    first, as kustomize puts them, the others kept."""
    patched = {entry[key] for entry in patch}
    return [*patch, *[entry for entry in items if entry[key] not in patched]]


def patched_deployment(name: str) -> Dict[str, Any]:
    """The Deployment ``name`` as ``kubectl apply -k`` sends it: api.yaml plus the kustomization's patches."""
    deployment = copy.deepcopy(by_kind("Deployment")[name])
    for patch in kustomize_patches():
        if patch["kind"] != "Deployment" or patch["metadata"]["name"] != name:
            continue
        spec, extra = deployment["spec"]["template"]["spec"], patch["spec"]["template"]["spec"]
        spec["volumes"] = merged_by(spec.get("volumes", []), extra.get("volumes", []), "name")
        for patch_container in extra.get("containers", []):
            container = next(c for c in spec["containers"] if c["name"] == patch_container["name"])
            container["env"] = merged_by(container.get("env", []), patch_container.get("env", []), "name")
            container["volumeMounts"] = merged_by(container.get("volumeMounts", []),
                                                  patch_container.get("volumeMounts", []), "mountPath")
    return deployment


def scrape_config() -> Dict[str, Any]:
    return yaml.safe_load(by_kind("ConfigMap")["gaozhi-prometheus-scrape"]["data"]["gaozhi-scrape.yml"])


def exported_metrics() -> Set[str]:
    """Every metric name the API and the action server define (Counter(...), Histogram(...), gauge families)."""
    names = set()
    for source in METRICS_SOURCES:
        names |= set(re.findall(r'(?:Counter|Histogram|Gauge|Summary|MetricFamily)\(\s*"(gz_[a-z_]+)"',
                                source.read_text(encoding="utf-8")))
    return names


def uncharted(dashboard: Dict[str, Any], names: Set[str]) -> Set[str]:
    queries = " ".join(t["expr"] for p in dashboard["panels"] for t in p.get("targets", []))
    return {name for name in names if not re.search(rf"\b{name}(_bucket|_count|_sum)?\b", queries)}


def test_every_kustomize_patch_targets_a_manifest_and_stays_valid():
    patches = kustomize_patches()
    assert patches, "kustomization.yaml patches nothing: the API would not get its scrape token"
    for patch in patches:
        assert patch["metadata"]["name"] in by_kind(patch["kind"]), patch["metadata"]
        kubernetes_validate.validate(patched_deployment(patch["metadata"]["name"]), K8S_VERSION, strict=True)


def test_the_api_reads_the_scrape_token_from_a_read_only_secret_of_its_own():
    from api.metrics import ENV_TOKEN_PATH

    deployment = patched_deployment("api")
    spec = deployment["spec"]["template"]["spec"]
    container = spec["containers"][0]
    env = {e["name"]: e.get("value") for e in container["env"]}
    token_file = env[ENV_TOKEN_PATH]
    files = mounted_files(container, spec)
    assert files[token_file] == "metrics.token"
    mount = [m for m in container["volumeMounts"] if token_file.startswith(m["mountPath"] + "/")][0]
    assert mount["readOnly"] is True
    volume = {v["name"]: v for v in spec["volumes"]}[mount["name"]]["secret"]
    assert volume["secretName"] == "gaozhi-metrics" and volume["defaultMode"] == 0o440
    # The patch adds; every key the API had stays where it was, and nothing else reaches another pod.
    original = by_kind("Deployment")["api"]["spec"]["template"]["spec"]
    assert mounted_files(original["containers"][0], original).items() <= files.items()
    assert [p["metadata"]["name"] for p in kustomize_patches()] == ["api"]
    # How to create the secret is written down, in both namespaces Prometheus and the API need it in.
    text = (K8S / "monitoring.yaml").read_text(encoding="utf-8")
    for namespace in ("gaozhi", "monitoring"):
        assert f"kubectl -n {namespace} create secret generic gaozhi-metrics --from-file=metrics.token" in text


def test_the_action_server_reads_the_scrape_token_from_the_same_read_only_secret():
    from api.metrics import ENV_TOKEN_PATH as API_VARIABLE

    source = (ROOT / "actions" / "metrics.py").read_text(encoding="utf-8")
    read = re.search(r'^ENV_TOKEN_PATH\s*=\s*"(\w+)"', source, re.M)
    assert read and read.group(1) == API_VARIABLE  # the action server reads the variable the API reads
    spec = by_kind("Deployment")["actions"]["spec"]["template"]["spec"]
    container = spec["containers"][0]
    token_file = env_of(container)[API_VARIABLE]
    assert mounted_files(container, spec)[token_file] == "metrics.token"
    mount = [m for m in container["volumeMounts"] if token_file.startswith(m["mountPath"] + "/")][0]
    assert mount["readOnly"] is True
    volume = {v["name"]: v for v in spec["volumes"]}[mount["name"]]["secret"]
    assert volume["secretName"] == "gaozhi-metrics" and volume["defaultMode"] == 0o440
    # The same file as the API's, at the same path.
    api = patched_deployment("api")["spec"]["template"]["spec"]["containers"][0]
    assert token_file == env_of(api)[API_VARIABLE]


def test_compose_gives_the_api_and_the_action_server_the_scrape_token_as_a_secret_file():
    from api.metrics import ENV_TOKEN_PATH

    doc = compose()
    assert doc["secrets"]["metrics_token"]["file"] == "./secrets/metrics.token"
    for name in ("api", "actions"):
        service = doc["services"][name]
        assert service["environment"][ENV_TOKEN_PATH] == "/run/secrets/metrics_token", name
        assert "metrics_token" in [secret_source(s) for s in service["secrets"]], name
    # Nothing else gets it: only these two serve /metrics.
    others = [n for n, s in doc["services"].items() if n not in ("api", "actions")
              and "metrics_token" in [secret_source(x) for x in s.get("secrets", [])]]
    assert others == []


def test_prometheus_scrapes_every_api_and_action_server_pod_with_the_token_file_only():
    jobs = {job["job_name"]: job for job in scrape_config()["scrape_configs"]}
    assert set(jobs) == {"gaozhi-api", "gaozhi-actions"}
    for name, scraped in (("gaozhi-api", "api"), ("gaozhi-actions", "actions")):
        job = jobs[name]
        assert job["metrics_path"] == "/metrics"
        # The token is a file Prometheus reads, never a value in this ConfigMap.
        assert set(job["authorization"]) == {"type", "credentials_file"} and job["authorization"]["type"] == "Bearer"
        assert job["authorization"]["credentials_file"].endswith("/gaozhi-metrics/metrics.token")
        for forbidden in ("bearer_token", "basic_auth", "credentials"):
            assert forbidden not in job and forbidden not in job["authorization"]
        (sd,) = job["kubernetes_sd_configs"]
        assert sd["role"] == "endpoints" and sd["namespaces"]["names"] == ["gaozhi"]
        keep = [r for r in job["relabel_configs"] if r.get("action") == "keep"]
        assert keep and keep[0]["source_labels"] == ["__meta_kubernetes_service_name", "__meta_kubernetes_endpoint_port_name"]
        service, port_name = keep[0]["regex"].split(";")
        assert service == scraped
        assert [p["name"] for p in by_kind("Service")[service]["spec"]["ports"]] == [port_name]
    # Discovery only reads; the way in is the API's container port and nothing else.
    (rule,) = by_kind("Role")["prometheus-discovery"]["rules"]
    assert set(rule["verbs"]) == {"get", "list", "watch"}
    binding = by_kind("RoleBinding")["prometheus-discovery"]
    assert binding["roleRef"]["name"] == "prometheus-discovery"
    policy = by_kind("NetworkPolicy")["api-from-prometheus"]
    api_labels = by_kind("Deployment")["api"]["spec"]["template"]["metadata"]["labels"]
    assert selects(policy["spec"]["podSelector"], api_labels)
    api_port = by_kind("Deployment")["api"]["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"]
    for ingress in policy["spec"]["ingress"]:
        assert [p["port"] for p in ingress["ports"]] == [api_port]
        for source in ingress["from"]:
            subject = binding["subjects"][0]
            assert source["namespaceSelector"]["matchLabels"] == {"kubernetes.io/metadata.name": subject["namespace"]}
            assert source["podSelector"]["matchLabels"], "every pod of the monitoring namespace is too many"


def test_the_grafana_dashboard_charts_every_metric_of_both_servers():
    dashboard = json.loads(GRAFANA.read_text(encoding="utf-8"))
    names = exported_metrics()
    assert {"gz_action_turns_total", "gz_action_duration_seconds", "gz_commitments_signed_total",
            "gz_commitment_refusals_total", "gz_notice_delivery_failures_total", "gz_otp_codes_sent_total",
            "gz_handoff_queue_length"} <= names
    assert uncharted(dashboard, names) == set()
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    # The job the dashboard's API panels filter on is the job Prometheus is given.
    jobs = {j["job_name"] for j in scrape_config()["scrape_configs"]}
    assert variables["api_job"]["current"]["value"] in jobs and variables["actions_job"]["current"]["value"] in jobs
    for panel in dashboard["panels"]:
        assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
    # No two panels cover the same cells.
    cells = set()
    for panel in dashboard["panels"]:
        g = panel["gridPos"]
        mine = {(x, y) for x in range(g["x"], g["x"] + g["w"]) for y in range(g["y"], g["y"] + g["h"])}
        assert not cells & mine and g["x"] + g["w"] <= 24, panel["title"]
        cells |= mine


def test_the_dashboard_check_notices_a_metric_left_out():
    dashboard = json.loads(GRAFANA.read_text(encoding="utf-8"))
    dashboard["panels"] = [p for p in dashboard["panels"]
                           if not any("gz_otp_codes_sent_total" in t["expr"] for t in p["targets"])]
    assert uncharted(dashboard, exported_metrics()) == {"gz_otp_codes_sent_total"}


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl (its built-in kustomize) is not installed")
def test_kustomize_itself_builds_what_these_checks_assume():
    built = subprocess.run(["kubectl", "kustomize", str(K8S)], capture_output=True, text=True, timeout=120, check=True)
    documents = [d for d in yaml.safe_load_all(built.stdout) if d]
    api = next(d for d in documents if d["kind"] == "Deployment" and d["metadata"]["name"] == "api")
    assumed = patched_deployment("api")["spec"]["template"]["spec"]
    real = api["spec"]["template"]["spec"]
    assert real["volumes"] == assumed["volumes"]
    assert real["containers"][0]["env"] == assumed["containers"][0]["env"]
    assert real["containers"][0]["volumeMounts"] == assumed["containers"][0]["volumeMounts"]
    actions = next(d for d in documents if d["kind"] == "Deployment" and d["metadata"]["name"] == "actions")
    assert actions["spec"]["template"]["spec"] == by_kind("Deployment")["actions"]["spec"]["template"]["spec"]
    binding = next(d for d in documents if d["kind"] == "RoleBinding")
    assert binding["subjects"][0]["namespace"] == "monitoring"  # the namespace transformer leaves it alone
