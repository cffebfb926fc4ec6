package jupyter

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/nnbook/nnbook/kernel"
)

// guard bounds every wait on the kernel. It only turns a hang into a
// failure: the tests wait for messages, never for a time, so a loaded
// machine makes them slower, not red.
const guard = 2 * time.Minute

// fakeEngine is a tiny engine for protocol tests: "print X" writes X to
// stdout, "warn X" to stderr, "fail" panics, "loop" runs until interrupted,
// "train" shows a display and updates it, anything else is its own value.
// "slowprint" prints a line, waits for the test to close release, prints
// another; "hold" waits until three more requests are queued. Tests wait on
// these events, not on time.
type fakeEngine struct {
	mu      sync.Mutex
	ran     []string
	resets  int
	release chan struct{} // closed by the test to end "slowprint"
	running chan struct{} // gets a value when "loop" has started
	queued  func() int    // requests waiting in the kernel's queue, for "hold"
}

func (f *fakeEngine) Execute(ctx context.Context, code string, emit func(kernel.Part)) error {
	f.mu.Lock()
	f.ran = append(f.ran, code)
	f.mu.Unlock()
	code = strings.TrimSpace(code)
	switch {
	case code == "spam":
		for i := 0; i < 1000; i++ {
			emit(kernel.Part{Kind: kernel.Stdout, Text: fmt.Sprintf("line %d\n", i)})
		}
		emit(kernel.Part{Kind: kernel.Stderr, Text: "warning\n"})
		emit(kernel.Part{Kind: kernel.Value, Text: "done"})
	case code == "slowprint":
		emit(kernel.Part{Kind: kernel.Stdout, Text: "first\n"})
		<-f.release
		emit(kernel.Part{Kind: kernel.Stdout, Text: "second\n"})
	case code == "hold":
		for f.queued() < 3 {
			time.Sleep(time.Millisecond) // polls the queue: an event, however late it comes
		}
	case code == "loop":
		select {
		case f.running <- struct{}{}:
		default:
		}
		<-ctx.Done()
		return &kernel.CellError{Name: "Interrupted", Value: "interrupted"}
	case strings.HasPrefix(code, "print "):
		emit(kernel.Part{Kind: kernel.Stdout, Text: strings.TrimPrefix(code, "print ") + "\n"})
	case strings.HasPrefix(code, "warn "):
		emit(kernel.Part{Kind: kernel.Stderr, Text: strings.TrimPrefix(code, "warn ") + "\n"})
	case code == "fail":
		return &kernel.CellError{Name: "Panic", Value: "boom", Traceback: []string{"panic: boom", "cell line 1"}, Line: 1, Col: 1}
	case code == "train":
		png := Logo(32)
		emit(kernel.Part{Kind: kernel.Display, Text: "Figure(loss)", DisplayID: "fit-1", Data: map[string][]byte{"image/png": png, "text/plain": []byte("Figure(loss)")}})
		emit(kernel.Part{Kind: kernel.UpdateDisplay, Text: "Figure(loss)", DisplayID: "fit-1", Data: map[string][]byte{"image/png": png}})
	default:
		emit(kernel.Part{Kind: kernel.Value, Text: code})
	}
	return nil
}

func (f *fakeEngine) Complete(code string, cursor int) ([]string, int, int) {
	return []string{"fmt.Println", "fmt.Printf"}, 0, cursor
}
func (f *fakeEngine) Inspect(code string, cursor int) (string, bool) {
	if code == "crash" {
		panic("inspect crashed")
	}
	return "func fmt.Println(a ...any) (n int, err error)", strings.Contains(code, "fmt")
}
func (f *fakeEngine) IsComplete(code string) (string, string) {
	if strings.HasSuffix(strings.TrimSpace(code), "{") {
		return "incomplete", "\t"
	}
	return "complete", ""
}
func (f *fakeEngine) Doc(name string) (string, bool) { return "doc of " + name, name == "fmt.Println" }
func (f *fakeEngine) Vars() []kernel.Var             { return []kernel.Var{{Name: "x", Type: "int"}} }
func (f *fakeEngine) Reset() error                   { f.mu.Lock(); f.resets++; f.mu.Unlock(); return nil }

