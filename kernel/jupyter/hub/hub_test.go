package hub

// A real JupyterHub for the tests: Debian's jupyterhub 3.0 started with
// jupyterhub_config.py in test mode, on 127.0.0.1 ports chosen free, with
// the nnbook kernelspec of a freshly built binary on JUPYTER_PATH.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nnbook/nnbook/internal/jupytertest"
)

const installHint = "install Debian's jupyterhub (it brings configurable-http-proxy and python3-notebook) and python3-ipykernel (see .ci/run), or set NNBOOK_REQUIRE_JUPYTER=1 to make this a failure"

// requireHub skips (or, with NNBOOK_REQUIRE_JUPYTER=1, fails) the test when
// JupyterHub, its proxy or the notebook server is missing.
func requireHub(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("-short: skipping the tests that start a JupyterHub")
	}
	var missing []string
	for _, prog := range []string{"jupyterhub", "jupyterhub-singleuser", "configurable-http-proxy"} {
		if _, err := exec.LookPath(prog); err != nil {
			missing = append(missing, prog)
		}
	}
	if err := exec.Command(jupytertest.Python, "-c", "import jupyterhub, notebook, ipykernel").Run(); err != nil {
		missing = append(missing, jupytertest.Python+" modules jupyterhub, notebook, ipykernel")
	}
	if len(missing) == 0 {
		return
	}
	jupytertest.Missing(tb, fmt.Sprintf("missing %s: %s", strings.Join(missing, ", "), installHint))
}

// nnbookBinary builds cmd/nnbook into a temporary directory of tb.
func nnbookBinary(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "nnbook")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/nnbook/nnbook/cmd/nnbook")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build cmd/nnbook: %v\n%s", err, out)
	}
	return bin
}

// hub is a running JupyterHub and what it started.
type hub struct {
	url   string // the proxy's public URL, http://127.0.0.1:PORT
	token string // the "classroom" service's API token
	log   string // the hub's log file
	cmd   *exec.Cmd
	exit  chan struct{} // closed when the hub's process has exited
	httpc *http.Client

	mu    sync.Mutex
	procs map[int]string // started servers and kernels: pid → what its command line contains
}

