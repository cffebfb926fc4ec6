"""Drives the nnbook kernel through jupyter_client the way front ends do.

    JUPYTER_DATA_DIR=... /usr/bin/python3 check_client.py cell|interrupt|training|restart|stdin|compiled|latejoin

Prints one "PASS name" line per check; exits 1 at the first failure.
"""
import signal
import sys
import time

from jupyter_client.manager import KernelManager, start_new_kernel

TIMEOUT = 60


def fail(msg):
    print("FAIL " + msg, flush=True)
    sys.exit(1)


def check(cond, name, detail=""):
    if not cond:
        fail(f"{name}: {detail}")
    print("PASS " + name, flush=True)


def reply_for(kc, msg_id, timeout=TIMEOUT, channel="shell"):
    get = kc.get_shell_msg if channel == "shell" else kc.get_control_msg
    deadline = time.time() + timeout
    while True:
        msg = get(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def outputs_for(kc, msg_id, timeout=TIMEOUT):
    out = []
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return out
        out.append(msg)


def execute(kc, code, timeout=TIMEOUT):
    msg_id = kc.execute(code)
    reply = reply_for(kc, msg_id, timeout)
    return reply["content"], outputs_for(kc, msg_id, timeout)


def result_text(outputs):
    for m in outputs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]["text/plain"]
    return None


