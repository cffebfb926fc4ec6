package nnlib

// HTML returns the trace as HTML tables in the seed's notation, the same
// ledger String prints: the forward pass (net, out), the error, every
// layer's δ = ∂E/∂out · ∂out/∂net, and every parameter's ∂E/∂w with its old
// and new value. Notebooks show a Trace this way.
func (tr *Trace) HTML() string {
	if tr == nil {
		return ""
	}
	return textHTML(tr.String())
}
