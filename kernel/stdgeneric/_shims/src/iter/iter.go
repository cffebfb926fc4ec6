// Package iter is nnbook's interpreted version of the standard package iter
// for cells. Pull and Pull2 run the sequence in a goroutine (the standard
// library uses coroutines): the values, their order and the panics are the
// same. They take a plain func type, which a Seq is assignable to: yaegi
// cannot infer V through the generic type Seq.
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// Pull converts the push-style iterator seq into a pull-style iterator
// accessed by the two functions next and stop.
func Pull[V any](seq func(yield func(V) bool)) (func() (V, bool), func()) {
	p := newPuller()
	var v V
	body := func() {
		seq(func(x V) bool {
			v = x
			return p.yield()
		})
	}
	next := func() (V, bool) {
		var zero V
		if !p.next(body) {
			return zero, false
		}
		return v, true
	}
	return next, p.stop
}

// Pull2 converts the push-style iterator seq into a pull-style iterator
// accessed by the two functions next and stop.
func Pull2[K, V any](seq func(yield func(K, V) bool)) (func() (K, V, bool), func()) {
	p := newPuller()
	var k K
	var v V
	body := func() {
		seq(func(x K, y V) bool {
			k, v = x, y
			return p.yield()
		})
	}
	next := func() (K, V, bool) {
		var zk K
		var zv V
		if !p.next(body) {
			return zk, zv, false
		}
		return k, v, true
	}
	return next, p.stop
}

// puller runs a sequence in its own goroutine, one value per request.
type puller struct {
	req      chan bool // true: produce the next value; false: stop
	resp     chan bool // true: a value is ready; false: the sequence ended
	started  bool
	done     bool
	panicked bool
	pval     []interface{} // the sequence's panic value, if panicked
}

func newPuller() *puller {
	return &puller{req: make(chan bool), resp: make(chan bool)}
}

func (p *puller) run(body func()) {
	defer func() {
		if r := recover(); r != nil {
			p.panicked = true
			p.pval = append(p.pval, r)
		}
		p.done = true
		p.resp <- false
	}()
	more := <-p.req
	if more {
		body()
	}
}

// yield hands a value to next and reports whether another is wanted.
func (p *puller) yield() bool {
	if p.done {
		panic("iter.Pull: yield called after iteration finished")
	}
	p.resp <- true
	more := <-p.req
	return more
}

func (p *puller) next(body func()) bool {
	if p.done {
		return false
	}
	if !p.started {
		p.started = true
		go p.run(body)
	}
	p.req <- true
	ready := <-p.resp
	if ready {
		return true
	}
	p.repanic()
	return false
}

func (p *puller) stop() {
	if p.done {
		return
	}
	if !p.started {
		p.done = true
		return
	}
	p.req <- false
	<-p.resp
	p.repanic()
}

// repanic panics, once, with the sequence's panic value.
func (p *puller) repanic() {
	if p.panicked {
		p.panicked = false
		panic(p.pval[0])
	}
}
