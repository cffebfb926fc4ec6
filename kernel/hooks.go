package kernel

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/nnbook/nnbook/nnlib"
	"github.com/nnbook/nnbook/nnlib/plot"
)

// The engine links to nnlib directly (typed calls, checked by the
// compiler): nnlib.SetCellContext stops training when a cell is
// interrupted, nnlib.SetProgressHook reports every epoch, plot.Loss draws
// the live figure.

// progressThrottle is the least time between two live-figure updates.
const progressThrottle = 500 * time.Millisecond

// progress turns nnlib's per-epoch hook into Display / UpdateDisplay parts
// with the PNG of plot.Loss(h), at most ~2 per second per training run.
type progress struct {
	ctx     context.Context // the cell's: no drawing once it is interrupted
	mu      sync.Mutex
	cell    int
	ids     map[*nnlib.History]string // a training run's display id
	last    map[*nnlib.History]time.Time
	gap     time.Duration           // least time from the end of a draw to the next (liveGap)
	pending map[*nnlib.History]bool // histories with an update not yet drawn
	shown   map[string][]byte       // display id → the PNG it shows now
}

func newProgress(cell int) *progress {
	return &progress{cell: cell, ids: map[*nnlib.History]string{}, last: map[*nnlib.History]time.Time{}, gap: progressThrottle, pending: map[*nnlib.History]bool{}, shown: map[string][]byte{}}
}

// epoch is called by nnlib (compiled, in the cell's goroutine) after every epoch.
func (p *progress) epoch(h *nnlib.History) {
	if h == nil || p.ctx != nil && p.ctx.Err() != nil {
		return
	}
	p.mu.Lock()
	id, seen := p.ids[h]
	if seen && time.Since(p.last[h]) < p.gap {
		p.pending[h] = true
		p.mu.Unlock()
		return
	}
	kind := UpdateDisplay
	if !seen {
		id = fmt.Sprintf("nnbook-%d-%d", p.cell, len(p.ids)+1)
		p.ids[h] = id
		kind = Display
	}
	p.last[h] = time.Now()
	delete(p.pending, h)
	p.mu.Unlock()
	start := time.Now()
	p.draw(h, id, kind)
	// Throttle from the end of drawing, so slow rendering cannot eat the
	// training's time.
	p.mu.Lock()
	p.last[h] = time.Now()
	p.gap = liveGap(p.last[h].Sub(start))
	p.mu.Unlock()
}

// finish draws the last state of every run with a throttled update.
func (p *progress) finish() {
	if p == nil || p.ctx != nil && p.ctx.Err() != nil {
		return // interrupted: the reply waits for nothing but the stop
	}
	p.mu.Lock()
	pend := p.pending
	p.pending = map[*nnlib.History]bool{}
	ids := p.ids
	p.mu.Unlock()
	for h := range pend {
		p.draw(h, ids[h], UpdateDisplay)
	}
}

func (p *progress) draw(h *nnlib.History, id string, kind PartKind) {
	var fig *plot.Figure
	func() {
		defer func() { recover() }() // a figure that cannot be drawn is not shown
		fig = plot.Loss(h)
	}()
	if fig == nil {
		return
	}
	text := fmt.Sprint(fig)
	data, _ := mimeData(fig, text, nil)
	if data["image/png"] == nil {
		return
	}
	p.mu.Lock()
	p.shown[id] = data["image/png"]
	p.mu.Unlock()
	capture.emitPart(Part{Kind: kind, DisplayID: id, Text: text, Type: fmt.Sprintf("%T", fig), Data: data})
}

// supersede empties the live figures of the cell that show the very image
// of part (plot.Loss(h) of the history Fit just drew), which the cell's
// value is about to show: one figure per result.
func (p *progress) supersede(part Part) {
	if p == nil || part.Data["image/png"] == nil {
		return
	}
	p.mu.Lock()
	var ids []string
	for id, b := range p.shown {
		if bytes.Equal(b, part.Data["image/png"]) {
			ids = append(ids, id)
			delete(p.shown, id)
		}
	}
	p.mu.Unlock()
	sort.Strings(ids)
	for _, id := range ids {
		capture.emitPart(Part{Kind: UpdateDisplay, DisplayID: id, Data: map[string][]byte{"text/plain": {}}})
	}
}

// setHooks installs nnlib's cell context and progress hook (none when p is
// nil) for one cell and returns the function that removes them.
func setHooks(ctx context.Context, p *progress) (restore func()) {
	nnlib.SetCellContext(ctx)
	if p != nil {
		p.ctx = ctx
		nnlib.SetProgressHook(p.epoch)
	}
	return func() {
		if p != nil {
			nnlib.SetProgressHook(nil)
		}
		// After an interrupt the cancelled context stays until the next cell,
		// so a training loop still unwinding sees it.
		if ctx.Err() == nil {
			nnlib.SetCellContext(context.Background())
		}
	}
}
