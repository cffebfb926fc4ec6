package notebooks

import (
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
	"strings"
)

var ansiPattern = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// stripANSI removes terminal colour codes (tracebacks may carry them).
func stripANSI(s string) string { return ansiPattern.ReplaceAllString(s, "") }

// fence returns a code fence longer than any run of backticks in s.
func fence(s string) string {
	f := "```"
	for strings.Contains(s, f) {
		f += "`"
	}
	return f
}

// ToMarkdown renders the notebook as Markdown: markdown cells as they are,
// code cells as ```go blocks, text outputs as plain blocks and PNG outputs as
// image links "DIR/output_C_K.png" (C the cell's position, K the output's),
// whose bytes are returned in files keyed by file name. With dir "" the
// images are inlined as data: URIs and files is empty.
func ToMarkdown(nb *Notebook, dir string) (md []byte, files map[string][]byte) {
	files = map[string][]byte{}
	var b strings.Builder
	for ci, c := range nb.Cells {
		switch c.Type {
		case "markdown", "raw":
			b.WriteString(strings.TrimRight(c.Source, "\n"))
			b.WriteString("\n\n")
		case "code":
			f := fence(c.Source)
			fmt.Fprintf(&b, "%sgo\n%s\n%s\n\n", f, strings.TrimRight(c.Source, "\n"), f)
			for oi, o := range c.Outputs {
				text := ""
				switch o.Type {
				case "stream":
					text = o.Text
				case "error":
					text = stripANSI(strings.Join(o.Traceback, "\n"))
					if text == "" {
						text = o.EName + ": " + o.EValue
					}
				default:
					if png, ok := o.Data.PNG(); ok {
						name := fmt.Sprintf("output_%d_%d.png", ci, oi)
						alt, _ := o.Data.Text("text/plain")
						alt = strings.ReplaceAll(strings.TrimSpace(alt), "\n", " ")
						alt = strings.NewReplacer("[", "(", "]", ")").Replace(alt)
						if alt == "" {
							alt = "png"
						}
						if dir == "" {
							fmt.Fprintf(&b, "![%s](data:image/png;base64,%s)\n\n", alt, base64.StdEncoding.EncodeToString(png))
						} else {
							files[name] = png
							fmt.Fprintf(&b, "![%s](%s/%s)\n\n", alt, dir, name)
						}
						continue
					}
					if svg, ok := o.Data.Text("image/svg+xml"); ok {
						name := fmt.Sprintf("output_%d_%d.svg", ci, oi)
						if dir == "" {
							fmt.Fprintf(&b, "![svg](data:image/svg+xml;base64,%s)\n\n", base64.StdEncoding.EncodeToString([]byte(svg)))
						} else {
							files[name] = []byte(svg)
							fmt.Fprintf(&b, "![svg](%s/%s)\n\n", dir, name)
						}
						continue
					}
					if t, ok := o.Data.Text("text/markdown"); ok {
						b.WriteString(strings.TrimRight(t, "\n") + "\n\n")
						continue
					}
					if t, ok := o.Data.Text("text/latex"); ok {
						b.WriteString(strings.TrimSpace(t) + "\n\n") // $…$ is Markdown math
						continue
					}
					text, _ = o.Data.Text("text/plain")
				}
				if text == "" {
					continue
				}
				text = strings.TrimRight(text, "\n")
				f := fence(text)
				fmt.Fprintf(&b, "%s\n%s\n%s\n\n", f, text, f)
			}
		}
	}
	return []byte(strings.TrimRight(b.String(), "\n") + "\n"), files
}

const htmlStyle = `body{max-width:58em;margin:2em auto;padding:0 1em;font:16px/1.5 system-ui,sans-serif;color:#222}
pre{padding:.6em .8em;overflow-x:auto;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;margin:.3em 0}
.cell{margin:1em 0}.input{background:#f5f7fa;border-left:3px solid #7aa6d8}
.prompt{color:#888;font:12px ui-monospace,monospace}.output pre{background:#fff;border-left:3px solid #ddd}
.output pre.stderr{background:#fff5f0}.output pre.error{background:#fdecec;border-left-color:#d33;color:#900}
.output img{max-width:100%}code{background:#f1f1f1;padding:0 .2em;border-radius:3px}pre code{background:none;padding:0}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1em;color:#555}`