// freePorts returns n distinct free TCP ports on 127.0.0.1.
func freePorts(tb testing.TB, n int) []int {
	tb.Helper()
	var ports []int
	var ls []net.Listener
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// startHub starts a JupyterHub in test mode and stops it (with every
// learner's server and kernel) when the test ends.
func startHub(tb testing.TB) *hub {
	return startHubMode(tb, "1")
}

// startHubMode starts a JupyterHub with NNBOOK_HUB_TEST=testMode ("1" for
// the test set-up, "" for the one-machine set-up with PAM logins).
func startHubMode(tb testing.TB, testMode string) *hub {
	tb.Helper()
	requireHub(tb)
	bin := nnbookBinary(tb)
	dir := tb.TempDir()
	prefix := filepath.Join(dir, "prefix")
	if out, err := exec.Command(bin, "kernel", "install", "--prefix", prefix).CombinedOutput(); err != nil {
		tb.Fatalf("nnbook kernel install --prefix: %v\n%s", err, out)
	}
	data, homes := filepath.Join(dir, "data"), filepath.Join(dir, "homes")
	for _, d := range []string{data, homes} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	config, err := filepath.Abs("jupyterhub_config.py")
	if err != nil {
		tb.Fatal(err)
	}
	ports := freePorts(tb, 3)
	key := make([]byte, 32)
	rand.Read(key)
	h := &hub{
		url:   fmt.Sprintf("http://127.0.0.1:%d", ports[0]),
		token: hex.EncodeToString(key),
		log:   filepath.Join(dir, "jupyterhub.log"),
		exit:  make(chan struct{}),
		httpc: &http.Client{Timeout: 5 * time.Minute},
		procs: map[int]string{},
	}
	hubExe, _ := exec.LookPath("jupyterhub")
	h.cmd = exec.Command(hubExe, "-f", config)
	h.cmd.Dir = data
	h.cmd.Env = append(os.Environ(),
		"PATH="+filepath.Dir(hubExe)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"NNBOOK_HUB_TEST="+testMode,
		"NNBOOK_HUB_DATA="+data,
		"NNBOOK_HUB_HOMES="+homes,
		"NNBOOK_HUB_TOKEN="+h.token,
		"NNBOOK_HUB_PORT="+strconv.Itoa(ports[0]),
		"NNBOOK_HUB_API_PORT="+strconv.Itoa(ports[1]),
		"NNBOOK_HUB_PROXY_API_PORT="+strconv.Itoa(ports[2]),
		"JUPYTER_PATH="+filepath.Join(prefix, "share", "jupyter"),
		"PYTHONDONTWRITEBYTECODE=1",
	)
	h.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	logf, err := os.Create(h.log)
	if err != nil {
		tb.Fatal(err)
	}
	pr, pw := io.Pipe()
	h.cmd.Stdout, h.cmd.Stderr = pw, pw
	if err := h.cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	running := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(pr)
		sc.Buffer(nil, 1<<20)
		once := sync.Once{}
		for sc.Scan() {
			fmt.Fprintln(logf, sc.Text())
			if strings.Contains(sc.Text(), "JupyterHub is now running at") {
				once.Do(func() { close(running) })
			}
		}
		io.Copy(io.Discard, pr)
		logf.Close()
	}()
	go func() {
		h.cmd.Wait()
		pw.Close()
		close(h.exit)
	}()
	tb.Cleanup(h.stop)
	select {
	case <-running:
	case <-h.exit:
		tb.Fatalf("jupyterhub exited before it was running:\n%s", h.logTail())
	case <-time.After(2 * time.Minute):
		tb.Fatalf("jupyterhub not running after 2 minutes:\n%s", h.logTail())
	}
	return h
}

// logTail returns the last lines of the hub's log.
func (h *hub) logTail() string {
	b, _ := os.ReadFile(h.log)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > 40 {
		lines = lines[len(lines)-40:]
	}
	return strings.Join(lines, "\n")
}

// track records a process the hub started, to be killed if the hub's own
// clean-up leaves it behind.
func (h *hub) track(pid int, cmdline string) {
	h.mu.Lock()
	h.procs[pid] = cmdline
	h.mu.Unlock()
}

// stop ends the hub with SIGTERM (it stops every server, which shuts down
// its kernels), then kills whatever is left.
func (h *hub) stop() {
	h.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-h.exit:
	case <-time.After(90 * time.Second):
	}
	syscall.Kill(-h.cmd.Process.Pid, syscall.SIGKILL) // the proxy is in the hub's group
	<-h.exit
	h.mu.Lock()
	defer h.mu.Unlock()
	for pid, want := range h.procs {
		if strings.Contains(cmdline(pid), want) {
			syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

// cmdline returns a process's command line with spaces between arguments
// ("" once it has gone).
func cmdline(pid int) string {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	return string(bytes.ReplaceAll(b, []byte{0}, []byte{' '}))
}

// apiError is a REST call answered with an unexpected status.
type apiError struct {
	method, path string
	status       int
	body         string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("%s %s: HTTP %d: %s", e.method, e.path, e.status, strings.TrimSpace(e.body))
}

// call makes a REST call to path (below h.url) with the service token,
// sending body as JSON when not nil and decoding the answer into out when
// not nil. Statuses other than 2xx are errors.
func (h *hub) call(ctx context.Context, method, path string, body, out any) (int, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, h.url+path, rd)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "token "+h.token)
	resp, err := h.httpc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode/100 != 2 {
		return resp.StatusCode, &apiError{method, path, resp.StatusCode, string(b)}
	}
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			return resp.StatusCode, fmt.Errorf("%s %s: %v in %.200q", method, path, err, b)
		}
	}
	return resp.StatusCode, nil
}
