package nnlib

// HTML returns the trace as HTML tables in the seed's notation, the same
// ledger String prints: the forward pass (net, out), the error, every
// layer's δ = ∂E/∂out · ∂out/∂net, and every parameter's ∂E/∂w with its old
// and new value. Notebooks show a Trace this way.
func (t *Trace) HTML() string {
	if t == nil {
		return ""
	}
	return textHTML(t.String())
}