func (f *fakeEngine) executed() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.ran...)
}

// testClient talks to an in-process kernel over real ZeroMQ sockets.
type testClient struct {
	t                  testing.TB
	k                  *Kernel
	eng                *fakeEngine
	shell, control, hb zmq4.Socket
	iopub              zmq4.Socket
	shellC, controlC   chan zmq4.Msg
	iopubC             chan zmq4.Msg
	sig                *signer
	session            string
	conn               ConnectionInfo
	runDone            chan struct{}
}

func startKernel(t testing.TB) *testClient {
	t.Helper()
	conn := ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", SignatureScheme: "hmac-sha256", Key: "secret-test-key"}
	eng := &fakeEngine{release: make(chan struct{}), running: make(chan struct{}, 1)}
	var logs strings.Builder
	var logMu sync.Mutex
	k, err := NewKernel(&conn, eng, writerFunc(func(b []byte) (int, error) {
		logMu.Lock()
		defer logMu.Unlock()
		return logs.Write(b)
	}))
	if err != nil {
		t.Fatal(err)
	}
	runDone := make(chan struct{})
	go func() { k.Run(context.Background()); close(runDone) }()
	t.Cleanup(func() {
		select {
		case <-k.Done():
		default:
			k.once.Do(func() { close(k.done) })
		}
		<-runDone
		logMu.Lock()
		defer logMu.Unlock()
		if strings.Contains(logs.String(), conn.Key) {
			t.Errorf("the log shows the key:\n%s", logs.String())
		}
	})
	eng.queued = func() int { return len(k.queue) }
	c := connectClient(t, conn)
	c.k, c.eng, c.runDone = k, eng, runDone
	return c
}

// connectClient connects a test client to the kernel described by conn and
// waits until its iopub subscription works.
func connectClient(t testing.TB, conn ConnectionInfo) *testClient {
	t.Helper()
	c := &testClient{t: t, conn: conn, session: newID()}
	c.sig, _ = newSigner(conn.SignatureScheme, conn.Key)
	ctx, cancel := context.WithCancel(context.Background())
	dial := func(s zmq4.Socket, port int) zmq4.Socket {
		if err := s.Dial(conn.endpoint(port)); err != nil {
			t.Fatal(err)
		}
		return s
	}
	c.shell = dial(zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("shell-"+c.session))), conn.ShellPort)
	c.control = dial(zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("control-"+c.session))), conn.ControlPort)
	c.hb = dial(zmq4.NewReq(ctx), conn.HBPort)
	c.iopub = dial(zmq4.NewSub(ctx), conn.IOPubPort)
	c.iopub.SetOption(zmq4.OptionSubscribe, "")
	pump := func(s zmq4.Socket) chan zmq4.Msg {
		ch := make(chan zmq4.Msg, 1000)
		go func() {
			for {
				m, err := s.Recv()
				if err != nil {
					return
				}
				ch <- m
			}
		}()
		return ch
	}
	c.shellC, c.controlC, c.iopubC = pump(c.shell), pump(c.control), pump(c.iopub)
	t.Cleanup(func() {
		cancel()
		for _, s := range []zmq4.Socket{c.shell, c.control, c.hb, c.iopub} {
			s.Close()
		}
	})
	// Wait until iopub is subscribed: kernel_info until a status arrives.
	deadline := time.Now().Add(guard)
	for time.Now().Before(deadline) {
		c.request(c.shell, "kernel_info_request", map[string]any{})
		c.wait(c.shellC, "kernel_info_reply", guard)
		if _, ok := c.tryRecv(c.iopubC, 200*time.Millisecond); ok {
			c.drainIOPub()
			return c
		}
	}
	t.Fatal("iopub never delivered a status message")
	return nil
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// request sends a signed request and returns its msg_id.
func (c *testClient) request(s zmq4.Socket, typ string, content any) string {
	c.t.Helper()
	h := newHeader(typ, c.session)
	frames, err := encode(nil, h, nil, nil, content, c.sig)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := s.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatal(err)
	}
	return h.MsgID
}

