package nnlib

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// textHTML turns the aligned text nnlib's String methods print into HTML:
// every table (a header line over a line of dash runs) becomes a <table>
// with the same columns, numbered section titles ("3. Output layer …")
// become headings, and the other lines paragraphs. The HTML forms of
// Trace, History, Network and Dataset are built on it, so they say exactly
// what the text says.
func textHTML(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	var b strings.Builder
	b.WriteString(`<div class="nnlib">`)
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if i+1 < len(lines) && isRule(lines[i+1]) && strings.TrimSpace(line) != "" {
			cols := ruleColumns(lines[i+1])
			b.WriteString("<table>\n<thead><tr>")
			for _, c := range cutColumns(line, cols) {
				fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(c))
			}
			b.WriteString("</tr></thead>\n<tbody>\n")
			i += 2
			for ; i < len(lines) && isRow(lines[i], cols); i++ {
				b.WriteString("<tr>")
				for _, c := range cutColumns(lines[i], cols) {
					fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(c))
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</tbody>\n</table>\n")
			i--
			continue
		}
		switch t := strings.TrimSpace(line); {
		case t == "":
		case i == 0:
			fmt.Fprintf(&b, "<p><b>%s</b></p>\n", html.EscapeString(t))
		case len(t) > 2 && t[0] >= '1' && t[0] <= '9' && t[1] == '.':
			fmt.Fprintf(&b, "<h4>%s</h4>\n", html.EscapeString(t))
		default:
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(t))
		}
	}
	b.WriteString("</div>")
	return b.String()
}

// isRule reports whether a line is a table's rule: runs of '-' and spaces.
func isRule(line string) bool {
	t := strings.TrimSpace(line)
	return t != "" && strings.Trim(t, "- ") == "" && strings.HasPrefix(line, "-")
}

// ruleColumns returns the rune offsets where the rule's dash runs start.
func ruleColumns(rule string) []int {
	var cols []int
	prev := ' '
	for i, r := range []rune(rule) {
		if r == '-' && prev == ' ' {
			cols = append(cols, i)
		}
		prev = r
	}
	return cols
}

// isRow reports whether a line belongs to the table above it: not empty, and
// a space (or the line's end) just before every column but the first.
func isRow(line string, cols []int) bool {
	if strings.TrimSpace(line) == "" || isRule(line) {
		return false
	}
	rs := []rune(line)
	for _, c := range cols[1:] {
		if c-1 < len(rs) && rs[c-1] != ' ' {
			return false
		}
	}
	return true
}

// cutColumns splits a line at the column offsets, trimming each cell.
func cutColumns(line string, cols []int) []string {
	rs := []rune(line)
	out := make([]string, len(cols))
	for k, c := range cols {
		end := len(rs)
		if k+1 < len(cols) && cols[k+1] < end {
			end = cols[k+1]
		}
		if c < end {
			out[k] = strings.TrimSpace(string(rs[c:end]))
		}
	}
	return out
}

// sparkline draws values as a small inline SVG line (NaN and ±Inf left out),
// for tables of training runs.
func sparkline(values []float64, width, height int) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if len(values) < 2 || lo > hi {
		return ""
	}
	if hi == lo {
		hi = lo + 1
	}
	var pts []string
	for _, i := range sparkPoints(values, width) {
		x := float64(float64(i) / float64(len(values)-1) * float64(width-2))
		y := float64((hi - values[i]) / (hi - lo) * float64(height-2))
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x+1, y+1))
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d"><polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="%s"/></svg>`,
		width, height, width, height, strings.Join(pts, " "))
}

// sparkPoints returns the indexes of the finite values a sparkline of the
// given width draws: all of them when they are few, otherwise the lowest
// and the highest of each pixel column in order, so a run of 10,000 epochs
// draws the same shape with a few hundred points.
func sparkPoints(values []float64, width int) []int {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	var idx []int
	if len(values) <= 2*width {
		for i, v := range values {
			if finite(v) {
				idx = append(idx, i)
			}
		}
		return idx
	}
	for c := 0; c < width; c++ {
		from, to := c*len(values)/width, (c+1)*len(values)/width
		lo, hi := -1, -1
		for i := from; i < to; i++ {
			if !finite(values[i]) {
				continue
			}
			if lo < 0 || values[i] < values[lo] {
				lo = i
			}
			if hi < 0 || values[i] > values[hi] {
				hi = i
			}
		}
		switch {
		case lo < 0:
		case lo == hi:
			idx = append(idx, lo)
		case lo < hi:
			idx = append(idx, lo, hi)
		default:
			idx = append(idx, hi, lo)
		}
	}
	return idx
}
