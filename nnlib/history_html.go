package nnlib

import (
	"fmt"
	"strings"
)

// HTML returns the history as a table (the one String prints) headed by a
// sparkline of the training loss per epoch. Notebooks show a History this
// way.
func (h *History) HTML() string {
	if h == nil {
		return ""
	}
	table := textHTML(h.String())
	spark := sparkline(h.Losses(), 160, 32)
	if spark == "" {
		return table
	}
	last := h.Last()
	caption := fmt.Sprintf(`<p>%s loss %.6g → %.6g</p>`, spark, h.Epochs[0].Loss, last.Loss)
	return strings.Replace(table, `<div class="nnlib">`, `<div class="nnlib">`+caption, 1)
}
