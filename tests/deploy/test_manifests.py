"""deploy/ checked without Docker or a cluster (issue 6, "Deployment"): the Kubernetes manifests against the
Kubernetes JSON schemas (kubernetes-validate, strict: unknown fields fail), the Compose file against the
Compose specification's JSON schema (vendored by check-jsonschema), and the references between the parts
that no schema sees: secrets, config keys, services, selectors, probes, the migration job, the model
volume, the settings the API really reads, and the files the Dockerfiles copy. Offline: every schema ships
inside its package. Runs in the API virtualenv (kubernetes-validate needs jsonschema >= 4.18; Rasa 3.6 pins
it below that)."""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

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


def compose_schema() -> Dict[str, Any]:
    schema = resources.files("check_jsonschema") / "builtin_schemas" / "vendor" / "compose-spec.json"
    return json.loads(schema.read_text(encoding="utf-8"))


def substituted(endpoints_text: str) -> set:
    """The ${VAR}s Rasa replaces from the environment in an endpoints file (comments aside)."""
    lines = [line for line in endpoints_text.splitlines() if not line.lstrip().startswith("#")]
    return set(re.findall(r"\$\{(\w+)\}", "\n".join(lines)))


# Variables bot/rasa_server.py puts into Rasa's environment itself, from a file: ${GZ_ACTION_SECRET} in the
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
    keys = {"platform_ed25519.pem", "id_hash.key", "data.key", "hotline.secret", "jwt.secret", "service.token",
            "channel-evidence.key"}
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
                              ("GZ_EVIDENCE_KEY_PATH", "channel-evidence.key")):
        assert config[setting] == f"{mount['mountPath']}/{filename}"

    def secret_items(spec):
        return sorted(i["key"] for v in spec["volumes"] if "secret" in v for i in v["secret"]["items"])

    # The action server gets the service token and the secret it requires of Rasa, nothing else: never the
    # channel-evidence key (it carries evidence, it must not be able to sign it).
    actions = by_kind("Deployment")["actions"]["spec"]["template"]["spec"]
    assert secret_items(actions) == ["action.secret", "service.token"]
    # Rasa: the data key ring (its tracker store's events are sealed, P5), the hotline channel's secret, its HTTP
    # API token, the action secret and the evidence key, at the paths the shared ConfigMap names; never the
    # signing or hashing keys.
    rasa = by_kind("Deployment")["rasa"]["spec"]["template"]["spec"]
    assert secret_items(rasa) == ["action.secret", "channel-evidence.key", "data.key", "hotline.secret", "rasa.token"]
    rasa_mount = [m for m in rasa["containers"][0]["volumeMounts"] if m["name"] == "keys"][0]
    assert rasa_mount["readOnly"] is True and rasa_mount["mountPath"] == mount["mountPath"]
    # Retired signing keys' public halves (P3): a ConfigMap mounted read-only where GZ_RETIRED_KEYS_DIR points.
    retired = [m for m in api["containers"][0]["volumeMounts"] if m["name"] == "retired-keys"][0]
    assert retired["readOnly"] is True and retired["mountPath"] == config["GZ_RETIRED_KEYS_DIR"]
    assert {v["name"]: v for v in api["volumes"]}["retired-keys"]["configMap"]["name"] in by_kind("ConfigMap")
    # The migration job seals commitments stored before encryption at rest (migration 0008): the data key only.
    migrate = [j for j in by_kind("Job").values() if j["metadata"]["labels"]["app.kubernetes.io/name"] == "migrate"][0]
    assert secret_items(migrate["spec"]["template"]["spec"]) == ["data.key"]


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
    assert container["command"] == ["python", "-m", "bot.rasa_server"] and (ROOT / "bot" / "rasa_server.py").exists()
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
            assert secret in doc["secrets"], (name, secret)
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
    assert set(k for k in services["api"]["environment"] if k.startswith("GZ_")) <= api_settings_env()
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
    for line in ("python -m bot.rasa_server run --auth-token $(RASA_TOKEN)", "redis-server --requirepass hunter2",
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


def test_only_rasa_reaches_the_action_server_in_kubernetes():
    actions_labels = by_kind("Deployment")["actions"]["spec"]["template"]["metadata"]["labels"]
    rasa_labels = by_kind("Deployment")["rasa"]["spec"]["template"]["metadata"]["labels"]
    others = [d["spec"]["template"]["metadata"]["labels"] for n, d in by_kind("Deployment").items() if n != "rasa"]
    policies = [p for p in by_kind("NetworkPolicy").values() if selects(p["spec"]["podSelector"], actions_labels)]
    assert policies, "no NetworkPolicy selects the action server's pods"
    sources = []
    for policy in policies:
        assert "Ingress" in policy["spec"]["policyTypes"]
        for rule in policy["spec"].get("ingress", []):
            assert rule.get("from"), f"{policy['metadata']['name']}: a rule without 'from' admits every pod"
            assert [p["port"] for p in rule.get("ports", [])] == [5055]
            sources += rule["from"]
    for source in sources:
        assert set(source) == {"podSelector"}, f"only pods of this namespace, by label: {source}"
        assert selects(source["podSelector"], rasa_labels)
        assert not any(selects(source["podSelector"], labels) for labels in others)


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
