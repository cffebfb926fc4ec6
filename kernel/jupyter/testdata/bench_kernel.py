"""Measures a Jupyter kernel the way a front end sees it, with jupyter_client,
for nnbook and ipykernel in the same run:

  cold start   launch of the process to the first kernel_info_reply, as a
               stock jupyter_client front end sees it: start_kernel, then
               client.wait_for_ready (median of 5 launches; kernelspec lookup
               done before timing). --fast-connect instead retries a refused
               connect after 1 ms (libzmq's default is 100 ms) and polls for
               the reply: a lower bound no stock front end reaches.
  round trip   median of 200 trivial execute_request -> execute_reply
               (and -> idle status on iopub)
  burst        1000 execute_requests sent back to back; time to the last
               reply, replies counted (none may be lost)
  peak RSS     VmHWM after all of the above, summed over the kernel process
               and its descendants (a kernel may run as several processes;
               nnbook and ipykernel run as one); also the largest single process and the Pss sum (file pages
               such as the binary's code shared with other processes count
               in part)
  phases       with --phases, the kernel process's VmHWM, VmRSS, RssAnon
               and RssFile after each phase above (ready, warm-up, round
               trips, burst): where the peak comes from

Usage (the kernelspecs must be installed, e.g. in a JUPYTER_DATA_DIR):

    JUPYTER_DATA_DIR=... /usr/bin/python3 bench_kernel.py [--json] [--fast-connect] [--phases] [kernel ...]

Kernels default to "nnbook python3". The trivial cell is "1" for both.
"""
import json
import os
import statistics
import sys
import time

import zmq
import zmq.asyncio
from jupyter_client.manager import KernelManager


def client_context():
    """A client context that retries a refused connect after 1 ms: libzmq's
    default is 100 ms, which a kernel still starting up (not yet listening at
    the client's first attempt) would be charged."""
    ctx = zmq.asyncio.Context()
    ctx.setsockopt(zmq.RECONNECT_IVL, 1)
    return ctx

ROUNDS = 200
BURST = 1000
COLD_RUNS = 5


def kernel_pid(km):
    prov = getattr(km, "provisioner", None)
    if prov is not None and getattr(prov, "process", None) is not None:
        return prov.process.pid
    return km.kernel.pid


