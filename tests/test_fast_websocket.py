"""The Jupyter server of this environment sends kernel messages without Nagle's delay.

Why it matters is in helpers/fast_websocket.py; benchmarks/browser_latency.py measures the effect.
"""

import tempfile
import time
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


def test_jupyterlab_from_this_environment_loads_the_extension():
    # The package installs etc/jupyter/jupyter_server_config.d/helpers.json (pyproject.toml,
    # shared-data); a server started as a student starts it must pick it up.
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty"
        empty.mkdir()
        with run_jupyterlab(Path(folder) / "lab", notebooks=empty):
            log = Path(folder) / "lab" / "jupyterlab.log"
            deadline = time.monotonic() + 30
            while LOADED not in log.read_text() and time.monotonic() < deadline:
                time.sleep(0.2)  # the server answers before its log is flushed
            assert LOADED in log.read_text(), log.read_text()[-2000:]
