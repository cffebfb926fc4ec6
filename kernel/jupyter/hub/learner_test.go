package hub

// A simulated learner: a hub user whose single-user server is started
// through the hub's REST API, and a kernel client that speaks the notebook
// server's kernels API and websocket (/api/kernels/ID/channels, JSON
// messages), as the browser does.

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// learner is one hub user with a running single-user server.
type learner struct {
	h           *hub
	name        string
	serverPID   int
	serverStart time.Duration // from the start request to the server being ready
}

// addLearner creates the user and starts their server, waiting for the
// hub's progress stream to say it is ready.
func (h *hub) addLearner(ctx context.Context, name string) (*learner, error) {
	if _, err := h.call(ctx, "POST", "/hub/api/users/"+name, nil, nil); err != nil {
		return nil, err
	}
	t0 := time.Now()
	status, err := h.call(ctx, "POST", "/hub/api/users/"+name+"/server", nil, nil)
	if err != nil {
		return nil, err
	}
	if status == http.StatusAccepted {
		if err := h.waitReady(ctx, name); err != nil {
			return nil, err
		}
	}
	l := &learner{h: h, name: name, serverStart: time.Since(t0)}
	var u struct {
		Servers map[string]struct {
			Ready bool `json:"ready"`
			State struct {
				PID int `json:"pid"`
			} `json:"state"`
		} `json:"servers"`
	}
	if _, err := h.call(ctx, "GET", "/hub/api/users/"+name, nil, &u); err != nil {
		return nil, err
	}
	s, ok := u.Servers[""]
	if !ok || !s.Ready || s.State.PID == 0 {
		return nil, fmt.Errorf("learner %s: the hub reports no ready server with a pid: %+v", name, u.Servers)
	}
	l.serverPID = s.State.PID
	h.track(l.serverPID, "singleuser")
	return l, nil
}

// waitReady reads the hub's server-sent progress events for name's server
// until one says ready (or failed).
func (h *hub) waitReady(ctx context.Context, name string) error {
	path := "/hub/api/users/" + name + "/server/progress"
	req, err := http.NewRequestWithContext(ctx, "GET", h.url+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "token "+h.token)
	resp, err := h.httpc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return &apiError{"GET", path, resp.StatusCode, ""}
	}
	sc := bufio.NewScanner(resp.Body)
	var last string
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data:")
		if !ok {
			continue
		}
		var ev struct {
			Ready   bool   `json:"ready"`
			Failed  bool   `json:"failed"`
			Message string `json:"message"`
		}
		if json.Unmarshal([]byte(data), &ev) != nil {
			continue
		}
		last = ev.Message
		if ev.Failed {
			return fmt.Errorf("learner %s: server failed to start: %s", name, ev.Message)
		}
		if ev.Ready {
			return nil
		}
	}
	return fmt.Errorf("learner %s: progress stream ended before the server was ready (last: %q, %v)", name, last, sc.Err())
}

