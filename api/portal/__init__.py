"""The browser side served by the API: the demo citizen portal at ``/`` and the static files under ``web/``."""
