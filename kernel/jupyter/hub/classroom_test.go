package hub

// The classroom load test: N learners at once, each with their own server
// started through the hub, running the tutorial-like session of
// testdata/session.go.txt in the nnbook kernel, or the same work in Python
// (testdata/session.py.txt) in ipykernel for comparison.

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// kernelKind is a kernelspec and the session its learners run.
type kernelKind struct {
	spec    string // kernelspec name
	session string // testdata file, cells separated by marker lines
	marker  string // the line that starts a cell
}

var (
	nnbookKind = kernelKind{"nnbook", "testdata/session.go.txt", "// %%"}
	pythonKind = kernelKind{"python3", "testdata/session.py.txt", "# %%"}
)

// cells reads the kind's session: the text after each marker line is one
// cell (what comes before the first marker is a comment on the file).
func (k kernelKind) cells() ([]string, error) {
	b, err := os.ReadFile(k.session)
	if err != nil {
		return nil, err
	}
	parts := strings.Split("\n"+string(b), "\n"+k.marker+"\n")
	var cells []string
	for _, p := range parts[1:] {
		cells = append(cells, strings.TrimSpace(p))
	}
	if len(cells) != 5 {
		return nil, fmt.Errorf("%s: want 5 cells (example, hand computation, trace, fit, loss plot), found %d", k.session, len(cells))
	}
	return cells, nil
}

// Cells of the session whose outputs are checked.
const (
	fitCell  = 3 // shows a live figure: a display_data with a display id and a PNG
	lossCell = 4 // its result is the loss plot, a PNG
)

// burst is how many executes each learner sends at once at the end of its
// session, to check that replies come back in order.
const burst = 10

// learnerReport is what one learner measured.
type learnerReport struct {
	serverStart time.Duration
	latencies   []time.Duration // per cell, in session order
	failures    []string
	kernelPeak  int64 // VmHWM of the kernel, bytes
	kernelPSS   int64 // its proportional set size at the end, bytes
	serverPeak  int64 // VmHWM of the single-user server, bytes
	serverPSS   int64
}

// runLearner is one learner's whole session: server, kernel, cells, burst.
func runLearner(ctx context.Context, h *hub, name string, kind kernelKind, cells []string) (rep learnerReport) {
	fail := func(format string, args ...any) {
		rep.failures = append(rep.failures, name+": "+fmt.Sprintf(format, args...))
	}
	l, err := h.addLearner(ctx, name)
	if err != nil {
		fail("%v", err)
		return rep
	}
	rep.serverStart = l.serverStart
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := l.stopServer(sctx); err != nil {
			fail("stopping the server: %v", err)
		}
	}()
	k, err := l.startKernel(ctx, kind.spec)
	if err != nil {
		fail("%v", err)
		return rep
	}
	defer k.close()
	for i, code := range cells {
		r, lat, err := k.execute(ctx, code)
		if err != nil {
			fail("cell %d: %v", i+1, err)
			return rep
		}
		rep.latencies = append(rep.latencies, lat)
		if e := replyError(r); e != "" {
			fail("cell %d: %s", i+1, e)
		}
		switch i {
		case fitCell:
			if !hasPNG(r, "display_data", true) {
				fail("cell %d (fit): no live figure (display_data with a display id and image/png) among %s", i+1, kinds(r))
			}
		case lossCell:
			if !hasPNG(r, "execute_result", false) && !hasPNG(r, "display_data", false) {
				fail("cell %d (loss plot): no image/png among %s", i+1, kinds(r))
			}
		}
	}
	rep.failures = append(rep.failures, checkBurst(ctx, k, name)...)
	var err1, err2 error
	rep.kernelPeak, rep.kernelPSS, err1 = memory(k.pid)
	rep.serverPeak, rep.serverPSS, err2 = memory(l.serverPID)
	if err1 != nil || err2 != nil {
		fail("memory: kernel: %v, server: %v", err1, err2)
	}
	return rep
}

// checkBurst sends burst executes without waiting and checks that every one
// gets its reply, in the order sent, with consecutive execution counts.
func checkBurst(ctx context.Context, k *kernelConn, name string) []string {
	var ids []string
	var reqs []*request
	for i := range burst {
		id, r, err := k.send("execute_request", executeContent(strconv.Itoa(i)+" * 2"))
		if err != nil {
			return []string{fmt.Sprintf("%s: burst execute %d: %v", name, i, err)}
		}
		ids, reqs = append(ids, id), append(reqs, r)
	}
	var fails []string
	counts := make([]float64, burst)
	for i, r := range reqs {
		if _, err := k.wait(ctx, ids[i], r); err != nil {
			fails = append(fails, fmt.Sprintf("%s: burst execute %d: %v", name, i, err))
			continue
		}
		if e := replyError(r); e != "" {
			fails = append(fails, fmt.Sprintf("%s: burst execute %d: %s", name, i, e))
		}
		counts[i], _ = r.reply.Content["execution_count"].(float64)
	}
	k.mu.Lock()
	got := k.replies[len(k.replies)-min(burst, len(k.replies)):]
	k.mu.Unlock()
	if !slices.Equal(got, ids) {
		fails = append(fails, fmt.Sprintf("%s: burst replies out of order: sent %v, replies for %v", name, ids, got))
	}
	for i := 1; i < burst; i++ {
		if counts[i] != counts[i-1]+1 {
			fails = append(fails, fmt.Sprintf("%s: burst execution counts not consecutive: %v", name, counts))
			break
		}
	}
	return fails
}