// stopServer stops the learner's server through the REST API and waits
// until the hub reports it stopped.
func (l *learner) stopServer(ctx context.Context) error {
	if _, err := l.h.call(ctx, "DELETE", "/hub/api/users/"+l.name+"/server", nil, nil); err != nil {
		return err
	}
	for {
		var u struct {
			Server  *string `json:"server"`
			Pending *string `json:"pending"`
		}
		if _, err := l.h.call(ctx, "GET", "/hub/api/users/"+l.name, nil, &u); err != nil {
			return err
		}
		if u.Server == nil && u.Pending == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("learner %s: server still running: %v", l.name, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// wsMsg is a Jupyter message as the notebook server's websocket carries it.
type wsMsg struct {
	Channel      string         `json:"channel"`
	Header       msgHeader      `json:"header"`
	ParentHeader msgHeader      `json:"parent_header"`
	Metadata     map[string]any `json:"metadata"`
	Content      map[string]any `json:"content"`
	Buffers      []any          `json:"buffers"`
}

type msgHeader struct {
	MsgID    string `json:"msg_id,omitempty"`
	MsgType  string `json:"msg_type,omitempty"`
	Session  string `json:"session,omitempty"`
	Username string `json:"username,omitempty"`
	Date     string `json:"date,omitempty"`
	Version  string `json:"version,omitempty"`
}

// errKernelRestarted is what a cell gets when its kernel died while it ran:
// the notebook server restarts the kernel and says "restarting", and the
// cell's reply will never come.
var errKernelRestarted = errors.New("the kernel died and was restarted; this cell's output and all variables are lost")

// request is one execute (or kernel_info) waiting for its reply and, for
// an execute, for the kernel to go idle after it.
type request struct {
	sent     time.Time
	needIdle bool
	reply    *wsMsg
	outputs  []*wsMsg
	output   chan struct{} // closed at the first output
	idle     bool
	done     chan struct{}
	err      error
}

// kernelConn is one kernel of a learner's server and its websocket.
type kernelConn struct {
	l       *learner
	id      string
	pid     int
	session string
	wmu     sync.Mutex // one writer at a time on ws

	mu           sync.Mutex
	pending      map[string]*request
	replies      []string // parent msg_ids of execute_replies, in arrival order
	serverStatus []string // iopub statuses without a parent (restarting, dead)
	ws           *websocket.Conn
	closed       chan struct{} // closed when ws's reader has stopped
	readErr      error
}

// startKernel starts a kernel of the given kernelspec on the learner's
// server, connects its websocket and waits for its kernel_info_reply.
func (l *learner) startKernel(ctx context.Context, spec string) (*kernelConn, error) {
	var k struct {
		ID string `json:"id"`
	}
	base := "/user/" + l.name + "/api/kernels"
	if _, err := l.h.call(ctx, "POST", base, map[string]string{"name": spec}, &k); err != nil {
		return nil, err
	}
	sid := make([]byte, 16)
	rand.Read(sid)
	c := &kernelConn{l: l, id: k.ID, session: hex.EncodeToString(sid), pending: map[string]*request{}}
	if err := c.connect(ctx); err != nil {
		return nil, err
	}
	var err error
	if c.pid, err = kernelPID(k.ID); err != nil {
		c.close()
		return nil, err
	}
	l.h.track(c.pid, k.ID)
	return c, nil
}

// connect opens the kernel's websocket and waits for its kernel_info_reply.
// After the server says "restarting" a client connects again (JupyterLab
// does): the server then nudges the new kernel until its iopub messages get
// through, which a cell sent over the old websocket may find still lost.
func (c *kernelConn) connect(ctx context.Context) error {
	url := "ws" + strings.TrimPrefix(c.l.h.url, "http") + "/user/" + c.l.name + "/api/kernels/" + c.id + "/channels?session_id=" + c.session
	hdr := http.Header{"Authorization": {"token " + c.l.h.token}}
	// The server answers the upgrade once the kernel is up: give a crowded
	// machine longer than gorilla's default 45 s.
	dialer := websocket.Dialer{HandshakeTimeout: 5 * time.Minute}
	ws, resp, err := dialer.DialContext(ctx, url, hdr)
	if err != nil {
		if resp != nil {
			err = fmt.Errorf("%v (HTTP %d)", err, resp.StatusCode)
		}
		return fmt.Errorf("learner %s: websocket of kernel %s: %v", c.l.name, c.id, err)
	}
	ws.SetReadLimit(64 << 20)
	closed := make(chan struct{})
	c.mu.Lock()
	c.ws, c.closed, c.readErr = ws, closed, nil
	c.mu.Unlock()
	go c.read(ws, closed)
	if err := c.nudge(ctx); err != nil {
		c.close()
		return fmt.Errorf("learner %s: kernel_info: %v", c.l.name, err)
	}
	return nil
}

// nudge sends kernel_info_requests until one's idle status arrives on
// iopub, as jupyter_server does for a new websocket: a ZMQ subscription
// takes a moment to reach the kernel (a new kernel after a restart above
// all), and what the kernel publishes before that is lost, so a cell sent
// too early would get its reply but never its idle status.
func (c *kernelConn) nudge(ctx context.Context) error {
	for {
		id, r, err := c.sendIdle("kernel_info_request", nil, true)
		if err != nil {
			return err
		}
		try, cancel := context.WithTimeout(ctx, time.Second)
		_, err = c.wait(try, id, r)
		cancel()
		if err == nil || ctx.Err() != nil || r.reply == nil {
			return err
		}
		// A reply without its idle status: iopub was not subscribed yet.
	}
}

// kernelPID finds the process whose command line names the kernel's
// connection file (kernel-ID.json).
func kernelPID(id string) (int, error) {
	dirs, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		if strings.Contains(cmdline(pid), "kernel-"+id+".json") {
			return pid, nil
		}
	}
	return 0, fmt.Errorf("no process runs kernel %s", id)
}

// read dispatches the messages of one websocket to the requests waiting
// for them, and closes closed when the websocket ends.
func (c *kernelConn) read(ws *websocket.Conn, closed chan struct{}) {
	defer close(closed)
	for {
		var m wsMsg
		err := ws.ReadJSON(&m)
		c.mu.Lock()
		if err != nil {
			c.readErr = err
			for id, r := range c.pending {
				c.finish(id, r, fmt.Errorf("websocket closed: %v", err))
			}
			c.mu.Unlock()
			return
		}
		parent := m.ParentHeader.MsgID
		r := c.pending[parent]
		switch {
		case m.Channel == "iopub" && m.Header.MsgType == "status" && parent == "":
			// The notebook server's own word on the kernel: "restarting"
			// after it died, "dead" if restarting failed.
			state, _ := m.Content["execution_state"].(string)
			c.serverStatus = append(c.serverStatus, state)
			if state == "restarting" || state == "dead" {
				for id, r := range c.pending {
					c.finish(id, r, errKernelRestarted)
				}
			}
		case r == nil:
		case m.Channel == "shell":
			r.reply = &m
			if m.Header.MsgType == "execute_reply" {
				c.replies = append(c.replies, parent)
			}
		case m.Channel == "iopub" && m.Header.MsgType == "status":
			r.idle = r.idle || m.Content["execution_state"] == "idle"
		case m.Channel == "iopub":
			if len(r.outputs) == 0 {
				close(r.output)
			}
			r.outputs = append(r.outputs, &m)
		}
		if r != nil && r.reply != nil && (r.idle || !r.needIdle) {
			c.finish(parent, r, nil)
		}
		c.mu.Unlock()
	}
}

// finish ends a request; c.mu is held.
func (c *kernelConn) finish(id string, r *request, err error) {
	r.err = err
	delete(c.pending, id)
	close(r.done)
}

// send sends a shell request and returns its msg_id and the request that
// collects its reply.
func (c *kernelConn) send(msgType string, content map[string]any) (string, *request, error) {
	return c.sendIdle(msgType, content, msgType == "execute_request")
}

// sendIdle is send, waiting for the request's idle status when needIdle.
func (c *kernelConn) sendIdle(msgType string, content map[string]any, needIdle bool) (string, *request, error) {
	id := make([]byte, 16)
	rand.Read(id)
	m := wsMsg{
		Channel: "shell",
		Header: msgHeader{MsgID: hex.EncodeToString(id), MsgType: msgType, Session: c.session,
			Username: c.l.name, Date: time.Now().UTC().Format(time.RFC3339Nano), Version: "5.3"},
		Metadata: map[string]any{},
		Content:  content,
		Buffers:  []any{},
	}
	if m.Content == nil {
		m.Content = map[string]any{}
	}
	r := &request{needIdle: needIdle, output: make(chan struct{}), done: make(chan struct{})}
	c.mu.Lock()
	if c.readErr != nil {
		c.mu.Unlock()
		return "", nil, fmt.Errorf("websocket closed: %v", c.readErr)
	}
	c.pending[m.Header.MsgID] = r
	ws := c.ws
	c.mu.Unlock()
	c.wmu.Lock()
	r.sent = time.Now()
	err := ws.WriteJSON(m)
	c.wmu.Unlock()
	if err != nil {
		c.mu.Lock()
		delete(c.pending, m.Header.MsgID)
		c.mu.Unlock()
		return "", nil, err
	}
	return m.Header.MsgID, r, nil
}

// wait waits for a request's reply and idle status.
func (c *kernelConn) wait(ctx context.Context, id string, r *request) (*request, error) {
	select {
	case <-r.done:
		return r, r.err
	case <-ctx.Done():
		c.mu.Lock()
		defer c.mu.Unlock()
		delete(c.pending, id)
		if r.reply != nil {
			return r, fmt.Errorf("a reply but no idle status (%d outputs): %v", len(r.outputs), ctx.Err())
		}
		return r, fmt.Errorf("no reply: %v", ctx.Err())
	}
}

// call sends a shell request and waits for it.
func (c *kernelConn) call(ctx context.Context, msgType string, content map[string]any) (*request, error) {
	id, r, err := c.send(msgType, content)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx, id, r)
}

// execute runs one cell and returns its request with reply and outputs,
// and the latency from sending to the kernel going idle.
func (c *kernelConn) execute(ctx context.Context, code string) (*request, time.Duration, error) {
	r, err := c.call(ctx, "execute_request", executeContent(code))
	if err != nil {
		return r, 0, err
	}
	return r, time.Since(r.sent), nil
}

func executeContent(code string) map[string]any {
	return map[string]any{"code": code, "silent": false, "store_history": true,
		"user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true}
}

// replyError describes an execute_reply that is not "ok" ("" when it is).
func replyError(r *request) string {
	if r == nil || r.reply == nil {
		return "no reply"
	}
	if st, _ := r.reply.Content["status"].(string); st != "ok" {
		return fmt.Sprintf("%s: %v: %v", st, r.reply.Content["ename"], r.reply.Content["evalue"])
	}
	return ""
}

// close closes the websocket and waits for its reader to stop.
func (c *kernelConn) close() {
	c.mu.Lock()
	ws, closed := c.ws, c.closed
	c.mu.Unlock()
	ws.Close()
	<-closed
}

// memory returns a process's peak resident set (VmHWM of
// /proc/PID/status) and its proportional set size (Pss of
// /proc/PID/smaps_rollup: each page shared with other processes, such as
// the nnbook binary's code shared by every learner's kernel, counted as its
// share), in bytes.
func memory(pid int) (peak, pss int64, err error) {
	dir := filepath.Join("/proc", strconv.Itoa(pid))
	if peak, err = procField(filepath.Join(dir, "status"), "VmHWM"); err != nil {
		return 0, 0, err
	}
	pss, err = procField(filepath.Join(dir, "smaps_rollup"), "Pss")
	return peak, pss, err
}

// procField returns the "KEY: N kB" line of a /proc file in bytes.
func procField(path, key string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || k != key {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %s: %v", path, line, err)
		}
		return kb << 10, nil
	}
	return 0, fmt.Errorf("%s: no %s line", path, key)
}
