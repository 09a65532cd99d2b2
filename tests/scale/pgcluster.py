"""A private, throw-away PostgreSQL server for the test that restarts PostgreSQL under load.

Why not restart the machine's own server (``pg_ctlcluster ... main restart``)? It serves every other suite and
every other process on the machine; a restart in the middle of their work would fail them for reasons of ours,
and a test that stopped half-way could leave it down. A private server made with the same PostgreSQL binaries
(initdb on a temporary directory, its own port) is restarted the same way - ``pg_ctl restart -m fast``, the mode
``pg_ctlcluster`` uses: every client connection is terminated, the server shuts down and starts again - and
only this test's stack talks to it.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import List, Optional


def postgres_bindir() -> Optional[Path]:
    """The directory of initdb/pg_ctl: ``pg_config --bindir``, else Debian's /usr/lib/postgresql/<v>/bin."""
    candidates: List[str] = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
        candidates.append(out)
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


class PrivatePostgres:
    """initdb + pg_ctl on a temporary directory. As root, the server runs as the ``postgres`` user
    (PostgreSQL refuses to run as root)."""

    def __init__(self, port: int, bindir: Path):
        self.port = port
        self.bindir = bindir
        # Directly under the temp dir: the postgres user must be able to reach it (pytest's are 0700 root).
        self.root = Path(tempfile.mkdtemp(prefix="gz-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._as_root = os.geteuid() == 0
        if self._as_root:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, cwd=self.root)

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions")
        self._pg_ctl("start")

    def _pg_ctl(self, action: str) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60",
                  *(["-m", "fast"] if action in ("restart", "stop") else []), action)

    def restart(self) -> None:
        self._pg_ctl("restart")

    def psql(self, sql: str, db: str = "postgres") -> str:
        return self._run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", db,
                         "-v", "ON_ERROR_STOP=1", "-Atc", sql).stdout

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)
