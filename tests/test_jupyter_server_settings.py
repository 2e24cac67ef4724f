"""The Jupyter settings installed with the package, which keep the dashboard quick in JupyterLab:
the server sends kernel messages without Nagle's delay (helpers/fast_websocket.py says why), and
the tab's icon does not flip between idle and busy at every kernel message (each flip downloads
an icon). benchmarks/browser_latency.py measures the effect.
"""

import json
import re
import tempfile
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
from lab_browser import run_jupyterlab

from helpers import fast_websocket
from helpers.fast_websocket import KernelWebsocketWithoutDelay

LOADED = "kernel websockets send without Nagle's delay"


def test_the_connection_turns_nagle_off_before_connecting(monkeypatch):
    calls = []
    handler = mock.create_autospec(KernelWebsocketHandler, instance=True)
    handler.set_nodelay.side_effect = lambda value: calls.append(("set_nodelay", value))
    monkeypatch.setattr(ZMQChannelsWebsocketConnection, "connect", lambda self: calls.append(("connect",)))
    KernelWebsocketWithoutDelay(websocket_handler=handler).connect()
    assert calls == [("set_nodelay", True), ("connect",)]


def fake_server(connection_class) -> SimpleNamespace:
    messages = []
    log = SimpleNamespace(info=messages.append)
    return SimpleNamespace(web_app=SimpleNamespace(settings={"kernel_websocket_connection_class": connection_class}),
                           log=log, messages=messages)


def test_the_extension_replaces_the_default_connection():
    server = fake_server(ZMQChannelsWebsocketConnection)
    fast_websocket._load_jupyter_server_extension(server)
    assert server.web_app.settings["kernel_websocket_connection_class"] is KernelWebsocketWithoutDelay


def test_the_extension_leaves_a_connection_someone_configured():
    class Configured(ZMQChannelsWebsocketConnection):
        pass

    server = fake_server(Configured)
    fast_websocket._load_jupyter_server_extension(server)
    assert server.web_app.settings["kernel_websocket_connection_class"] is Configured
    assert "left as it is" in server.messages[0]


def test_jupyterlab_from_this_environment_uses_both_settings():
    # The package installs etc/jupyter/jupyter_server_config.d/helpers.json and
    # etc/jupyter/labconfig/page_config.d/helpers.json (pyproject.toml, shared-data); a server
    # started as a student starts it must pick both up.
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty"
        empty.mkdir()
        with run_jupyterlab(Path(folder) / "lab", notebooks=empty) as (server, token):
            log = Path(folder) / "lab" / "jupyterlab.log"
            deadline = time.monotonic() + 30
            while LOADED not in log.read_text() and time.monotonic() < deadline:
                time.sleep(0.2)  # the server answers before its log is flushed
            assert LOADED in log.read_text(), log.read_text()[-2000:]

            with urllib.request.urlopen(f"{server}/lab?token={token}", timeout=30) as response:
                page = response.read().decode()
            config = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page)
            assert "@jupyterlab/application-extension:faviconbusy" in json.loads(config.group(1))["disabledExtensions"]
