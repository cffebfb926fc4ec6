package nnlib

import (
	"fmt"
	"html"
	"strings"
)

// headRows is how many rows the HTML form of a Dataset shows.
const headRows = 10

// HTML returns the data set's one-line description and its first rows
// (Head(10)) as a table. Notebooks show a Dataset this way.
func (d *Dataset) HTML() string {
	if d == nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(d.Head(headRows), "\n"), "\n")
	var b strings.Builder
	fmt.Fprintf(&b, "<div class=\"nnlib\"><p><b>%s</b></p>\n", html.EscapeString(d.String()))
	if len(lines) > 1 && strings.TrimSpace(lines[0]) == strings.TrimSpace(d.String()) {
		lines = lines[1:] // Head's own title
	}
	if len(lines) == 0 {
		return b.String() + "</div>"
	}
	// Head's cells hold no spaces but "… N more", which the header keeps
	// together.
	head := strings.Split(strings.Join(strings.Fields(strings.ReplaceAll(lines[0], "… ", "…\u00a0")), "\t"), "\t")
	b.WriteString("<table>\n<thead><tr>")
	for _, c := range head {
		fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(strings.ReplaceAll(c, "\u00a0", " ")))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, l := range lines[1:] {
		cells := strings.Fields(l)
		if len(cells) != len(head) {
			fmt.Fprintf(&b, "<tr><td colspan=\"%d\">%s</td></tr>\n", len(head), html.EscapeString(strings.TrimSpace(l)))
			continue
		}
		b.WriteString("<tr>")
		for _, c := range cells {
			fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n</div>")
	return b.String()
}