func (c *testClient) tryRecv(ch chan zmq4.Msg, d time.Duration) (*message, bool) {
	select {
	case zm := <-ch:
		m, err := decode(zm.Frames, c.sig)
		if err != nil {
			c.t.Fatalf("kernel sent an undecodable message: %v", err)
		}
		return m, true
	case <-time.After(d):
		return nil, false
	}
}

// wait returns the next message of type typ on ch, skipping others.
func (c *testClient) wait(ch chan zmq4.Msg, typ string, d time.Duration) *message {
	c.t.Helper()
	deadline := time.Now().Add(d)
	for {
		m, ok := c.tryRecv(ch, time.Until(deadline))
		if !ok {
			c.t.Fatalf("no %s within %v", typ, d)
		}
		if m.Header.MsgType == typ {
			return m
		}
	}
}

func (c *testClient) drainIOPub() {
	for {
		if _, ok := c.tryRecv(c.iopubC, 50*time.Millisecond); !ok {
			return
		}
	}
}

// iopubUntilIdle returns the iopub messages of request id up to its idle status.
func (c *testClient) iopubUntilIdle(id string) []*message {
	c.t.Helper()
	var out []*message
	for {
		m, ok := c.tryRecv(c.iopubC, guard)
		if !ok {
			c.t.Fatalf("no idle status for %s; got %v", id, out)
		}
		var p header
		json.Unmarshal(m.Parent, &p)
		if p.MsgID != id {
			continue
		}
		out = append(out, m)
		var st struct {
			State string `json:"execution_state"`
		}
		json.Unmarshal(m.Content, &st)
		if m.Header.MsgType == "status" && st.State == "idle" {
			return out
		}
	}
}

func content(m *message) map[string]any {
	var v map[string]any
	json.Unmarshal(m.Content, &v)
	return v
}

func types(ms []*message) string {
	var s []string
	for _, m := range ms {
		s = append(s, m.Header.MsgType)
	}
	return strings.Join(s, " ")
}

func (c *testClient) execute(code string, extra map[string]any) (*message, []*message) {
	c.t.Helper()
	req := map[string]any{"code": code, "silent": false, "store_history": true, "user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true}
	for k, v := range extra {
		req[k] = v
	}
	id := c.request(c.shell, "execute_request", req)
	reply := c.wait(c.shellC, "execute_reply", guard)
	return reply, c.iopubUntilIdle(id)
}

func TestExecuteMessages(t *testing.T) {
	c := startKernel(t)
	tests := []struct {
		code, want, status string
	}{
		{"print hi", "status execute_input stream status", "ok"},
		{"warn careful", "status execute_input stream status", "ok"},
		{"41+1", "status execute_input execute_result status", "ok"},
		{"train", "status execute_input display_data update_display_data status", "ok"},
		{"fail", "status execute_input error status", "error"},
		{":help", "status execute_input status", "ok"},
		{":clear\nprint after", "status execute_input clear_output stream status", "ok"},
		{":nosuch", "status execute_input error status", "error"},
		{":doc fmt.Println", "status execute_input status", "ok"},
		{":doc nosuch.Name", "status execute_input error status", "error"},
		{":vars", "status execute_input stream status", "ok"},
		{":reset", "status execute_input stream status", "ok"},
	}
	for i, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			reply, msgs := c.execute(tc.code, nil)
			if got := types(msgs); got != tc.want {
				t.Errorf("iopub: got %q, want %q", got, tc.want)
			}
			rc := content(reply)
			if rc["status"] != tc.status {
				t.Errorf("reply status %v, want %s (%v)", rc["status"], tc.status, rc)
			}
			if rc["execution_count"] != float64(i+1) {
				t.Errorf("execution_count %v, want %d", rc["execution_count"], i+1)
			}
			for _, m := range msgs {
				mc := content(m)
				switch m.Header.MsgType {
				case "stream":
					if tc.code == ":vars" && mc["text"] != "x  int\n" {
						t.Errorf(":vars printed %q", mc["text"])
					}
					if !strings.HasPrefix(tc.code, "warn") && mc["name"] != "stdout" || strings.HasPrefix(tc.code, "warn") && mc["name"] != "stderr" {
						t.Errorf("stream name %v for %q", mc["name"], tc.code)
					}
				case "execute_result":
					if d := mc["data"].(map[string]any); d["text/plain"] != "41+1" {
						t.Errorf("execute_result data %v", d)
					}
				case "display_data", "update_display_data":
					tr, _ := mc["transient"].(map[string]any)
					if tr["display_id"] != "fit-1" {
						t.Errorf("%s transient %v, want display_id fit-1", m.Header.MsgType, mc["transient"])
					}
					d := mc["data"].(map[string]any)
					if s, _ := d["image/png"].(string); !strings.HasPrefix(s, "iVBOR") {
						t.Errorf("%s image/png is not base64 PNG: %.20q", m.Header.MsgType, s)
					}
				case "error":
					if mc["ename"] == "" || len(mc["traceback"].([]any)) == 0 {
						t.Errorf("error content %v", mc)
					}
				}
			}
			if tc.code == ":doc fmt.Println" {
				p, _ := rc["payload"].([]any)
				if len(p) != 1 || fmt.Sprint(p[0].(map[string]any)["data"]) != "map[text/plain:doc of fmt.Println]" {
					t.Errorf(":doc payload %v", rc["payload"])
				}
			}
			if tc.code == ":help" {
				p, _ := rc["payload"].([]any)
				if len(p) != 1 || p[0].(map[string]any)["source"] != "page" {
					t.Errorf(":help payload %v, want one page", rc["payload"])
				}
			}
		})
	}
}