// ToHTML renders the notebook as one self-contained HTML page: markdown
// cells rendered (a CommonMark subset: headings, paragraphs, lists, code,
// tables, quotes, emphasis, links, images), code and text outputs as
// preformatted text, PNG outputs inlined as data: URIs.
func ToHTML(nb *Notebook, title string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n", html.EscapeString(title), htmlStyle)
	for _, c := range nb.Cells {
		switch c.Type {
		case "markdown":
			b.WriteString("<div class=\"cell markdown\">\n")
			b.WriteString(markdownToHTML(c.Source))
			b.WriteString("</div>\n")
		case "raw":
			fmt.Fprintf(&b, "<div class=\"cell raw\"><pre>%s</pre></div>\n", html.EscapeString(c.Source))
		case "code":
			n := " "
			if c.ExecutionCount != nil {
				n = fmt.Sprint(*c.ExecutionCount)
			}
			fmt.Fprintf(&b, "<div class=\"cell code\">\n<div class=\"prompt\">In [%s]:</div>\n<pre class=\"input\"><code class=\"language-go\">%s</code></pre>\n", n, html.EscapeString(strings.TrimRight(c.Source, "\n")))
			if len(c.Outputs) > 0 {
				b.WriteString("<div class=\"output\">\n")
			}
			for _, o := range c.Outputs {
				switch o.Type {
				case "stream":
					fmt.Fprintf(&b, "<pre class=\"%s\">%s</pre>\n", html.EscapeString(o.Name), html.EscapeString(strings.TrimRight(o.Text, "\n")))
				case "error":
					tb := stripANSI(strings.Join(o.Traceback, "\n"))
					if tb == "" {
						tb = o.EName + ": " + o.EValue
					}
					fmt.Fprintf(&b, "<pre class=\"error\">%s</pre>\n", html.EscapeString(tb))
				default:
					if png, ok := o.Data.PNG(); ok {
						alt, _ := o.Data.Text("text/plain")
						fmt.Fprintf(&b, "<img alt=\"%s\" src=\"data:image/png;base64,%s\">\n", html.EscapeString(strings.TrimSpace(alt)), base64.StdEncoding.EncodeToString(png))
					} else if svg, ok := o.Data.Text("image/svg+xml"); ok {
						fmt.Fprintf(&b, "<img alt=\"svg\" src=\"data:image/svg+xml;base64,%s\">\n", base64.StdEncoding.EncodeToString([]byte(svg)))
					} else if h, ok := o.Data.Text("text/html"); ok {
						b.WriteString(h + "\n")
					} else if m, ok := o.Data.Text("text/markdown"); ok {
						b.WriteString(markdownToHTML(m))
					} else if t, ok := o.Data.Text("text/plain"); ok {
						fmt.Fprintf(&b, "<pre class=\"result\">%s</pre>\n", html.EscapeString(strings.TrimRight(t, "\n")))
					}
				}
			}
			if len(c.Outputs) > 0 {
				b.WriteString("</div>\n")
			}
			b.WriteString("</div>\n")
		}
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

var (
	headingRe  = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	ulRe       = regexp.MustCompile(`^\s*[-*+]\s+(.*)$`)
	olRe       = regexp.MustCompile(`^\s*\d+[.)]\s+(.*)$`)
	hrRe       = regexp.MustCompile(`^\s*(-\s*){3,}$|^\s*(\*\s*){3,}$|^\s*(_\s*){3,}$`)
	tableSepRe = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)
)

// markdownToHTML renders a practical subset of CommonMark.
func markdownToHTML(src string) string {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var b strings.Builder
	var para []string
	flushPara := func() {
		if len(para) > 0 {
			b.WriteString("<p>" + inlineMD(strings.Join(para, "\n")) + "</p>\n")
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flushPara()
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			flushPara()
			f := t[:3]
			lang := strings.TrimSpace(strings.TrimLeft(t, f[:1]))
			var code []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), f); i++ {
				code = append(code, lines[i])
			}
			cls := ""
			if lang != "" {
				cls = fmt.Sprintf(" class=\"language-%s\"", html.EscapeString(lang))
			}
			fmt.Fprintf(&b, "<pre><code%s>%s</code></pre>\n", cls, html.EscapeString(strings.Join(code, "\n")))
		case len(para) == 0 && (strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t")):
			// An indented code block runs until a line that is neither
			// indented nor blank.
			var code []string
			for ; i < len(lines) && (strings.HasPrefix(lines[i], "    ") || strings.HasPrefix(lines[i], "\t") || strings.TrimSpace(lines[i]) == ""); i++ {
				code = append(code, strings.TrimPrefix(strings.TrimPrefix(lines[i], "\t"), "    "))
			}
			i--
			for len(code) > 0 && strings.TrimSpace(code[len(code)-1]) == "" {
				code = code[:len(code)-1]
			}
			fmt.Fprintf(&b, "<pre><code>%s</code></pre>\n", html.EscapeString(strings.Join(code, "\n")))
		case headingRe.MatchString(t):
			flushPara()
			m := headingRe.FindStringSubmatch(t)
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", len(m[1]), inlineMD(m[2]), len(m[1]))
		case hrRe.MatchString(t):
			flushPara()
			b.WriteString("<hr>\n")
		case strings.HasPrefix(t, ">"):
			flushPara()
			var q []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), ">"); i++ {
				q = append(q, strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(lines[i]), ">"), " "))
			}
			i--
			b.WriteString("<blockquote>\n" + markdownToHTML(strings.Join(q, "\n")) + "</blockquote>\n")
		case ulRe.MatchString(l) || olRe.MatchString(l):
			flushPara()
			re, tag := ulRe, "ul"
			if !ulRe.MatchString(l) {
				re, tag = olRe, "ol"
			}
			b.WriteString("<" + tag + ">\n")
			var item []string
			flushItem := func() {
				if item != nil {
					b.WriteString("<li>" + inlineMD(strings.Join(item, "\n")) + "</li>\n")
				}
				item = nil
			}
			for ; i < len(lines); i++ {
				if m := re.FindStringSubmatch(lines[i]); m != nil {
					flushItem()
					item = []string{m[1]}
					continue
				}
				lt := strings.TrimSpace(lines[i])
				if lt == "" || item == nil || !strings.HasPrefix(lines[i], " ") {
					break
				}
				item = append(item, lt)
			}
			flushItem()
			i--
			b.WriteString("</" + tag + ">\n")
		case strings.Contains(t, "|") && i+1 < len(lines) && tableSepRe.MatchString(lines[i+1]) && strings.Contains(lines[i+1], "-"):
			flushPara()
			b.WriteString("<table>\n<tr>")
			for _, h := range tableRow(t) {
				b.WriteString("<th>" + inlineMD(h) + "</th>")
			}
			b.WriteString("</tr>\n")
			for i += 2; i < len(lines) && strings.Contains(lines[i], "|"); i++ {
				b.WriteString("<tr>")
				for _, d := range tableRow(strings.TrimSpace(lines[i])) {
					b.WriteString("<td>" + inlineMD(d) + "</td>")
				}
				b.WriteString("</tr>\n")
			}
			i--
			b.WriteString("</table>\n")
		default:
			para = append(para, t)
		}
	}
	flushPara()
	return b.String()
}

