"""helpers/fast_websocket.py: the Jupyter server extension that sends kernel messages without
Nagle's delay (its docstring says why), and falls back to the stock connection when it cannot.
tests/test_repository.py checks that JupyterLab started from this environment loads it.
"""

import logging
from types import SimpleNamespace
from unittest import mock

import pytest
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from jupyter_server.services.kernels.websocket import KernelWebsocketHandler

from helpers import fast_websocket
from helpers.fast_websocket import KernelWebsocketWithoutDelay


def test_the_connection_turns_nagle_off_before_connecting(monkeypatch):
    calls = []
    handler = mock.create_autospec(KernelWebsocketHandler, instance=True)
    handler.set_nodelay.side_effect = lambda value: calls.append(("set_nodelay", value))
    monkeypatch.setattr(ZMQChannelsWebsocketConnection, "connect", lambda self: calls.append(("connect",)))
    KernelWebsocketWithoutDelay(websocket_handler=handler).connect()
    assert calls == [("set_nodelay", True), ("connect",)]


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture
def server_log(monkeypatch):
    """The log the extension writes to, as a list of messages; the 'logged once' flag starts clear."""
    logger = logging.getLogger("test_fast_websocket")
    recorder = Recorder()
    logger.addHandler(recorder)
    monkeypatch.setattr(fast_websocket, "_log", logger)
    monkeypatch.setattr(fast_websocket, "_fallback_logged", False)
    yield recorder.messages
    logger.removeHandler(recorder)


def test_a_renamed_set_nodelay_falls_back_to_the_stock_connection_and_logs_once(monkeypatch, server_log):
    # A jupyter_server whose websocket handler no longer has set_nodelay.
    connected = []
    monkeypatch.setattr(ZMQChannelsWebsocketConnection, "connect", lambda self: connected.append(self) or "stock")
    for _ in range(3):
        handler = mock.create_autospec(KernelWebsocketHandler, instance=True)
        del handler.set_nodelay
        assert KernelWebsocketWithoutDelay(websocket_handler=handler).connect() == "stock"
    assert len(connected) == 3
    assert len(server_log) == 1 and "set_nodelay" in server_log[0], server_log


def test_a_renamed_websocket_handler_falls_back_to_the_stock_connection(monkeypatch, server_log):
    # A jupyter_server whose connection no longer calls its handler `websocket_handler`.
    def renamed(self):
        raise AttributeError("'KernelWebsocketWithoutDelay' object has no attribute 'websocket_handler'")

    connection = KernelWebsocketWithoutDelay(websocket_handler=mock.create_autospec(KernelWebsocketHandler,
                                                                                    instance=True))
    monkeypatch.setattr(KernelWebsocketWithoutDelay, "websocket_handler", property(renamed))
    monkeypatch.setattr(ZMQChannelsWebsocketConnection, "connect", lambda self: "stock")
    assert connection.connect() == "stock"
    assert len(server_log) == 1 and "websocket_handler" in server_log[0], server_log


def test_loading_the_extension_sends_its_messages_to_the_server_log():
    server = fake_server(ZMQChannelsWebsocketConnection)
    fast_websocket._load_jupyter_server_extension(server)
    assert fast_websocket._log is server.log


def fake_server(connection_class) -> SimpleNamespace:
    messages = []
    log = SimpleNamespace(info=messages.append, warning=messages.append)
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
