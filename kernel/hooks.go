package kernel

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/nnbook/nnbook/kernel/symbols"
)

// The engine talks to nnlib through its symbol table (the same values the
// interpreter uses), so the kernel builds whatever nnlib's API is today.

const (
	nnlibKey = "github.com/nnbook/nnbook/nnlib/nnlib"
	plotKey  = "github.com/nnbook/nnbook/nnlib/plot/plot"
)

func nnlibFunc(key, name string) (reflect.Value, bool) {
	v, ok := symbols.Symbols[key][name]
	if !ok || v.Kind() != reflect.Func {
		return reflect.Value{}, false
	}
	return v, true
}

// progressThrottle is the least time between two live-figure updates.
const progressThrottle = 500 * time.Millisecond

// progress turns nnlib's per-epoch hook into Display / UpdateDisplay parts
// with the PNG of plot.Loss(h), at most ~2 per second per training run.
type progress struct {
	mu      sync.Mutex
	cell    int
	ids     map[uintptr]string // History pointer → display id
	last    map[uintptr]time.Time
	pending map[uintptr]reflect.Value // histories with an update not yet drawn
	shown   map[string][]byte         // display id → the PNG it shows now
}

func newProgress(cell int) *progress {
	return &progress{cell: cell, ids: map[uintptr]string{}, last: map[uintptr]time.Time{}, pending: map[uintptr]reflect.Value{}, shown: map[string][]byte{}}
}

// epoch is called by nnlib (compiled, in the cell's goroutine) after every epoch.
func (p *progress) epoch(h reflect.Value) {
	if h.Kind() != reflect.Pointer || h.IsNil() {
		return
	}
	k := h.Pointer()
	p.mu.Lock()
	id, seen := p.ids[k]
	if seen && time.Since(p.last[k]) < progressThrottle {
		p.pending[k] = h
		p.mu.Unlock()
		return
	}
	kind := UpdateDisplay
	if !seen {
		id = fmt.Sprintf("nnbook-%d-%d", p.cell, len(p.ids)+1)
		p.ids[k] = id
		kind = Display
	}
	p.last[k] = time.Now()
	delete(p.pending, k)
	p.mu.Unlock()
	p.draw(h, id, kind)
	// Throttle from the end of drawing, so slow rendering cannot eat the
	// training's time.
	p.mu.Lock()
	p.last[k] = time.Now()
	p.mu.Unlock()
}

// finish draws the last state of every run with a throttled update.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	pend := p.pending
	p.pending = map[uintptr]reflect.Value{}
	ids := p.ids
	p.mu.Unlock()
	for k, h := range pend {
		p.draw(h, ids[k], UpdateDisplay)
	}
}

func (p *progress) draw(h reflect.Value, id string, kind PartKind) {
	loss, ok := nnlibFunc(plotKey, "Loss")
	if !ok {
		return
	}
	var fig reflect.Value
	func() {
		defer func() { recover() }()
		out := loss.Call([]reflect.Value{h})
		if len(out) > 0 {
			fig = out[0]
		}
	}()
	if !fig.IsValid() {
		return
	}
	v := fig.Interface()
	text := fmt.Sprint(v)
	data, _ := mimeData(v, text, nil)
	if data["image/png"] == nil {
		return
	}
	p.mu.Lock()
	p.shown[id] = data["image/png"]
	p.mu.Unlock()
	capture.emitPart(Part{Kind: kind, DisplayID: id, Text: text, Type: fig.Type().String(), Data: data})
}

// showing reports whether a live figure of the cell shows the very image of
// part already (plot.Loss(h) of the history Fit just drew): the cell's value
// would show the same figure twice.
func (p *progress) showing(part Part) bool {
	if p == nil || part.Data["image/png"] == nil {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, b := range p.shown {
		if bytes.Equal(b, part.Data["image/png"]) {
			return true
		}
	}
	return false
}

// setHooks installs nnlib's cell context and progress hook (none when p is
// nil) for one cell and returns the function that removes them.
func setHooks(ctx context.Context, p *progress) (restore func()) {
	setCtx, hasCtx := nnlibFunc(nnlibKey, "SetCellContext")
	if hasCtx {
		setCtx.Call([]reflect.Value{reflect.ValueOf(&ctx).Elem()})
	}
	setHook, hasHook := nnlibFunc(nnlibKey, "SetProgressHook")
	hasHook = hasHook && p != nil
	if hasHook {
		ft := setHook.Type().In(0)
		hook := reflect.MakeFunc(ft, func(args []reflect.Value) []reflect.Value {
			if len(args) == 1 {
				p.epoch(args[0])
			}
			return nil
		})
		setHook.Call([]reflect.Value{hook})
	}
	return func() {
		if hasHook {
			setHook.Call([]reflect.Value{reflect.Zero(setHook.Type().In(0))})
		}
		// After an interrupt the cancelled context stays until the next cell,
		// so a training loop still unwinding sees it.
		if hasCtx && ctx.Err() == nil {
			bg := context.Background()
			setCtx.Call([]reflect.Value{reflect.ValueOf(&bg).Elem()})
		}
	}
}
