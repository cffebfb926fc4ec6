package jupyter

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-zeromq/zmq4"

	"github.com/nnbook/nnbook/kernel"
)

// Engine is what the Jupyter kernel needs from an execution engine.
// *kernel.Engine implements it; tests may use a fake.
type Engine interface {
	Execute(ctx context.Context, code string, emit func(kernel.Part)) error
	Complete(code string, cursor int) (matches []string, start, end int)
	Inspect(code string, cursor int) (text string, found bool)
	IsComplete(code string) (status string, indent string)
	Doc(name string) (string, bool)
	Vars() []kernel.Var
	Reset() error
}

// iopubHWM is how many iopub messages wait for slow subscribers before new
// ones are dropped.
const iopubHWM = 10000

// Kernel is a running Jupyter kernel: five ZeroMQ sockets around one Engine.
// Shell requests run one at a time on their own goroutine; control requests
// (kernel_info, interrupt, shutdown) and the heartbeat are served on others,
// so a busy kernel still answers them.
type Kernel struct {
	conn    ConnectionInfo
	eng     Engine
	sig     *signer
	session string
	log     *log.Logger

	shell, control, stdin, iopub *endpoint
	held                         *heldPublisher // iopub's sender (iopub.go)
	hb                           zmq4.Socket

	ctx    context.Context
	cancel context.CancelFunc
	queue  chan queued
	done   chan struct{}
	once   sync.Once

	mu          sync.Mutex
	running     context.CancelFunc // cancels the running cell; nil when idle
	abortBefore time.Time          // execute requests received before this are aborted
	count       int                // execution_count
	history     []histEntry

	// signals makes Run interrupt the running cell on SIGINT.
	signals bool

	// inputReplies carries input_reply messages from the stdin socket to
	// the cell waiting for one (input.go).
	inputReplies chan *message
}

// queued is one shell request waiting for the worker.
type queued struct {
	m  *message
	at time.Time
}

// endpoint is a socket with a lock that serialises its sends.
type endpoint struct {
	name string
	s    zmq4.Socket
	mu   sync.Mutex
}

func (e *endpoint) send(frames [][]byte) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.s.SendMulti(zmq4.NewMsgFrom(frames...))
}

// NewKernel binds the sockets described by conn (only on conn.IP) and returns
// a kernel ready to Run. Ports given as 0 are chosen by the system and written
// back into conn. Log lines go to logw (never the key).
func NewKernel(conn *ConnectionInfo, eng Engine, logw io.Writer) (*Kernel, error) {
	sig, err := newSigner(conn.SignatureScheme, conn.Key)
	if err != nil {
		return nil, err
	}
	if logw == nil {
		logw = io.Discard
	}
	ctx, cancel := context.WithCancel(context.Background())
	k := &Kernel{
		eng:          eng,
		sig:          sig,
		session:      newID(),
		log:          log.New(logw, "nnbook kernel: ", log.LstdFlags),
		ctx:          ctx,
		cancel:       cancel,
		queue:        make(chan queued, 1024),
		inputReplies: make(chan *message, 1),
		done:         make(chan struct{}),
	}
	const sendTimeout = 10 * time.Second
	mk := func(name string, port *int, s zmq4.Socket) (*endpoint, error) {
		if err := s.Listen(conn.listenEndpoint(*port)); err != nil {
			return nil, conn.listenError(name, *port, err)
		}
		if *port == 0 && conn.Transport == "tcp" {
			if a, ok := s.Addr().(interface{ String() string }); ok {
				var p int
				if i := strings.LastIndexByte(a.String(), ':'); i >= 0 {
					fmt.Sscan(a.String()[i+1:], &p)
				}
				*port = p
			}
		}
		return &endpoint{name: name, s: s}, nil
	}
	opts := []zmq4.Option{zmq4.WithTimeout(sendTimeout), zmq4.WithLogger(log.New(io.Discard, "", 0))}
	var e error
	if k.shell, e = mk("shell", &conn.ShellPort, zmq4.NewRouter(ctx, opts...)); e != nil {
		err = e
	}
	if err == nil {
		k.control, err = mk("control", &conn.ControlPort, zmq4.NewRouter(ctx, opts...))
	}
	if err == nil {
		k.stdin, err = mk("stdin", &conn.StdinPort, zmq4.NewRouter(ctx, opts...))
	}
	if err == nil {
		k.iopub, err = mk("iopub", &conn.IOPubPort, zmq4.NewPub(ctx, opts...))
		if err == nil {
			// Bound the backlog kept for subscribers that stop reading
			// (libzmq drops beyond its high-water mark too).
			k.iopub.s.SetOption(zmq4.OptionHWM, iopubHWM)
			pub := k.iopub
			k.held = &heldPublisher{ctx: ctx, send: pub.send, subscribed: func() bool {
				t, ok := pub.s.(zmq4.Topics)
				return !ok || len(t.Topics()) > 0
			}}
		}
	}
	if err == nil {
		var hb *endpoint
		hb, err = mk("heartbeat", &conn.HBPort, zmq4.NewRep(ctx, opts...))
		if err == nil {
			k.hb = hb.s
		}
	}
	k.conn = *conn
	if err != nil {
		k.closeSockets()
		cancel()
		return nil, err
	}
	return k, nil
}