// hasPNG reports whether r has an output of msgType with an image/png,
// with a display id when withID.
func hasPNG(r *request, msgType string, withID bool) bool {
	for _, m := range r.outputs {
		if m.Header.MsgType != msgType {
			continue
		}
		data, _ := m.Content["data"].(map[string]any)
		if png, _ := data["image/png"].(string); png == "" {
			continue
		}
		transient, _ := m.Content["transient"].(map[string]any)
		if id, _ := transient["display_id"].(string); withID && id == "" {
			continue
		}
		return true
	}
	return false
}

// kinds lists the message types of r's outputs.
func kinds(r *request) string {
	var ks []string
	for _, m := range r.outputs {
		ks = append(ks, m.Header.MsgType)
	}
	return "[" + strings.Join(ks, " ") + "]"
}

// classroomReport is what a classroom of n learners measured.
type classroomReport struct {
	kind                   kernelKind
	n                      int
	serverStart            []time.Duration
	latencies              []time.Duration
	perCell                [][]time.Duration // latencies by cell
	failures               []string
	cells, cellsOK         int
	kernelPeak, serverPeak []int64
	kernelPSS, serverPSS   []int64
	loadBefore, loadAfter  string
}

// classroom runs n learners at once and gathers their reports.
func classroom(ctx context.Context, h *hub, kind kernelKind, n int) classroomReport {
	rep := classroomReport{kind: kind, n: n, loadBefore: loadavg()}
	cells, err := kind.cells()
	if err != nil {
		rep.failures = append(rep.failures, err.Error())
		return rep
	}
	rep.perCell = make([][]time.Duration, len(cells))
	reps := make([]learnerReport, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			reps[i] = runLearner(ctx, h, fmt.Sprintf("%s-%d-%d", kind.spec, n, i+1), kind, cells)
		})
	}
	wg.Wait()
	rep.loadAfter = loadavg()
	for _, r := range reps {
		rep.cells += len(cells)
		rep.cellsOK += len(r.latencies)
		rep.latencies = append(rep.latencies, r.latencies...)
		for i, d := range r.latencies {
			rep.perCell[i] = append(rep.perCell[i], d)
		}
		rep.failures = append(rep.failures, r.failures...)
		if r.serverStart > 0 {
			rep.serverStart = append(rep.serverStart, r.serverStart)
		}
		if r.kernelPeak > 0 {
			rep.kernelPeak = append(rep.kernelPeak, r.kernelPeak)
			rep.serverPeak = append(rep.serverPeak, r.serverPeak)
			rep.kernelPSS = append(rep.kernelPSS, r.kernelPSS)
			rep.serverPSS = append(rep.serverPSS, r.serverPSS)
		}
	}
	return rep
}

