package jupyter

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"
)

// fakePub records what a heldPublisher sends and lets a test say when a
// client subscribes and what time it is.
type fakePub struct {
	mu   sync.Mutex
	sent []string
	subs bool
	now  time.Time
}

func (f *fakePub) send(frames [][]byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent = append(f.sent, string(frames[0]))
	return nil
}

func (f *fakePub) subscribed() bool { f.mu.Lock(); defer f.mu.Unlock(); return f.subs }
func (f *fakePub) clock() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.now }

func (f *fakePub) set(subs bool, advance time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.subs = subs
	f.now = f.now.Add(advance)
}

func (f *fakePub) got() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.sent...)
}

func TestHeldPublisher(t *testing.T) {
	msg := func(s string) [][]byte { return [][]byte{[]byte(s)} }
	tests := []struct {
		name string
		run  func(p *heldPublisher, f *fakePub)
		want []string
	}{
		{"subscribed: sent at once", func(p *heldPublisher, f *fakePub) {
			f.set(true, 0)
			p.publish(msg("a"))
			p.publish(msg("b"))
		}, []string{"a", "b"}},
		{"held until a client subscribes, in order", func(p *heldPublisher, f *fakePub) {
			p.publish(msg("busy"))
			p.publish(msg("result"))
			p.flush()
			f.set(true, time.Second)
			p.publish(msg("idle")) // still behind the held ones
			p.flush()
		}, []string{"busy", "result", "idle"}},
		{"dropped after iopubHoldFor", func(p *heldPublisher, f *fakePub) {
			p.publish(msg("old"))
			f.set(false, iopubHoldFor+time.Millisecond)
			p.publish(msg("new"))
			p.flush()
			f.set(true, 0)
			p.flush()
		}, []string{"new"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakePub{now: time.Unix(0, 0)}
			ctx, cancel := context.WithCancel(context.Background())
			cancel() // the waiting goroutine returns at once; the test flushes
			p := &heldPublisher{ctx: ctx, send: f.send, subscribed: f.subscribed, now: f.clock}
			tt.run(p, f)
			if got := f.got(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sent %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHeldPublisherBounded(t *testing.T) {
	f := &fakePub{now: time.Unix(0, 0)}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := &heldPublisher{ctx: ctx, send: f.send, subscribed: f.subscribed, now: f.clock}
	for i := range iopubHWM + 5 {
		p.publish([][]byte{[]byte(fmt.Sprint(i))})
	}
	f.set(true, 0)
	p.flush()
	got := f.got()
	if len(got) != iopubHWM || got[0] != "5" {
		t.Errorf("sent %d messages starting at %q, want the last %d", len(got), got[0], iopubHWM)
	}
}