func TestStreamBatching(t *testing.T) {
	c := startKernel(t)
	_, msgs := c.execute("spam", nil)
	if got := types(msgs); got != "status execute_input stream stream execute_result status" {
		t.Fatalf("iopub %q, want the 1000 lines as one stream message", got)
	}
	var want strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&want, "line %d\n", i)
	}
	if s := content(msgs[2]); s["name"] != "stdout" || s["text"] != want.String() {
		t.Errorf("first stream: %v %.40q", s["name"], s["text"])
	}
	if s := content(msgs[3]); s["name"] != "stderr" || s["text"] != "warning\n" {
		t.Errorf("second stream: %v", s)
	}
	// Text written before a pause shows during the pause, not at the end:
	// the cell goes on only once its first line has arrived.
	id := c.request(c.shell, "execute_request", map[string]any{"code": "slowprint"})
	for {
		m, ok := c.tryRecv(c.iopubC, guard)
		if !ok {
			t.Fatal("the first line never arrived while the cell was paused")
		}
		if m.Header.MsgType == "stream" {
			if s := content(m)["text"]; s != "first\n" {
				t.Errorf("during the pause: %q, want the first line", s)
			}
			break
		}
	}
	close(c.eng.release)
	c.iopubUntilIdle(id)
}

func TestUserExpressions(t *testing.T) {
	c := startKernel(t)
	reply, _ := c.execute("print x", map[string]any{"user_expressions": map[string]any{"a": "6*7", "b": "fail"}})
	ue := content(reply)["user_expressions"].(map[string]any)
	a, _ := ue["a"].(map[string]any)
	b, _ := ue["b"].(map[string]any)
	if a["status"] != "ok" || fmt.Sprint(a["data"]) != "map[text/plain:6*7]" {
		t.Errorf("user expression a: %v", a)
	}
	if b["status"] != "error" || b["ename"] != "Panic" {
		t.Errorf("user expression b: %v", b)
	}
}

