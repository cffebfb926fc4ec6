# Configuration of each learner's notebook server (jupyterhub-singleuser,
# the classic notebook server of python3-notebook 6.4), read besides the
# learner's own: jupyterhub_config.py puts this directory on the servers'
# JUPYTER_CONFIG_PATH; the Dockerfile installs the file in /etc/jupyter.
#
# Send kernel messages on the websocket at once. The notebook server leaves
# Nagle's algorithm on for its kernel websockets, so when a kernel sends two
# small messages in a row (execute_reply, then status: idle) the second waits
# for the browser's delayed ACK of the first: 40 ms on Linux, up to 200 ms on
# Windows, after every cell, whatever the kernel. Measured through the hub:
# 44 ms from sending a cell "1" to the idle status without this, 4 ms with it.

from notebook.base.zmqhandlers import ZMQStreamHandler

_open = ZMQStreamHandler.open


def _open_nodelay(self, *args, **kwargs):
    self.set_nodelay(True)
    return _open(self, *args, **kwargs)


ZMQStreamHandler.open = _open_nodelay