// String describes the kernel: its session and connection (without the key).
func (k *Kernel) String() string {
	return fmt.Sprintf("Kernel(session %s, %s)", k.session, k.conn)
}

// Run serves requests until a shutdown_request arrives or ctx is done, then
// closes the sockets.
func (k *Kernel) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	loops := []func(){k.readShell, k.worker, k.serveControl, k.serveHeartbeat, k.serveStdin}
	for _, f := range loops {
		wg.Add(1)
		go func() { defer wg.Done(); f() }()
	}
	if k.signals {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt)
		defer signal.Stop(ch)
		go func() {
			for {
				select {
				case <-ch:
					if k.interrupt() {
						k.log.Print("SIGINT: interrupting the running cell")
					}
				case <-k.done:
					return
				}
			}
		}()
	}
	k.publish(nil, "status", map[string]any{"execution_state": "starting"})
	select {
	case <-ctx.Done():
	case <-k.done:
	}
	k.interrupt()
	k.cancel()
	k.closeSockets()
	return nil
}

func (k *Kernel) closeSockets() {
	for _, e := range []*endpoint{k.shell, k.control, k.stdin, k.iopub} {
		if e != nil {
			e.s.Close()
		}
	}
	if k.hb != nil {
		k.hb.Close()
	}
}

// recv reads messages from a socket until the kernel stops, dropping (and
// logging) anything that is not a correctly signed Jupyter message.
func (k *Kernel) recv(e *endpoint, handle func(*message)) {
	for {
		zm, err := e.s.Recv()
		if k.ctx.Err() != nil {
			return
		}
		if err != nil {
			k.log.Printf("%s: receive: %v", e.name, err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		m, err := decode(zm.Frames, k.sig)
		if err != nil {
			k.log.Printf("%s: dropped a message (%d frames): %v", e.name, len(zm.Frames), err)
			continue
		}
		handle(m)
	}
}

func (k *Kernel) readShell() {
	k.recv(k.shell, func(m *message) {
		select {
		case k.queue <- queued{m, time.Now()}:
		case <-k.ctx.Done():
		}
	})
}

func (k *Kernel) worker() {
	for {
		select {
		case q := <-k.queue:
			k.dispatchShell(q)
		case <-k.ctx.Done():
			return
		}
	}
}

func (k *Kernel) serveHeartbeat() {
	for {
		m, err := k.hb.Recv()
		if k.ctx.Err() != nil {
			return
		}
		if err != nil {
			continue
		}
		if err := k.hb.Send(m); err != nil && k.ctx.Err() == nil {
			k.log.Printf("heartbeat: %v", err)
		}
	}
}

func (k *Kernel) serveControl() {
	k.recv(k.control, func(m *message) {
		defer k.recoverRequest(m)
		switch m.Header.MsgType {
		case "kernel_info_request":
			k.reply(k.control, m, "kernel_info_reply", k.kernelInfo())
		case "interrupt_request":
			k.interrupt()
			k.reply(k.control, m, "interrupt_reply", map[string]any{"status": "ok"})
		case "shutdown_request":
			k.shutdown(k.control, m)
		default:
			k.log.Printf("control: ignored %s", m.Header.MsgType)
		}
	})
}

func (k *Kernel) recoverRequest(m *message) {
	if r := recover(); r != nil {
		k.log.Printf("internal error while handling %s: %v", m.Header.MsgType, r)
	}
}

// dispatchShell answers one shell request between busy and idle statuses.
func (k *Kernel) dispatchShell(q queued) {
	m := q.m
	k.publish(m, "status", map[string]any{"execution_state": "busy"})
	defer k.publish(m, "status", map[string]any{"execution_state": "idle"})
	defer func() {
		if r := recover(); r != nil {
			// Answer anyway, so that the client does not wait forever.
			k.log.Printf("internal error while handling %s: %v", m.Header.MsgType, r)
			if t, ok := strings.CutSuffix(m.Header.MsgType, "_request"); ok {
				msg := fmt.Sprint(r)
				k.reply(k.shell, m, t+"_reply", map[string]any{"status": "error", "ename": "InternalError",
					"evalue": msg, "traceback": []string{"nnbook kernel: internal error: " + msg}})
			}
		}
	}()
	switch m.Header.MsgType {
	case "execute_request":
		k.execute(q)
	case "kernel_info_request":
		k.reply(k.shell, m, "kernel_info_reply", k.kernelInfo())
	case "complete_request":
		k.complete(m)
	case "inspect_request":
		k.inspect(m)
	case "is_complete_request":
		k.isComplete(m)
	case "history_request":
		k.historyRequest(m)
	case "comm_info_request":
		k.reply(k.shell, m, "comm_info_reply", map[string]any{"status": "ok", "comms": map[string]any{}})
	case "comm_open":
		// No comm targets exist: close the comm right away, as the spec asks.
		var c struct {
			CommID string `json:"comm_id"`
		}
		json.Unmarshal(m.Content, &c)
		k.publish(m, "comm_close", map[string]any{"comm_id": c.CommID, "data": map[string]any{}})
	case "comm_msg", "comm_close":
		// ignored: there are no comms
	case "connect_request":
		c := k.conn
		k.reply(k.shell, m, "connect_reply", map[string]any{"status": "ok",
			"shell_port": c.ShellPort, "iopub_port": c.IOPubPort, "stdin_port": c.StdinPort,
			"hb_port": c.HBPort, "control_port": c.ControlPort})
	case "shutdown_request":
		k.shutdown(k.shell, m)
	default:
		k.log.Printf("shell: ignored unknown request %s", m.Header.MsgType)
	}
}

// reply sends a reply to req on socket e.
func (k *Kernel) reply(e *endpoint, req *message, typ string, content any) {
	frames, err := encode(req.Identities, newHeader(typ, k.session), req.rawHeader, nil, content, k.sig)
	if err != nil {
		k.log.Printf("%s: encode %s: %v", e.name, typ, err)
		return
	}
	if err := e.send(frames); err != nil && k.ctx.Err() == nil {
		k.log.Printf("%s: send %s: %v", e.name, typ, err)
	}
}

// publish broadcasts a message on iopub with parent as its parent header.
func (k *Kernel) publish(parent *message, typ string, content any) {
	var ph []byte
	if parent != nil {
		ph = parent.rawHeader
	}
	topic := []byte("kernel." + k.session + "." + typ)
	frames, err := encode([][]byte{topic}, newHeader(typ, k.session), ph, nil, content, k.sig)
	if err != nil {
		k.log.Printf("iopub: encode %s: %v", typ, err)
		return
	}
	if err := k.held.publish(frames); err != nil && k.ctx.Err() == nil {
		k.log.Printf("iopub: send %s: %v", typ, err)
	}
}

// interrupt cancels the running cell and reports whether one was running.
func (k *Kernel) interrupt() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.running != nil {
		k.running()
		return true
	}
	return false
}

// shutdown answers a shutdown_request and stops the kernel. With restart set
// the kernel still exits: the kernel manager starts a fresh process, as the
// messaging spec describes.
func (k *Kernel) shutdown(e *endpoint, m *message) {
	var req struct {
		Restart bool `json:"restart"`
	}
	json.Unmarshal(m.Content, &req)
	content := map[string]any{"status": "ok", "restart": req.Restart}
	k.interrupt()
	k.reply(e, m, "shutdown_reply", content)
	k.publish(m, "shutdown_reply", content)
	k.log.Printf("shutdown requested (restart=%v)", req.Restart)
	time.Sleep(30 * time.Millisecond) // let iopub flush
	k.once.Do(func() { close(k.done) })
}

// Done is closed when the kernel has been asked to shut down.
func (k *Kernel) Done() <-chan struct{} { return k.done }

func (k *Kernel) kernelInfo() map[string]any {
	return map[string]any{
		"status":                 "ok",
		"protocol_version":       protocolVersion,
		"implementation":         "nnbook",
		"implementation_version": kernel.Version,
		"language_info":          kernel.LanguageInfo(),
		"banner": "nnbook " + kernel.Version + ": Go (" + runtime.Version() + ", interpreted by yaegi) with nnlib preloaded.\n" +
			"Type :help for the kernel's commands, :doc NAME for documentation.",
		"help_links": []map[string]string{
			{"text": "nnbook", "url": "https://github.com/nnbook/nnbook"},
			{"text": "nnlib reference", "url": "https://pkg.go.dev/github.com/nnbook/nnbook/nnlib"},
			{"text": "Go documentation", "url": "https://go.dev/doc/"},
		},
		"debugger": false,
	}
}

// abortGrace is how long after a failed cell (with stop_on_error) requests
// still arriving count as queued and are aborted.
const abortGrace = 5 * time.Millisecond

// executeRequest is the content of an execute_request; missing fields take
// the protocol's defaults.
type executeRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      bool              `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

func (k *Kernel) execute(q queued) {
	m := q.m
	if err := checkExecuteRequest(m.Content); err != nil {
		k.log.Print(err)
		k.mu.Lock()
		count := k.count
		k.mu.Unlock()
		k.reply(k.shell, m, "execute_reply", map[string]any{"status": "error", "execution_count": count,
			"ename": "InvalidRequest", "evalue": err.Error(), "traceback": []string{err.Error()}})
		return
	}
	var req executeRequest
	json.Unmarshal(m.Content, &req) // checked above
	store := !req.Silent && (req.StoreHistory == nil || *req.StoreHistory)
	stopOnError := req.StopOnError == nil || *req.StopOnError

	k.mu.Lock()
	abort := q.at.Before(k.abortBefore)
	if !abort && store {
		k.count++
	}
	count := k.count
	k.mu.Unlock()
	if abort {
		k.reply(k.shell, m, "execute_reply", map[string]any{"status": "aborted", "execution_count": count})
		return
	}
	if !req.Silent {
		k.publish(m, "execute_input", map[string]any{"code": req.Code, "execution_count": count})
	}

	ctx, cancel := context.WithCancel(k.ctx)
	k.mu.Lock()
	k.running = cancel
	k.mu.Unlock()

	var output string // text/plain of the result, for history
	var payload []map[string]any
	out := &cellOutput{k: k, m: m, silent: req.Silent}
	emit := func(p kernel.Part) {
		if p.Kind == kernel.Value {
			output = p.Text
		}
		switch p.Kind {
		case kernel.Stdout, kernel.Stderr:
			out.stream(p.Kind.String(), p.Text)
		case kernel.Value:
			out.publish("execute_result", map[string]any{"execution_count": count, "data": mimeBundle(p), "metadata": map[string]any{}})
		case kernel.Display, kernel.UpdateDisplay:
			typ, transient := "display_data", map[string]any{}
			if p.DisplayID != "" {
				transient["display_id"] = p.DisplayID
				if p.Kind == kernel.UpdateDisplay {
					typ = "update_display_data"
				}
			}
			out.publish(typ, map[string]any{"data": mimeBundle(p), "metadata": map[string]any{}, "transient": transient})
		case kernel.ClearOutput:
			out.publish("clear_output", map[string]any{"wait": p.Wait})
		}
	}
	code, err := k.runMeta(m, req.Code, out, emit, &payload)
	if err == nil && strings.TrimSpace(code) != "" {
		err = k.runEngine(kernel.WithInput(ctx, k.asker(ctx, m, req.AllowStdin, out)), code, emit)
	}
	out.flush()
	if err == nil && ctx.Err() != nil {
		// The cell stopped early because it was interrupted (a Fit returns
		// normally when its context ends): report it as interrupted, so
		// front ends and stop_on_error treat it as ipykernel's
		// KeyboardInterrupt.
		err = &kernel.CellError{Name: kernel.KindInterrupted, Value: "the cell was interrupted", Traceback: []string{"Interrupted: the cell was interrupted"}}
	}
	var abortFrom time.Time
	if err != nil && stopOnError {
		// Abort the execute requests already queued, and those still on
		// their way (ipykernel flushes its socket for the same reason).
		time.Sleep(abortGrace)
		abortFrom = time.Now()
	}
	k.mu.Lock()
	k.running = nil
	if store {
		k.history = append(k.history, histEntry{line: count, input: req.Code, output: output})
	}
	if !abortFrom.IsZero() {
		k.abortBefore = abortFrom
	}
	k.mu.Unlock()
	cancel()

	if err != nil {
		ename, evalue, tb := errorFields(err)
		if !req.Silent {
			k.publish(m, "error", map[string]any{"ename": ename, "evalue": evalue, "traceback": tb})
		}
		k.reply(k.shell, m, "execute_reply", map[string]any{"status": "error", "execution_count": count,
			"ename": ename, "evalue": evalue, "traceback": tb})
		return
	}
	if payload == nil {
		payload = []map[string]any{}
	}
	k.reply(k.shell, m, "execute_reply", map[string]any{"status": "ok", "execution_count": count,
		"payload": payload, "user_expressions": k.userExpressions(req.UserExpressions)})
}

// userExpressions evaluates the user_expressions of a successful
// execute_request, each like a cell whose value is returned instead of shown.
func (k *Kernel) userExpressions(exprs map[string]string) map[string]any {
	out := make(map[string]any, len(exprs))
	for name, expr := range exprs {
		ctx, cancel := context.WithTimeout(k.ctx, 10*time.Second)
		var value *kernel.Part
		err := k.runEngine(ctx, expr, func(p kernel.Part) {
			if p.Kind == kernel.Value {
				value = &p
			}
		})
		cancel()
		if err != nil {
			ename, evalue, tb := errorFields(err)
			out[name] = map[string]any{"status": "error", "ename": ename, "evalue": evalue, "traceback": tb}
			continue
		}
		data := map[string]any{"text/plain": ""}
		if value != nil {
			data = mimeBundle(*value)
		}
		out[name] = map[string]any{"status": "ok", "data": data, "metadata": map[string]any{}}
	}
	return out
}

// Stream text is batched: consecutive stdout (or stderr) parts of a cell go
// out as one stream message once streamDelay has passed since the first of
// them, or streamBatch bytes have gathered, or other output or the end of
// the cell comes. A loop printing thousands of lines then sends a few
// messages, not thousands, and output still shows while a cell runs.
const (
	streamDelay = 50 * time.Millisecond
	streamBatch = 64 << 10
)

// cellOutput publishes one cell's output on iopub, in order.
type cellOutput struct {
	k      *Kernel
	m      *message
	silent bool // publish nothing (the request's silent flag)

	mu    sync.Mutex
	name  string // stream of the buffered text
	buf   []byte
	timer *time.Timer
}

// stream buffers text written to the named stream.
func (o *cellOutput) stream(name, text string) {
	if o.silent || text == "" {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.name != name {
		o.flushLocked()
		o.name = name
	}
	o.buf = append(o.buf, text...)
	if len(o.buf) >= streamBatch {
		o.flushLocked()
		return
	}
	if o.timer == nil {
		o.timer = time.AfterFunc(streamDelay, o.flush)
	}
}

// publish sends a non-stream message after the buffered text.
func (o *cellOutput) publish(typ string, content any) {
	if o.silent {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
	o.k.publish(o.m, typ, content)
}

// flush sends the buffered text now.
func (o *cellOutput) flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
}

func (o *cellOutput) flushLocked() {
	if o.timer != nil {
		o.timer.Stop()
		o.timer = nil
	}
	if len(o.buf) == 0 {
		return
	}
	o.k.publish(o.m, "stream", map[string]any{"name": o.name, "text": validUTF8(string(o.buf))})
	o.buf = o.buf[:0]
}

// runEngine runs code, turning an engine panic into an error.
func (k *Kernel) runEngine(ctx context.Context, code string, emit func(kernel.Part)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &kernel.CellError{Name: "InternalError", Value: fmt.Sprint(r)}
		}
	}()
	return k.eng.Execute(ctx, code, emit)
}

// errorFields returns ename, evalue and traceback for an execute error.
func errorFields(err error) (string, string, []string) {
	var ce *kernel.CellError
	if errors.As(err, &ce) {
		name := ce.Name
		if name == "" {
			name = "Error"
		}
		tb := ce.Traceback
		if len(tb) == 0 {
			tb = []string{ce.Error()}
		}
		return name, validUTF8(ce.Value), validStrings(tb)
	}
	return "Error", validUTF8(err.Error()), []string{validUTF8(err.Error())}
}

// mimeBundle turns a Part's data into a Jupyter MIME bundle: images as
// base64, JSON types as JSON, everything else as text; text/plain always.
func mimeBundle(p kernel.Part) map[string]any {
	d := make(map[string]any, len(p.Data)+1)
	for mime, v := range p.Data {
		switch {
		case strings.HasPrefix(mime, "image/") && mime != "image/svg+xml":
			d[mime] = base64.StdEncoding.EncodeToString(v)
		case strings.HasSuffix(mime, "json") && json.Valid(v):
			d[mime] = json.RawMessage(v)
		default:
			d[mime] = validUTF8(string(v))
		}
	}
	if _, ok := d["text/plain"]; !ok {
		d["text/plain"] = validUTF8(p.Text)
	}
	return d
}

func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func validStrings(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = validUTF8(s)
	}
	return out
}

// cursorOf returns the content's cursor_pos, clamped to the code (runes);
// a missing cursor means the end of the code.
func cursorOf(code string, pos *int) int {
	n := utf8.RuneCountInString(code)
	if pos == nil || *pos > n {
		return n
	}
	if *pos < 0 {
		return 0
	}
	return *pos
}

func (k *Kernel) complete(m *message) {
	var req struct {
		Code      string `json:"code"`
		CursorPos *int   `json:"cursor_pos"`
	}
	json.Unmarshal(m.Content, &req)
	cur := cursorOf(req.Code, req.CursorPos)
	matches, start, end := k.eng.Complete(req.Code, cur)
	if matches == nil {
		matches = []string{}
		start, end = cur, cur
	}
	k.reply(k.shell, m, "complete_reply", map[string]any{"status": "ok", "matches": matches,
		"cursor_start": start, "cursor_end": end, "metadata": map[string]any{}})
}

func (k *Kernel) inspect(m *message) {
	var req struct {
		Code        string `json:"code"`
		CursorPos   *int   `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	json.Unmarshal(m.Content, &req)
	text, found := k.eng.Inspect(req.Code, cursorOf(req.Code, req.CursorPos))
	data := map[string]any{}
	if found {
		data["text/plain"] = validUTF8(text)
	}
	k.reply(k.shell, m, "inspect_reply", map[string]any{"status": "ok", "found": found, "data": data, "metadata": map[string]any{}})
}

func (k *Kernel) isComplete(m *message) {
	var req struct {
		Code string `json:"code"`
	}
	json.Unmarshal(m.Content, &req)
	status, indent := "complete", ""
	if body := stripMeta(req.Code); strings.TrimSpace(body) != "" {
		status, indent = k.eng.IsComplete(body)
	}
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	k.reply(k.shell, m, "is_complete_reply", content)
}