func TestSilentAndStoreHistory(t *testing.T) {
	c := startKernel(t)
	reply, msgs := c.execute("print quiet", map[string]any{"silent": true})
	if got := types(msgs); got != "status status" {
		t.Errorf("silent: iopub %q, want only busy/idle", got)
	}
	if n := content(reply)["execution_count"]; n != float64(0) {
		t.Errorf("silent: execution_count %v, want 0", n)
	}
	c.execute("1", map[string]any{"store_history": false})
	c.execute("2", nil)
	id := c.request(c.shell, "history_request", map[string]any{"output": true, "raw": true, "hist_access_type": "tail", "n": 10})
	h := content(c.wait(c.shellC, "history_reply", guard))["history"].([]any)
	if len(h) != 1 {
		t.Fatalf("history %v, want only the stored cell", h)
	}
	if got := fmt.Sprint(h[0]); got != "[1 1 [2 2]]" {
		t.Errorf("history entry %s, want [1 1 [2 2]]", got)
	}
	c.iopubUntilIdle(id)
}

func TestStopOnErrorAbortsQueued(t *testing.T) {
	c := startKernel(t)
	req := func(code string, stop bool) string {
		return c.request(c.shell, "execute_request", map[string]any{"code": code, "stop_on_error": stop})
	}
	req("hold", true) // runs until the next three are queued
	req("fail", true)
	req("print queued-1", true)
	req("print queued-2", true)
	var statuses []string
	c.wait(c.shellC, "execute_reply", guard)
	for i := 0; i < 3; i++ {
		statuses = append(statuses, content(c.wait(c.shellC, "execute_reply", guard))["status"].(string))
	}
	if got := strings.Join(statuses, " "); got != "error aborted aborted" {
		t.Errorf("replies %q, want error aborted aborted", got)
	}
	// A request sent after the error has been answered runs again.
	if r, _ := c.execute("print later", nil); content(r)["status"] != "ok" {
		t.Errorf("after the abort: %v", content(r))
	}
	for _, code := range c.eng.executed() {
		if strings.Contains(code, "queued") {
			t.Errorf("aborted cell %q was executed", code)
		}
	}
	// stop_on_error false: the next cell runs.
	req("fail", false)
	req("print runs", true)
	for _, want := range []string{"error", "ok"} {
		if got := content(c.wait(c.shellC, "execute_reply", guard))["status"]; got != want {
			t.Errorf("stop_on_error=false: %v, want %s", got, want)
		}
	}
}

func TestInterruptBusyKernel(t *testing.T) {
	c := startKernel(t)
	id := c.request(c.shell, "execute_request", map[string]any{"code": "loop"})
	<-c.eng.running
	// Busy: heartbeat and control still answer.
	if err := c.hb.Send(zmq4.NewMsgString("ping")); err != nil {
		t.Fatal(err)
	}
	hbDone := make(chan string, 1)
	go func() {
		m, err := c.hb.Recv()
		if err != nil {
			hbDone <- err.Error()
			return
		}
		hbDone <- string(m.Bytes())
	}()
	select {
	case got := <-hbDone:
		if got != "ping" {
			t.Errorf("heartbeat echoed %q", got)
		}
	case <-time.After(guard):
		t.Fatal("no heartbeat while busy")
	}
	c.request(c.control, "kernel_info_request", map[string]any{})
	ki := content(c.wait(c.controlC, "kernel_info_reply", guard))
	if li := ki["language_info"].(map[string]any); li["name"] != "go" || li["file_extension"] != ".go" {
		t.Errorf("language_info %v", li)
	}
	c.request(c.control, "interrupt_request", map[string]any{})
	if st := content(c.wait(c.controlC, "interrupt_reply", guard))["status"]; st != "ok" {
		t.Errorf("interrupt_reply status %v", st)
	}
	r := content(c.wait(c.shellC, "execute_reply", guard))
	if r["status"] != "error" || r["ename"] != "Interrupted" {
		t.Errorf("interrupted cell reply %v", r)
	}
	c.iopubUntilIdle(id)
	if r, _ := c.execute("print alive", nil); content(r)["status"] != "ok" {
		t.Errorf("after interrupt: %v", content(r))
	}
}