func tableRow(t string) []string {
	t = strings.TrimPrefix(strings.TrimSuffix(t, "|"), "|")
	cells := strings.Split(t, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

var (
	codeSpanRe = regexp.MustCompile("`+([^`]|[^`][\\s\\S]*?[^`])`+")
	imageRe    = regexp.MustCompile(`!\[([^\]]*)\]\(([^)\s]+)\)`)
	linkRe     = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
	strongRe   = regexp.MustCompile(`\*\*([^*]+)\*\*|__([^_]+)__`)
	emRe       = regexp.MustCompile(`\*([^*\s][^*]*)\*|\b_([^_\s][^_]*)_\b`)
)

// inlineMD renders inline Markdown: code spans first (their content is
// literal), then images, links, strong and emphasis on escaped text.
func inlineMD(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range codeSpanRe.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(inlineText(s[last:m[0]]))
		b.WriteString("<code>" + html.EscapeString(strings.TrimSpace(s[m[2]:m[3]])) + "</code>")
		last = m[1]
	}
	b.WriteString(inlineText(s[last:]))
	return strings.ReplaceAll(b.String(), "  \n", "<br>\n")
}

func inlineText(s string) string {
	s = html.EscapeString(s)
	s = imageRe.ReplaceAllString(s, `<img alt="$1" src="$2">`)
	s = linkRe.ReplaceAllString(s, `<a href="$2">$1</a>`)
	s = strongRe.ReplaceAllString(s, `<strong>$1$2</strong>`)
	s = emRe.ReplaceAllString(s, `<em>$1$2</em>`)
	return s
}
