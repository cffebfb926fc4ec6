# JupyterHub on one machine for nnbook learners (Debian's jupyterhub 3.0).
#
#   nnbook kernel install --prefix /usr/local    # the kernelspec, system-wide
#   jupyterhub -f kernel/jupyter/hub/jupyterhub_config.py
#
# Learners log in with their Unix accounts (PAM) and each gets a notebook
# server of their own (jupyterhub-singleuser) running as that account, with
# the "Go (nnbook)" kernel. Everything listens on 127.0.0.1 unless
# NNBOOK_HUB_IP says otherwise; put a TLS reverse proxy (or
# c.JupyterHub.ssl_cert/ssl_key) in front before opening it to a network.
#
# NNBOOK_HUB_TEST=1 switches to the set-up of the load test (hub_test.go):
# any name logs in (DummyAuthenticator), learners need no Unix account
# (SimpleLocalProcessSpawner, homes under NNBOOK_HUB_HOMES), and a service
# token (NNBOOK_HUB_TOKEN) may create learners and start their servers
# through the REST API. Never use it on a shared network.
#
# Settings read from the environment (all optional):
#   NNBOOK_HUB_IP, NNBOOK_HUB_PORT        public address (127.0.0.1:8000)
#   NNBOOK_HUB_API_PORT                   hub's internal API port (8081)
#   NNBOOK_HUB_PROXY_API_PORT             proxy's API port (8001)
#   NNBOOK_HUB_DATA                       state: database, cookie secret (.)
#   NNBOOK_HUB_TOKEN                      API token of the "classroom" service
#   NNBOOK_HUB_HOMES                      test mode: learners' homes (/tmp)

import os

env = os.environ.get
test_mode = env("NNBOOK_HUB_TEST") == "1"
data = os.path.abspath(env("NNBOOK_HUB_DATA", "."))

# Where things listen: only the loopback interface by default.
c.JupyterHub.ip = env("NNBOOK_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(env("NNBOOK_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("NNBOOK_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%s" % env("NNBOOK_HUB_PROXY_API_PORT", "8001")
# Debian's configurable-http-proxy finds its modules in /usr/share/nodejs,
# which only Debian's own node searches; say it for any other node.
if os.path.isdir("/usr/share/nodejs"):
    os.environ["NODE_PATH"] = os.pathsep.join(
        p for p in [env("NODE_PATH"), "/usr/share/nodejs"] if p)
c.ConfigurableHTTPProxy.pid_file = os.path.join(data, "jupyterhub-proxy.pid")
c.Spawner.ip = "127.0.0.1"

# State, kept together.
c.JupyterHub.db_url = "sqlite:///" + os.path.join(data, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(data, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(data, "jupyterhub.pid")
# Stopping the hub stops every learner's server (and so their kernels).
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# The single-user server: the classic notebook server of python3-notebook.
# Kernels are found through JUPYTER_PATH as well as the system-wide
# directories (/usr/local/share/jupyter/kernels, /usr/share/jupyter/kernels).
c.Spawner.cmd = ["jupyterhub-singleuser"]
# singleuser/jupyter_notebook_config.py, beside this file, is read by every
# learner's server as well as their own configuration.
c.Spawner.environment = {
    "JUPYTER_CONFIG_PATH": os.path.join(os.path.dirname(os.path.abspath(__file__)), "singleuser"),
}
c.Spawner.default_url = "/tree"
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "JUPYTER_PATH", "GOGC", "GOMAXPROCS"]
# A crowded machine starts 20 servers at once: give them time.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# The kernel restarts by itself when it dies (the notebook server's
# autorestart, on by default); the learner's browser says "restarting".

if test_mode:
    c.JupyterHub.authenticator_class = "dummy"
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(
        os.path.abspath(env("NNBOOK_HUB_HOMES", "/tmp")), "{username}")
    # Learners' servers run as the hub's user, which is root in CI.
    if os.getuid() == 0:
        c.Spawner.args = ["--allow-root"]
else:
    c.JupyterHub.authenticator_class = "pam"
    c.JupyterHub.spawner_class = "localprocess"
    c.LocalProcessSpawner.notebook_dir = "~"

# A service whose token creates learners and starts their servers (the load
# test, or a course's enrolment script).
token = env("NNBOOK_HUB_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "classroom", "api_token": token}]
    c.JupyterHub.load_roles = [{
        "name": "classroom",
        "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users", "read:hub"],
        "services": ["classroom"],
    }]
