package nnlib

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// maxDiagramNeurons is the widest layer the HTML diagram of a Network draws.
const maxDiagramNeurons = 16

// HTML returns the network's diagram (an inline SVG: neurons in columns,
// connections blue for positive and red for negative weights, thicker for
// larger ones; networks with a layer wider than 16 are left out) above its
// weight table (the one String prints). Notebooks show a Network this way.
func (n *Network) HTML() string {
	if n == nil {
		return ""
	}
	table := textHTML(n.String())
	svg := n.diagramSVG()
	if svg == "" {
		return table
	}
	return strings.Replace(table, `<div class="nnlib">`, `<div class="nnlib"><p>`+svg+`</p>`, 1)
}

// diagramSVG draws the network as an SVG, or returns "" when a layer is too
// wide to draw.
func (n *Network) diagramSVG() string {
	sizes := n.Sizes()
	widest := 0
	for _, s := range sizes {
		if s > maxDiagramNeurons {
			return ""
		}
		widest = max(widest, s)
	}
	const dx, dy, r, pad = 120.0, 44.0, 13.0, 24.0
	w := pad*2 + float64(dx*float64(len(sizes)-1))
	h := pad*2 + float64(dy*float64(widest-1))
	pos := func(l, j int) (float64, float64) {
		off := float64((float64(widest) - float64(sizes[l])) * dy / 2)
		return pad + float64(dx*float64(l)), pad + off + float64(dy*float64(j))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="10">`, w, h)
	biggest := 0.0
	for l := 1; l < len(sizes); l++ {
		for _, row := range n.Weights(l - 1) {
			for _, v := range row {
				biggest = math.Max(biggest, math.Abs(v))
			}
		}
	}
	for l := 1; l < len(sizes); l++ {
		for j, row := range n.Weights(l - 1) {
			for i, v := range row {
				x1, y1 := pos(l-1, i)
				x2, y2 := pos(l, j)
				color := "#1f77b4"
				if v < 0 {
					color = "#d62728"
				}
				width := 0.5
				if biggest > 0 {
					width += 3 * math.Abs(v) / biggest
				}
				fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.2f"><title>%.6g</title></line>`, x1, y1, x2, y2, color, width, v)
			}
		}
	}
	for l, s := range sizes {
		for j := 0; j < s; j++ {
			x, y := pos(l, j)
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.0f" fill="#fff" stroke="#333"/>`, x, y, r)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" dominant-baseline="central">%s</text>`, x, y, html.EscapeString(n.neuronName(l-1, j)))
		}
	}
	b.WriteString("</svg>")
	return b.String()
}
