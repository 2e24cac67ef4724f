"""The kernel's websocket without Nagle's delay: every widget message leaves the server at once.

A step of the dashboard's epoch slider sends a few small messages from JupyterLab's server to the
browser in quick succession (the kernel is busy, the slider's new value, the new picture, the
kernel is idle). Tornado's websockets keep Nagle's algorithm on: a small message written while an
earlier one is not yet acknowledged waits for that acknowledgement. The browser, like any TCP
receiver on Linux, may hold its acknowledgement back for up to 40 ms ("delayed ACK"), hoping to
send it along with data of its own. Measured here (benchmarks/browser_latency.py), about every
second slider step waited those 40 ms before its picture could be shown.

Tornado's documentation of `WebSocketHandler.set_nodelay` describes exactly this interaction and
its cure: switch Nagle off (TCP_NODELAY) on the open websocket. This module is a small Jupyter
server extension that does that for the kernel's websocket and changes nothing else. The package
installs `etc/jupyter/jupyter_server_config.d/helpers.json` into its environment, which enables
the extension, so `jupyter lab` started from this environment (or on Binder) uses it
(`jupyter server extension list` shows it); other Jupyter front ends keep their own server.

It is a speed-up, never a condition: if a later jupyter_server renames what it touches
(`websocket_handler`, `set_nodelay`) or switching Nagle off fails for any reason, the connection
goes on exactly as the stock one does, and the server's log says so once.
"""

import logging

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

_log = logging.getLogger(__name__)  # the server's own log once the extension is loaded
_fallback_logged = False


class KernelWebsocketWithoutDelay(ZMQChannelsWebsocketConnection):
    """JupyterLab's usual kernel connection, with TCP_NODELAY set on the browser's websocket."""

    def connect(self):
        try:
            self.websocket_handler.set_nodelay(True)
        except Exception as error:  # any failure here must leave the stock connection working
            _log_fallback_once(error)
        return super().connect()


def _log_fallback_once(error: Exception) -> None:
    global _fallback_logged
    if not _fallback_logged:
        _fallback_logged = True
        _log.warning("helpers.fast_websocket: could not switch Nagle's delay off (%s: %s); kernel websockets "
                     "work as usual, only without this speed-up", type(error).__name__, error)


def _jupyter_server_extension_points():
    return [{"module": "helpers.fast_websocket"}]


def _load_jupyter_server_extension(server_app) -> None:
    """Use the connection above, unless the server was configured with a connection of its own."""
    global _log
    _log = server_app.log
    settings = server_app.web_app.settings
    if settings.get("kernel_websocket_connection_class") is not ZMQChannelsWebsocketConnection:
        server_app.log.info("helpers.fast_websocket: a kernel websocket connection is configured; left as it is")
        return
    settings["kernel_websocket_connection_class"] = KernelWebsocketWithoutDelay
    server_app.log.info("helpers.fast_websocket: kernel websockets send without Nagle's delay (TCP_NODELAY)")