// quantile returns the q-quantile of ds (nearest rank), 0 for none.
func quantile[T int64 | time.Duration](ds []T, q float64) T {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(q*float64(len(s))+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
func mib(b int64) float64        { return float64(b) / (1 << 20) }

// String is the report as one row of the README's table.
func (r classroomReport) String() string {
	return fmt.Sprintf("| %s | %d | %.1f s / %.1f s | %.0f / %.0f / %.0f ms | %d/%d | %d | %.1f / %.1f MiB | %.1f / %.1f MiB | %s → %s |",
		r.kind.spec, r.n, quantile(r.serverStart, 0.5).Seconds(), quantile(r.serverStart, 1).Seconds(),
		ms(quantile(r.latencies, 0.5)), ms(quantile(r.latencies, 0.95)), ms(quantile(r.latencies, 1)),
		r.cellsOK, r.cells, len(r.failures),
		mib(quantile(r.kernelPeak, 0.5)), mib(quantile(r.kernelPSS, 0.5)),
		mib(quantile(r.serverPeak, 0.5)), mib(quantile(r.serverPSS, 0.5)),
		r.loadBefore, r.loadAfter)
}

const tableHeader = "| kernel | N | server start p50 / max | cell latency p50 / p95 / max | cells ok | failures | kernel per learner: peak RSS / PSS | single-user server: peak RSS / PSS | load average before → after |\n|---|---|---|---|---|---|---|---|---|"

// cellMedians lists the median latency of each cell of the session.
func (r classroomReport) cellMedians() string {
	var s []string
	for i, ds := range r.perCell {
		s = append(s, fmt.Sprintf("cell %d %.0f ms", i+1, ms(quantile(ds, 0.5))))
	}
	return r.kind.spec + " N=" + strconv.Itoa(r.n) + ": " + strings.Join(s, ", ")
}

// loadavg returns the 1-minute load average, from /proc/loadavg.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

// learners returns the classroom sizes from NNBOOK_HUB_LEARNERS ("2", or
// "1,20"), else def.
func learners(tb testing.TB, def []int) []int {
	v := os.Getenv("NNBOOK_HUB_LEARNERS")
	if v == "" {
		return def
	}
	var ns []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 200 {
			tb.Fatalf("NNBOOK_HUB_LEARNERS: want sizes 1..200 separated by commas, got %q", v)
		}
		ns = append(ns, n)
	}
	return ns
}

// TestClassroom runs a small classroom (2 learners unless
// NNBOOK_HUB_LEARNERS says otherwise) for each kernel: every cell of every
// session must succeed, show its figures, and the burst's replies must come
// back in order.
func TestClassroom(t *testing.T) {
	h := startHub(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var rows []string
	for _, n := range learners(t, []int{2}) {
		for _, kind := range []kernelKind{nnbookKind, pythonKind} {
			rep := classroom(ctx, h, kind, n)
			for _, f := range rep.failures {
				t.Error(f)
			}
			if rep.cellsOK != rep.cells {
				t.Errorf("%s, %d learners: %d of %d cells answered", kind.spec, n, rep.cellsOK, rep.cells)
			}
			rows = append(rows, rep.String())
			t.Log(rep.cellMedians())
		}
	}
	t.Logf("%d cores\n%s\n%s", runtime.NumCPU(), tableHeader, strings.Join(rows, "\n"))
	if t.Failed() {
		t.Logf("hub log:\n%s", h.logTail())
	}
}

// BenchmarkClassroom runs classrooms of 1 and 20 learners (or the sizes in
// NNBOOK_HUB_LEARNERS) for each kernel on one hub, and reports per size the
// cell latency, failures and memory per learner. Run it once:
//
//	go test -run '^$' -bench Classroom -benchtime 1x ./kernel/jupyter/hub/
func BenchmarkClassroom(b *testing.B) {
	h := startHub(b)
	sizes := learners(b, []int{1, 20})
	p95at1 := map[string]time.Duration{}
	var rows []string
	for _, n := range sizes {
		for _, kind := range []kernelKind{nnbookKind, pythonKind} {
			b.Run(fmt.Sprintf("%s/N=%d", kind.spec, n), func(b *testing.B) {
				var rep classroomReport
				for range b.N {
					ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
					rep = classroom(ctx, h, kind, n)
					cancel()
				}
				for _, f := range rep.failures {
					b.Error(f)
				}
				p95 := quantile(rep.latencies, 0.95)
				if n == 1 {
					p95at1[kind.spec] = p95
				}
				b.ReportMetric(ms(quantile(rep.latencies, 0.5)), "p50-ms")
				b.ReportMetric(ms(p95), "p95-ms")
				b.ReportMetric(ms(quantile(rep.latencies, 1)), "max-ms")
				b.ReportMetric(float64(len(rep.failures)), "failures")
				b.ReportMetric(mib(quantile(rep.kernelPeak, 0.5)), "kernel-MiB")
				b.ReportMetric(mib(quantile(rep.serverPeak, 0.5)), "server-MiB")
				b.ReportMetric(mib(quantile(rep.kernelPSS, 0.5)), "kernel-PSS-MiB")
				b.ReportMetric(quantile(rep.serverStart, 0.5).Seconds(), "start-s")
				if base := p95at1[kind.spec]; base > 0 && n > 1 {
					// The goal: p95 at N ≤ 1.5 × (N / cores) × p95 at N = 1.
					bound := 1.5 * float64(n) / float64(runtime.NumCPU())
					b.ReportMetric(float64(p95)/float64(base), "p95/p95(N=1)")
					b.ReportMetric(bound, "goal-ratio")
				}
				rows = append(rows, rep.String())
				b.Log(rep.cellMedians())
				b.ReportMetric(0, "ns/op")
			})
		}
	}
	b.Logf("%d cores\n%s\n%s", runtime.NumCPU(), tableHeader, strings.Join(rows, "\n"))
	if b.Failed() {
		b.Logf("hub log:\n%s", h.logTail())
	}
}
