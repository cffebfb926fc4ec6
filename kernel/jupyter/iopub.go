package jupyter

import (
	"context"
	"sync"
	"time"
)

// A ZeroMQ PUB socket drops what it publishes while no subscriber has
// subscribed, and a client's subscription reaches the kernel a little
// after its connection (ZeroMQ's "slow joiner"). A client that starts its
// channels and sends execute_request at once — jupyter console does,
// typing a cell as soon as its first prompt shows, and jupyter_client 7
// does not wait for iopub before it reports the kernel ready — can then
// miss the busy and idle statuses of its first request, and jupyter console
// waits for that idle forever. So while no client subscribes, the kernel
// holds what it publishes, in order, and sends it when the first
// subscription arrives; messages held longer than iopubHoldFor are
// dropped, as PUB would have dropped them at once. This is what JEP 65's
// iopub_welcome solves on the client side for clients that know it.

// iopubHoldFor bounds how long a message waits for a subscriber.
const iopubHoldFor = 10 * time.Second

// iopubPoll is how often a kernel holding messages looks for a
// subscription (zmq4 has no event for it).
const iopubPoll = time.Millisecond

// heldPublisher sends iopub messages through send once subscribed reports
// a subscriber, holding them until then.
type heldPublisher struct {
	ctx        context.Context
	send       func(frames [][]byte) error
	subscribed func() bool
	now        func() time.Time // time.Now; tests set their own clock

	mu      sync.Mutex
	held    []heldMessage
	waiting bool // a goroutine is waiting for a subscriber
}

type heldMessage struct {
	frames [][]byte
	at     time.Time
}

// publish sends frames now when a client subscribes and nothing is held,
// and holds them otherwise.
func (p *heldPublisher) publish(frames [][]byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.held) == 0 && p.subscribed() {
		return p.send(frames)
	}
	if len(p.held) >= iopubHWM {
		p.held = p.held[1:]
	}
	p.held = append(p.held, heldMessage{frames, p.clock()})
	if !p.waiting {
		p.waiting = true
		go p.wait()
	}
	return nil
}

// wait sends the held messages when a subscriber comes, dropping those
// that waited too long, and returns when none are left.
func (p *heldPublisher) wait() {
	tick := time.NewTicker(iopubPoll)
	defer tick.Stop()
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-tick.C:
		}
		if p.flush() {
			return
		}
	}
}

// flush sends the held messages if a client subscribes, or drops the
// expired ones; it reports whether nothing is held any more.
func (p *heldPublisher) flush() (done bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.subscribed() {
		for _, m := range p.held {
			p.send(m.frames)
		}
		p.held = nil
	} else {
		i := 0
		for i < len(p.held) && p.clock().Sub(p.held[i].at) > iopubHoldFor {
			i++
		}
		p.held = p.held[i:]
	}
	if len(p.held) == 0 {
		p.held = nil
		p.waiting = false
		return true
	}
	return false
}

func (p *heldPublisher) clock() time.Time {
	if p.now != nil {
		return p.now()
	}
	return time.Now()
}
