"""The metrics page both servers serve (the API's and the action server's ``/metrics``), in one place.

With several worker processes behind one port, prometheus-client's multiprocess mode keeps each worker's values
in files under ``PROMETHEUS_MULTIPROC_DIR`` and a scrape merges them; with one process the default registry is
the page.
"""
from __future__ import annotations

import os

from prometheus_client import REGISTRY, CollectorRegistry, generate_latest


def exposition() -> bytes:
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=directory)
        return generate_latest(registry)
    return generate_latest(REGISTRY)