func TestForgedSignatureNotExecuted(t *testing.T) {
	c := startKernel(t)
	forge := func(sig func(frames [][]byte) []byte) {
		h := newHeader("execute_request", c.session)
		frames, _ := encode(nil, h, nil, nil, map[string]any{"code": "print forged"}, c.sig)
		// frames: delimiter, signature, header, parent, metadata, content
		frames[1] = sig(frames)
		c.shell.SendMulti(zmq4.NewMsgFrom(frames...))
	}
	other, _ := newSigner("hmac-sha256", "not-the-key")
	cases := map[string]func([][]byte) []byte{
		"wrong key":    func(f [][]byte) []byte { return other.sign(f[2], f[3], f[4], f[5]) },
		"missing":      func(f [][]byte) []byte { return nil },
		"not hex":      func(f [][]byte) []byte { return []byte("zz" + string(f[1][2:])) },
		"truncated":    func(f [][]byte) []byte { return f[1][:10] },
		"other header": func(f [][]byte) []byte { return c.sig.sign([]byte(`{"msg_type":"x"}`), f[3], f[4], f[5]) },
	}
	for name, sig := range cases {
		forge(sig)
		t.Logf("sent a message with a %s signature", name)
	}
	if r, _ := c.execute("print genuine", nil); content(r)["status"] != "ok" {
		t.Fatalf("kernel not alive after forged messages: %v", content(r))
	}
	if got := c.eng.executed(); len(got) != 1 || got[0] != "print genuine" {
		t.Errorf("executed %q, want only the genuine cell", got)
	}
}

func TestMalformedFrames(t *testing.T) {
	c := startKernel(t)
	good := func(typ, cont string) [][]byte {
		h, _ := json.Marshal(newHeader(typ, c.session))
		return [][]byte{delimiter, c.sig.sign(h, []byte("{}"), []byte("{}"), []byte(cont)), h, []byte("{}"), []byte("{}"), []byte(cont)}
	}
	signed := func(h, p, m, cont string) [][]byte {
		return [][]byte{delimiter, c.sig.sign([]byte(h), []byte(p), []byte(m), []byte(cont)), []byte(h), []byte(p), []byte(m), []byte(cont)}
	}
	bad := [][][]byte{
		{[]byte("just one frame")},
		{[]byte("no"), []byte("delimiter"), []byte("here")},
		{delimiter},
		{delimiter, []byte("sig"), []byte("{}")},
		good("execute_request", "")[:5],
		signed("not json", "{}", "{}", "{}"),
		signed(`{"msg_id":"1"}`, "{}", "{}", "{}"),
		signed(`[1,2]`, "{}", "{}", "{}"),
		signed(`{"msg_type":"execute_request","msg_id":"x"}`, "{}", "{}", `{"code": 12}`),
		signed(`{"msg_type":"execute_request","msg_id":"y"}`, "{}", "{}", `"a string"`),
		signed(`{"msg_type":"execute_request","msg_id":"z"}`, "[]", "7", `{}`),
		signed(`{"msg_type":"complete_request","msg_id":"c"}`, "{}", "{}", `{"code":"fmt.Pr","cursor_pos":-5}`),
		signed(`{"msg_type":"inspect_request","msg_id":"i"}`, "{}", "{}", `{"cursor_pos":99999}`),
		signed(`{"msg_type":"history_request","msg_id":"h"}`, "{}", "{}", `{"hist_access_type":"search","pattern":"[","n":-3}`),
		signed(`{"msg_type":"no_such_request","msg_id":"n"}`, "{}", "{}", `{}`),
		signed(`{"msg_type":"comm_open","msg_id":"o"}`, "{}", "{}", `{"comm_id":"c1","target_name":"t"}`),
		good("execute_request", `{"code": null, "silent": "yes"}`),
	}
	for _, frames := range bad {
		if err := c.shell.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
			t.Fatal(err)
		}
		if err := c.control.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
			t.Fatal(err)
		}
	}
	// Each socket is read in order: the replies below come after the
	// malformed frames were handled.
	c.request(c.control, "kernel_info_request", map[string]any{})
	c.wait(c.controlC, "kernel_info_reply", guard)
	// The shell socket too: its kernel_info_reply comes after the replies
	// to the malformed execute_requests (status error), which wait skips.
	c.request(c.shell, "kernel_info_request", map[string]any{})
	c.wait(c.shellC, "kernel_info_reply", guard)
	c.drainIOPub()
	if r, _ := c.execute("print alive", nil); content(r)["status"] != "ok" {
		t.Fatalf("kernel not alive after malformed frames: %v", content(r))
	}
}

