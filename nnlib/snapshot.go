package nnlib

// snapshot is everything a training call changes on a Network: the parameters,
// the optimizer's running state, the step count and the shuffle position. A
// call that reports an error restores it, so the user's network is exactly as
// it was before the call (an interrupted Fit, a step that diverged to NaN).
type snapshot struct {
	params  []float64
	state   optState
	steps   int
	shuffle splitmix
}

// snapshot copies the state that training changes. It must be taken while
// layer 0 is in its usual layout (not inside a Fit epoch).
func (n *Network) snapshot() snapshot {
	return snapshot{
		params:  append([]float64(nil), n.params...),
		state:   n.state.clone(),
		steps:   n.steps,
		shuffle: n.shuffle,
	}
}

// restore puts back a snapshot taken from the same network, in its usual
// layout.
func (n *Network) restore(s snapshot) {
	n.t0 = false
	copy(n.params, s.params)
	n.state = s.state
	n.steps = s.steps
	n.shuffle = s.shuffle
}
