"""Starts the nnbook kernel the way a remote launcher (Enterprise Gateway, a
pod's entry point) does: a connection file of its own naming another
transport or address, the kernelspec's argv run directly. Then a
jupyter_client BlockingKernelClient checks that the kernel answers and
listens exactly there.

    JUPYTER_DATA_DIR=... /usr/bin/python3 check_connection.py tcp 127.0.0.2
    JUPYTER_DATA_DIR=... /usr/bin/python3 check_connection.py ipc /tmp/dir/kernel

Prints one "PASS name" line per check; exits 1 at the first failure.
"""
import json
import os
import secrets
import socket
import stat
import subprocess
import sys
import tempfile

from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.kernelspec import KernelSpecManager

from check_client import TIMEOUT, check


def tcp_listeners():
    """Local (address, port) of every listening IPv4 TCP socket."""
    out = set()
    with open("/proc/net/tcp") as f:
        next(f)
        for line in f:
            fields = line.split()
            if fields[3] != "0A":  # LISTEN
                continue
            addr, port = fields[1].split(":")
            ip = socket.inet_ntoa(bytes.fromhex(addr)[::-1])
            out.add((ip, int(port, 16)))
    return out


NAMES = ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"]


def free_ports(ip, n):
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind((ip, 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def main():
    transport, ip = sys.argv[1], sys.argv[2]
    ports = free_ports(ip, 5) if transport == "tcp" else [1, 2, 3, 4, 5]
    info = dict(zip(NAMES, ports), transport=transport, ip=ip, key=secrets.token_hex(16),
                signature_scheme="hmac-sha256", kernel_name="nnbook")
    workdir = tempfile.mkdtemp()
    path = os.path.join(workdir, "kernel-remote.json")
    with open(path, "w") as f:
        json.dump(info, f)
    argv = [a.replace("{connection_file}", path) for a in KernelSpecManager().get_kernel_spec("nnbook").argv]
    proc = subprocess.Popen(argv)
    try:
        kc = BlockingKernelClient()
        kc.load_connection_file(path)
        kc.start_channels()
        kc.wait_for_ready(timeout=TIMEOUT)

        msg_id = kc.execute("1 + 1")
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        check(reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok", "execute over " + transport, str(reply["content"]))
        result = None
        while True:
            msg = kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                result = msg["content"]["data"]["text/plain"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        check(result == "2", "result over " + transport, repr(result))
        check(kc.hb_channel.is_beating(), "heartbeat over " + transport)

        if transport == "tcp":
            listening = tcp_listeners()
            for name, port in zip(NAMES, ports):
                where = sorted(a for a, p in listening if p == port)
                check(where == [ip], f"{name} {port} listens on {ip} only", f"listening on {where}")
        else:
            for name, port in zip(NAMES, ports):
                sock = f"{ip}-{port}"
                check(os.path.exists(sock) and stat.S_ISSOCK(os.stat(sock).st_mode), f"{name} is the socket {sock}")
            pid = proc.pid
            fds = os.listdir(f"/proc/{pid}/fd")
            inodes = set()
            for fd in fds:
                try:
                    target = os.readlink(f"/proc/{pid}/fd/{fd}")
                except OSError:
                    continue
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
            tcp_inodes = set()
            for table in ("/proc/net/tcp", "/proc/net/tcp6"):
                with open(table) as f:
                    next(f)
                    for line in f:
                        tcp_inodes.add(line.split()[9])
            check(not inodes & tcp_inodes, "no TCP socket in the kernel over ipc", str(inodes & tcp_inodes))
        kc.shutdown()
        check(proc.wait(timeout=TIMEOUT) == 0, "shutdown_request ends the kernel")
        kc.stop_channels()
        if transport == "ipc":
            left = [f"{ip}-{p}" for p in ports if os.path.exists(f"{ip}-{p}")]
            check(not left, "the kernel removed its socket files", str(left))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.remove(path)
        os.rmdir(workdir)


if __name__ == "__main__":
    main()