func TestRequestsOnShell(t *testing.T) {
	c := startKernel(t)
	tests := []struct {
		typ     string
		content map[string]any
		check   func(map[string]any) string
	}{
		{"complete_request", map[string]any{"code": "fmt.Pr", "cursor_pos": 6}, func(r map[string]any) string {
			if fmt.Sprint(r["matches"]) != "[fmt.Println fmt.Printf]" || r["cursor_end"] != float64(6) {
				return fmt.Sprint(r)
			}
			return ""
		}},
		{"inspect_request", map[string]any{"code": "fmt.Println", "cursor_pos": 5, "detail_level": 0}, func(r map[string]any) string {
			if r["found"] != true || r["data"].(map[string]any)["text/plain"] == nil {
				return fmt.Sprint(r)
			}
			return ""
		}},
		{"inspect_request", map[string]any{"code": "zzz", "cursor_pos": 1}, func(r map[string]any) string {
			if r["found"] != false || r["status"] != "ok" {
				return fmt.Sprint(r)
			}
			return ""
		}},
		{"is_complete_request", map[string]any{"code": "func f() {"}, func(r map[string]any) string {
			if r["status"] != "incomplete" || r["indent"] != "\t" {
				return fmt.Sprint(r)
			}
			return ""
		}},
		{"is_complete_request", map[string]any{"code": ":vars"}, func(r map[string]any) string {
			if r["status"] != "complete" {
				return fmt.Sprint(r)
			}
			return ""
		}},
		{"inspect_request", map[string]any{"code": "crash", "cursor_pos": 1}, func(r map[string]any) string {
			if r["status"] != "error" || r["ename"] != "InternalError" {
				return fmt.Sprint(r)
			}
			return ""
		}},
		{"comm_info_request", map[string]any{}, func(r map[string]any) string {
			if fmt.Sprint(r["comms"]) != "map[]" || r["status"] != "ok" {
				return fmt.Sprint(r)
			}
			return ""
		}},
		{"connect_request", map[string]any{}, func(r map[string]any) string {
			if r["shell_port"] != float64(c.conn.ShellPort) {
				return fmt.Sprint(r)
			}
			return ""
		}},
	}
	for _, tc := range tests {
		t.Run(tc.typ, func(t *testing.T) {
			id := c.request(c.shell, tc.typ, tc.content)
			r := c.wait(c.shellC, strings.TrimSuffix(tc.typ, "_request")+"_reply", guard)
			var p header
			json.Unmarshal(r.Parent, &p)
			if p.MsgID != id {
				t.Errorf("parent msg_id %q, want %q", p.MsgID, id)
			}
			if bad := tc.check(content(r)); bad != "" {
				t.Errorf("reply %s", bad)
			}
			if got := types(c.iopubUntilIdle(id)); got != "status status" {
				t.Errorf("iopub %q, want busy idle", got)
			}
		})
	}
}

func TestShutdown(t *testing.T) {
	for _, restart := range []bool{false, true} {
		t.Run(fmt.Sprint("restart=", restart), func(t *testing.T) {
			c := startKernel(t)
			c.request(c.control, "shutdown_request", map[string]any{"restart": restart})
			r := content(c.wait(c.controlC, "shutdown_reply", guard))
			if r["status"] != "ok" || r["restart"] != restart {
				t.Errorf("shutdown_reply %v", r)
			}
			c.wait(c.iopubC, "shutdown_reply", guard)
			select {
			case <-c.runDone:
			case <-time.After(guard):
				t.Fatal("Run did not return after shutdown_request")
			}
		})
	}
}
