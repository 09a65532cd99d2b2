"""The vendored socket.io client is the published file it claims to be (web/widget/vendor/README.md)."""
from __future__ import annotations

import hashlib
import re

from tests.browser.conftest import WEB

VENDOR = WEB / "widget" / "vendor"


def test_socket_io_client_is_the_published_4_8_4_build():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"sha256sum .*#\s*([0-9a-f]{64})", readme).group(1)
    data = (VENDOR / "socket.io.min.js").read_bytes()
    assert hashlib.sha256(data).hexdigest() == recorded
    assert data.startswith(b"/*!\n * Socket.IO v4.8.4")  # Engine.IO 4 / Socket.IO 5, what python-socketio 5 accepts
    assert "MIT License" in (VENDOR / "socket.io.LICENSE").read_text(encoding="utf-8")
