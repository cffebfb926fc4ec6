"""Interrupts the nnbook kernel inside every kind of blocking call, through
jupyter_client, and checks that no statement of an interrupted cell runs
afterwards.

    JUPYTER_DATA_DIR=... /usr/bin/python3 check_interrupt.py blocking|unstoppable|afterfunc|fatal|gradcheck

Each cell prints "started", blocks, then sets its own session variable g<i>.
The interrupt is sent when "started" arrives on iopub; the time from the
interrupt to the cell's idle status is printed as an INFO line (reported,
not asserted). The next cell sleeps past the block's end (when it has one)
and reads the cell's variable: it must still be 0.

Prints one "PASS name" line per check; exits 1 at the first failure.
"""
import signal
import sys
import time

from jupyter_client.manager import start_new_kernel

from check_client import TIMEOUT, check, execute, reply_for, result_text, stream_text

BLOCKING = [
    ("time.Sleep", "time.Sleep(1500 * time.Millisecond)"),
    ("time.After", "<-time.After(1500 * time.Millisecond)"),
    ("timer", "tm := time.NewTimer(1500 * time.Millisecond); <-tm.C"),
    ("ticker", "tk := time.NewTicker(1500 * time.Millisecond); for range tk.C { break }"),
    ("channel receive", "ch := make(chan int); <-ch"),
    ("channel send", "ch := make(chan int); ch <- 1"),
    ("select", "ch := make(chan int); select { case <-ch: case <-time.After(1500 * time.Millisecond): }"),
    ("empty select", "select {}"),
    ("WaitGroup.Wait", "var wg sync.WaitGroup; wg.Add(1); time.AfterFunc(1500 * time.Millisecond, wg.Done); wg.Wait()"),
    ("context wait", "c, stop := context.WithTimeout(context.Background(), 1500 * time.Millisecond); defer stop(); <-c.Done()"),
    ("goroutine's sleep", "done := make(chan bool); go func() { time.Sleep(1500 * time.Millisecond); done <- true }(); <-done"),
]


def iopub_until(kc, msg_id, pred, timeout=TIMEOUT):
    """Reads iopub messages of msg_id until pred(msg) holds; returns them."""
    out = []
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(msg)
        if pred(msg):
            return out


def is_idle(msg):
    return msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"


def has_stream(text):
    return lambda msg: msg["msg_type"] == "stream" and text in msg["content"]["text"]


def interrupt_when_started(km, kc, code, how):
    """Runs code, interrupts it when it prints "started"; returns the reply
    and the seconds from the interrupt to the idle status."""
    msg_id = kc.execute('fmt.Println("started")\n' + code)
    iopub_until(kc, msg_id, has_stream("started"))
    t0 = time.time()
    if how == "message":
        km.interrupt_kernel()
    else:
        km.signal_kernel(signal.SIGINT)
    iopub_until(kc, msg_id, is_idle)
    took = time.time() - t0
    return reply_for(kc, msg_id)["content"], took


def check_blocking(km, kc):
    c, _ = execute(kc, 'import (\n\t"context"\n\t"sync"\n)\n' +
                   "\n".join(f"var g{i} int" for i in range(len(BLOCKING))))
    check(c["status"] == "ok", "define the variables", c)
    for i, (name, code) in enumerate(BLOCKING):
        how = "message" if i % 2 == 0 else "signal"
        reply, took = interrupt_when_started(km, kc, f"{code}\ng{i} = 1", how)
        check(reply["status"] == "error" and reply["ename"] == "Interrupted" and reply["evalue"] == "interrupted",
              f"{name}: Interrupted, nothing left running ({how})", reply)
        print(f"INFO {name}: interrupt-to-idle {took*1000:.1f} ms ({how})", flush=True)
        # A bounded block would end 1.5 s after it started: read the
        # variable after that (each later interrupt would stop the cell's
        # leftovers again, so each case is checked on its own).
        wait = "time.Sleep(1600 * time.Millisecond)\n" if "1500" in code else ""
        c, out = execute(kc, f"{wait}g{i}")
        check(c["status"] == "ok" and result_text(out) == "0", f"{name}: no late write, g{i} is 0", result_text(out))