def stream_text(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def wait_stream(kc, msg_id, text, timeout=TIMEOUT):
    """Waits until the cell msg_id has printed text (so it is running)."""
    seen = ""
    deadline = time.time() + timeout
    while text not in seen:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            seen += msg["content"]["text"]


def interrupt_run(km, kc, code, how, name):
    """Starts code (which runs until interrupted), interrupts it by `how`
    once the cell has printed that it runs, and checks the cell ends with
    an error. The time it took is reported, not judged: the machine may be
    loaded; an interrupt that does not work fails by TIMEOUT."""
    msg_id = kc.execute('fmt.Println("cell started")\n' + code)
    wait_stream(kc, msg_id, "cell started")
    # While busy: the heartbeat beats and control answers kernel_info.
    check(kc.hb_channel.is_beating(), f"{name}: heartbeat while busy")
    ki = kc.session.msg("kernel_info_request")
    kc.control_channel.send(ki)
    r = reply_for(kc, ki["header"]["msg_id"], TIMEOUT, channel="control")
    check(r["content"]["status"] == "ok", f"{name}: kernel_info on control while busy")
    t0 = time.time()
    if how == "message":
        km.interrupt_kernel()
    else:
        km.signal_kernel(signal.SIGINT)
    reply = reply_for(kc, msg_id, TIMEOUT)
    took = time.time() - t0
    outputs_for(kc, msg_id, TIMEOUT)
    check(reply["content"]["status"] == "error", f"{name}: interrupted cell ends with an error",
          reply["content"])
    print(f"INFO {name}: interrupt took {took*1000:.0f} ms", flush=True)


def answer_input(kc, msg_id, value, name, prompt="", password=False):
    """Waits for the input_request of msg_id, checks its prompt and password
    flag, and answers it with value."""
    req = kc.get_stdin_msg(timeout=TIMEOUT)
    check(req["msg_type"] == "input_request" and req["parent_header"].get("msg_id") == msg_id,
          f"{name}: input_request for the cell", req)
    check(req["content"].get("prompt") == prompt and req["content"].get("password") == password,
          f"{name}: input_request prompt {prompt!r}, password {password}", req["content"])
    kc.input(value)


def check_stdin(km, kc):
    code = 'var name string\nfmt.Print("name? ")\nfmt.Scanln(&name)\nfmt.Println("hello", name)'
    msg_id = kc.execute(code, allow_stdin=True)
    answer_input(kc, msg_id, "Ada", "Scanln", prompt="name? ")
    reply = reply_for(kc, msg_id)
    out = outputs_for(kc, msg_id)
    check(reply["content"]["status"] == "ok" and stream_text(out) == "hello Ada\n",
          "Scanln reads the answer; the prompt is not repeated on stdout", (reply["content"], stream_text(out)))

    msg_id = kc.execute('pin, _ := display.Password("PIN: ")\nlen(pin)', allow_stdin=True)
    answer_input(kc, msg_id, "1234", "Password", prompt="PIN: ", password=True)
    reply = reply_for(kc, msg_id)
    out = outputs_for(kc, msg_id)
    check(reply["content"]["status"] == "ok" and result_text(out) == "4",
          "display.Password asks with password=true", (reply["content"], result_text(out)))

    code = ('import "bufio"\nr := bufio.NewReader(os.Stdin)\n'
            'a, _ := r.ReadString(\'\\n\')\nb, _ := r.ReadString(\'\\n\')\n'
            'strings.TrimSpace(a) + "+" + strings.TrimSpace(b)')
    msg_id = kc.execute(code, allow_stdin=True)
    answer_input(kc, msg_id, "one", "bufio 1")
    answer_input(kc, msg_id, "two", "bufio 2")
    reply = reply_for(kc, msg_id)
    out = outputs_for(kc, msg_id)
    check(reply["content"]["status"] == "ok" and result_text(out) == 'one+two',
          "bufio.Reader on os.Stdin reads two answers", (reply["content"], result_text(out)))

    msg_id = kc.execute("var s string\n_, err := fmt.Scanln(&s)\nerr", allow_stdin=False)
    c, out = reply_for(kc, msg_id)["content"], outputs_for(kc, msg_id)
    check(c["status"] == "ok" and "not available" in (result_text(out) or ""),
          "without allow_stdin reading fails with a message", (c, result_text(out)))

    msg_id = kc.execute("var t string\nfmt.Scanln(&t)\nfmt.Println(\"got\", t)", allow_stdin=True)
    req = kc.get_stdin_msg(timeout=TIMEOUT)
    check(req["msg_type"] == "input_request", "waiting for input", req)
    km.interrupt_kernel()
    reply = reply_for(kc, msg_id, 10)
    outputs_for(kc, msg_id, 10)
    check(reply["content"]["status"] == "error", "an interrupt ends the wait", reply["content"])
    c, out = execute(kc, "name + \"!\"")
    check(c["status"] == "ok" and result_text(out) == 'Ada!', "the session goes on",
          (c, result_text(out)))


def status_kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    fail(f"no {field} in /proc/{pid}/status")


def check_compiled(km, kc):
    """A kernel that released its start-up pages (release_linux.go) still
    loads compiled cells (plugins: the dynamic loader reads the symbol
    tables released) and runs them."""
    c, out = execute(kc, "1")
    check(c["status"] == "ok", "a cell runs", c)
    pid = km.provisioner.pid if hasattr(km, "provisioner") else km.kernel.pid
    rss, hwm = status_kib(pid, "VmRSS"), status_kib(pid, "VmHWM")
    print(f"INFO after one cell: VmRSS {rss} kB, peak {hwm} kB", flush=True)
    check(rss < 0.8 * hwm, "start-up pages released", f"VmRSS {rss} kB against a peak of {hwm} kB")
    c, out = execute(kc, "//nnbook:compile\nfunc Twice(x int) int { return 2 * x }", timeout=600)
    check(c["status"] == "ok", "a compiled cell builds and loads", (c, stream_text(out)))
    c, out = execute(kc, "Twice(21)")
    check(c["status"] == "ok" and result_text(out) == "42", "an interpreted cell calls it",
          (c, result_text(out)))


def check_late_join():
    """A client that sends execute_request before its iopub subscription
    has reached the kernel (ZeroMQ's slow joiner) still gets the request's
    busy and idle statuses: the kernel holds what it publishes while no
    client subscribes. jupyter console waits for that idle forever."""
    km = KernelManager(kernel_name="nnbook")
    km.start_kernel()
    kc = km.client()
    try:
        kc.shell_channel.start()  # no iopub yet: nobody subscribes
        msg_id = kc.execute("x := 6 * 7\nx")
        reply = reply_for(kc, msg_id)
        check(reply["content"]["status"] == "ok", "a cell runs before any client subscribes", reply["content"])
        kc.iopub_channel.start()
        out = outputs_for(kc, msg_id)
        check(result_text(out) == "42", "the late subscriber gets the cell's result and idle",
              [m["msg_type"] for m in out])
        msg_id = kc.execute("x + 1")
        reply_for(kc, msg_id)
        out = outputs_for(kc, msg_id)
        check(result_text(out) == "43", "later cells publish as usual", [m["msg_type"] for m in out])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    what = sys.argv[1]
    if what == "latejoin":
        check_late_join()
        return
    km, kc = start_new_kernel(kernel_name="nnbook", startup_timeout=TIMEOUT)
    try:
        if what == "interrupt":
            c, _ = execute(kc, "x := 41")
            check(c["status"] == "ok", "define x", c)
            for how in ("message", "signal"):
                interrupt_run(km, kc, "n := 0\nfor {\n\tn++\n}", how, f"loop/{how}")
                c, out = execute(kc, "x + 1")
                check(c["status"] == "ok" and result_text(out) == "42",
                      f"loop/{how}: next cell sees x", (c, result_text(out)))
            check(km.is_alive(), "kernel alive after SIGINT")
        elif what == "training":
            c, out = execute(kc, "net := nnlib.New(2, 8, 1)\nbefore := net.Weight(0, 0, 0)")
            check(c["status"] == "ok", "make a network", c)
            for how in ("message", "signal"):
                interrupt_run(km, kc, "h, err := net.Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 100000000})",
                              how, f"training/{how}")
                # An nnlib call that reports an error (here: interrupted)
                # leaves the network as it was before the call (issue #15).
                c, out = execute(kc, "fmt.Println(net.Weight(0, 0, 0) == before)")
                check(c["status"] == "ok" and "true" in stream_text(out),
                      f"training/{how}: next cell sees the network as before the interrupted Fit",
                      (c, stream_text(out)))
        elif what == "cell":
            c, out = execute(kc, "x := 6 * 7\nx")
            check(c["status"] == "ok" and result_text(out) == "42", "a cell runs", (c, result_text(out)))
        elif what == "stdin":
            check_stdin(km, kc)
        elif what == "compiled":
            check_compiled(km, kc)
        elif what == "restart":
            c, _ = execute(kc, "x := 1")
            check(c["status"] == "ok", "define x", c)
            pid = km.provisioner.pid if hasattr(km, "provisioner") else km.kernel.pid
            km.restart_kernel(now=False)
            kc.wait_for_ready(timeout=TIMEOUT)
            pid2 = km.provisioner.pid if hasattr(km, "provisioner") else km.kernel.pid
            check(pid2 != pid, "restart starts a new process")
            c, _ = execute(kc, "x + 1")
            check(c["status"] == "error", "x is gone after restart", c)
            c, out = execute(kc, "2 + 3")
            check(c["status"] == "ok" and result_text(out) == "5", "restarted kernel runs cells",
                  (c, result_text(out)))
            # jupyter_client kills a kernel that has not exited within
            # shutdown_wait_time; with a long wait, exit status 0 (not a
            # signal) shows the kernel exited by itself.
            km.shutdown_wait_time = TIMEOUT
            proc = km.provisioner.process
            t0 = time.time()
            km.shutdown_kernel(now=False)
            took = time.time() - t0
            check(not km.is_alive(), "kernel gone after shutdown_request")
            check(proc.returncode == 0, "kernel exits by itself on shutdown_request",
                  f"exit status {proc.returncode}")
            print(f"INFO shutdown took {took*1000:.0f} ms", flush=True)
            return
        else:
            fail("unknown check " + what)
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