def proc_field_mib(path, field):
    """A "Field: N kB" line of a /proc file, in MiB (NaN when absent)."""
    with open(path) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def process_tree(pid):
    """pid and all its descendants."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        for task in os.listdir(f"/proc/{p}/task"):
            with open(f"/proc/{p}/task/{task}/children") as f:
                todo += [int(c) for c in f.read().split()]
    return pids


def memory_mib(pid):
    """(summed VmHWM, largest VmHWM, summed Pss) over the process tree."""
    pids = process_tree(pid)
    peaks = [proc_field_mib(f"/proc/{p}/status", "VmHWM") for p in pids]
    pss = sum(proc_field_mib(f"/proc/{p}/smaps_rollup", "Pss") for p in pids)
    return sum(peaks), max(peaks), pss, len(pids)


def phase_mib(pid):
    """(VmHWM, VmRSS, RssAnon, RssFile) of one process, in MiB."""
    return tuple(round(proc_field_mib(f"/proc/{pid}/status", f), 1)
                 for f in ("VmHWM", "VmRSS", "RssAnon", "RssFile"))


def wait_reply(kc, msg_id, timeout=60):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def wait_idle(kc, msg_id, timeout=60):
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def drain(kc):
    while True:
        try:
            kc.get_iopub_msg(timeout=0.05)
        except Exception:
            return


FAST = "--fast-connect" in sys.argv


def start(name):
    """Launches a kernel; returns (km, kc, seconds from launch to the first
    kernel_info_reply)."""
    km = KernelManager(kernel_name=name)
    km.kernel_spec  # find the kernelspec before timing (client-side imports)
    t0 = time.perf_counter()
    km.start_kernel()
    if not FAST:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        return km, kc, time.perf_counter() - t0
    kc = km.client(context=client_context())
    kc.start_channels()
    # Ask until answered: the first request may precede the kernel's bind.
    reply = None
    while reply is None:
        msg_id = kc.kernel_info()
        deadline = time.perf_counter() + 0.5
        while time.perf_counter() < deadline:
            try:
                msg = kc.get_shell_msg(timeout=0.5)
            except Exception:
                break
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
                break
    return km, kc, time.perf_counter() - t0


def bench(name):
    colds = []
    for _ in range(COLD_RUNS - 1):
        km, kc, cold = start(name)
        colds.append(cold)
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    km, kc, cold = start(name)
    colds.append(cold)
    cold = statistics.median(colds)
    kc.wait_for_ready(timeout=60)
    drain(kc)
    pid = kernel_pid(km)
    phases = {"ready": phase_mib(pid)}

    # Warm up (the engine may still be loading in the background).
    for _ in range(5):
        mid = kc.execute("1")
        wait_reply(kc, mid)
        wait_idle(kc, mid)
    phases["warm-up (5 cells)"] = phase_mib(pid)

    rt_reply, rt_idle = [], []
    for _ in range(ROUNDS):
        s = time.perf_counter()
        mid = kc.execute("1")
        wait_reply(kc, mid)
        rt_reply.append(time.perf_counter() - s)
        wait_idle(kc, mid)
        rt_idle.append(time.perf_counter() - s)
    phases[f"round trips ({ROUNDS} cells)"] = phase_mib(pid)

    drain(kc)
    s = time.perf_counter()
    ids = [kc.execute("1") for _ in range(BURST)]
    want = set(ids)
    got = 0
    ok = 0
    try:
        while got < BURST:
            msg = kc.get_shell_msg(timeout=60)
            if msg["parent_header"].get("msg_id") in want:
                want.discard(msg["parent_header"]["msg_id"])
                got += 1
                ok += msg["content"]["status"] == "ok"
    except Exception:
        pass
    burst = time.perf_counter() - s
    drain(kc)
    phases[f"burst ({BURST} cells)"] = phase_mib(pid)

    rss, rss_largest, pss, procs = memory_mib(kernel_pid(km))
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    return {
        "kernel": name,
        "cold_start_ms": cold * 1000,
        "round_trip_median_ms": statistics.median(rt_reply) * 1000,
        "round_trip_to_idle_median_ms": statistics.median(rt_idle) * 1000,
        "burst_s": burst,
        "burst_replies": got,
        "burst_ok": ok,
        "peak_rss_mib": rss,
        "peak_rss_largest_process_mib": rss_largest,
        "pss_mib": pss,
        "processes": procs,
        "phases_mib": phases,
    }


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    kernels = args or ["nnbook", "python3"]
    results = [bench(k) for k in kernels]
    client = "jupyter_client with 1 ms reconnect polling (--fast-connect)" if FAST else "stock jupyter_client (wait_for_ready)"
    for r in results:
        r["client"] = client
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))
        return
    print("client:", client)
    print(f"{'kernel':10} {'cold start':>11} {'round trip':>11} {'to idle':>9} {'burst 1000':>11} {'replies':>8} {'peak RSS':>9} {'largest':>9} {'Pss':>9}")
    for r in results:
        print(f"{r['kernel']:10} {r['cold_start_ms']:8.1f} ms {r['round_trip_median_ms']:8.3f} ms"
              f" {r['round_trip_to_idle_median_ms']:6.3f} ms {r['burst_s']:9.3f} s {r['burst_replies']:8d}"
              f" {r['peak_rss_mib']:5.1f} MiB {r['peak_rss_largest_process_mib']:5.1f} MiB {r['pss_mib']:5.1f} MiB"
              f" ({r['processes']} process{'es' if r['processes'] > 1 else ''})")
    if "--phases" in sys.argv:
        print("\nafter each phase, MiB: VmHWM / VmRSS / RssAnon / RssFile of the kernel process")
        for r in results:
            for phase, m in r["phases_mib"].items():
                print(f"{r['kernel']:10} {phase:24} {m[0]:5.1f} / {m[1]:5.1f} / {m[2]:5.1f} / {m[3]:5.1f}")


if __name__ == "__main__":
    main()