def check_unstoppable(km, kc):
    # sync.Mutex.Lock does not watch the cell's context; the timer
    # unlocks it 2 s later.
    c, _ = execute(kc, 'import "sync"\nvar mu sync.Mutex\nlate := 0\nnet := nnlib.New(2, 2, 1)')
    check(c["status"] == "ok", "define the variables", c)
    reply, took = interrupt_when_started(
        km, kc, "mu.Lock()\ntime.AfterFunc(2 * time.Second, mu.Unlock)\nmu.Lock()\nlate = 1", "message")
    check(reply["status"] == "error" and "still inside sync.(*Mutex).Lock" in reply["evalue"],
          "the reply names the call still running", reply)
    print(f"INFO unstoppable: interrupt-to-idle {took*1000:.1f} ms; reply: {reply['evalue']}", flush=True)
    c = kc.complete("ne", 2)
    msg = kc.get_shell_msg(timeout=TIMEOUT)
    check("net" in msg["content"]["matches"], "completion sees net while the call runs", msg["content"])
    t0 = time.time()
    c, out = execute(kc, "late")
    took = time.time() - t0
    check(c["status"] == "ok" and result_text(out) == "0" and "waiting for the interrupted cell" in stream_text(out),
          "the next cell waits for the call, then reads late = 0", (c, result_text(out), stream_text(out)))
    print(f"INFO unstoppable: the next cell waited {took*1000:.0f} ms", flush=True)


def check_afterfunc(km, kc):
    c, out = execute(kc, 'done := make(chan bool)\ntime.AfterFunc(time.Millisecond, func() { defer close(done); panic("boom") })\n<-done\ntime.Sleep(50 * time.Millisecond)')
    # As in Go, a panic nothing recovers in a goroutine ends the program:
    # here the cell that started it, with Go's text and the goroutine's frames.
    check(c["status"] == "error" and c["ename"] == "Panic" and c["evalue"] == "boom"
          and any("goroutine" in line for line in c["traceback"]),
          "the cell fails with the callback's panic", c)
    c, out = execute(kc, "1 + 1")
    check(c["status"] == "ok" and result_text(out) == "2", "the kernel survives an AfterFunc panic", c)
    # A panic after its cell ended shows on the stderr of the next cell.
    c, out = execute(kc, 'time.AfterFunc(20 * time.Millisecond, func() { panic("late") })')
    check(c["status"] == "ok", "a cell that only starts a timer ends normally", c)
    c, out = execute(kc, "time.Sleep(300 * time.Millisecond)\n2 + 2")
    err = "".join(m["content"]["text"] for m in out if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
    check(c["status"] == "ok" and "late" in err, "the late panic is on the next cell's stderr", (c, err))
    check(km.is_alive(), "kernel process alive")


def check_gradcheck(km, kc):
    # issue 15's case: GradCheck on a 784-128-10 network, interrupted; a
    # later cell compares every parameter and finds rep never assigned.
    c, _ = execute(kc, "net := nnlib.New(784, 128, 10)\nin := make([]float64, 784)\n"
                       "for i := range in { in[i] = float64(i%7) / 7 }\ntgt := make([]float64, 10)\ntgt[3] = 1\n"
                       "before := net.Params()\nvar rep *nnlib.GradCheckReport")
    check(c["status"] == "ok", "make the network", c)
    reply, took = interrupt_when_started(km, kc, "rep, _ = nnlib.GradCheck(net, in, tgt)", "message")
    check(reply["status"] == "error" and reply["ename"] == "Interrupted", "GradCheck interrupted", reply)
    print(f"INFO gradcheck: interrupt-to-idle {took*1000:.1f} ms; reply: {reply['evalue']}", flush=True)
    c, out = execute(kc, "differ := 0\nfor i, p := range net.Params() { if p != before[i] { differ++ } }\n"
                         "fmt.Println(\"params differing:\", differ, \"rep nil:\", rep == nil)")
    check(c["status"] == "ok" and "params differing: 0 rep nil: true" in stream_text(out),
          "no parameter changed and rep was not assigned", (c, stream_text(out)))


def check_fatal(km, kc):
    # A fatal Go error cannot be recovered: the kernel process ends, and its
    # stderr (this script's) says why; the Go test checks that line.
    kc.execute("m := map[int]int{}\nfor i := 0; i < 4; i++ { go func() { for j := 0; ; j++ { m[j] = j } }() }\nselect {}")
    deadline = time.time() + TIMEOUT
    while km.is_alive() and time.time() < deadline:
        time.sleep(0.05)
    check(not km.is_alive(), "the kernel process ended")


def main():
    what = sys.argv[1]
    km, kc = start_new_kernel(kernel_name="nnbook", startup_timeout=TIMEOUT)
    try:
        {"blocking": check_blocking, "unstoppable": check_unstoppable, "afterfunc": check_afterfunc,
         "fatal": check_fatal, "gradcheck": check_gradcheck}[what](km, kc)
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
