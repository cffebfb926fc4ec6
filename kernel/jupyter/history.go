package jupyter

import (
	"encoding/json"
	"regexp"
	"strings"
)

// histEntry is one stored cell of this session.
type histEntry struct {
	line   int    // execution_count of the cell
	input  string // the code as sent
	output string // text/plain of its result ("" when none)
}

// sessionNumber is the history session number of the running kernel; like
// IPython, 0 (and negative numbers counted back from it) also name it.
const sessionNumber = 1

// historyRequest is the content of a history_request.
type historyRequest struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        *int   `json:"session"`
	Start          *int   `json:"start"`
	Stop           *int   `json:"stop"`
	N              *int   `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

func (k *Kernel) historyRequest(m *message) {
	var req historyRequest
	json.Unmarshal(m.Content, &req)
	k.mu.Lock()
	all := append([]histEntry(nil), k.history...)
	k.mu.Unlock()
	k.reply(k.shell, m, "history_reply", map[string]any{"status": "ok", "history": selectHistory(all, req)})
}

// selectHistory answers a history request over entries (oldest first) with
// [session, line, input] triples, or [session, line, [input, output]] when
// output is asked for.
func selectHistory(all []histEntry, req historyRequest) [][]any {
	var sel []histEntry
	switch req.HistAccessType {
	case "range":
		if req.Session != nil && *req.Session != 0 && *req.Session != sessionNumber {
			break // only this session is kept
		}
		for _, e := range all {
			if req.Start != nil && e.line < *req.Start {
				continue
			}
			if req.Stop != nil && e.line >= *req.Stop {
				continue
			}
			sel = append(sel, e)
		}
	case "search":
		pat := req.Pattern
		if pat == "" {
			pat = "*"
		}
		re := globRegexp(pat)
		for _, e := range all {
			if re.MatchString(e.input) {
				sel = append(sel, e)
			}
		}
		if req.Unique {
			sel = uniqueInputs(sel)
		}
		sel = lastN(sel, req.N, len(sel))
	default: // "tail"
		sel = lastN(all, req.N, 10)
	}
	out := make([][]any, 0, len(sel))
	for _, e := range sel {
		if req.Output {
			var o any
			if e.output != "" {
				o = e.output
			}
			out = append(out, []any{sessionNumber, e.line, []any{e.input, o}})
		} else {
			out = append(out, []any{sessionNumber, e.line, e.input})
		}
	}
	return out
}

// lastN returns the last n entries (def when n is missing or not positive).
func lastN(es []histEntry, n *int, def int) []histEntry {
	c := def
	if n != nil && *n > 0 {
		c = *n
	}
	if c < len(es) {
		return es[len(es)-c:]
	}
	return es
}

// uniqueInputs keeps the latest entry of each distinct input, in line order.
func uniqueInputs(es []histEntry) []histEntry {
	last := map[string]int{}
	for i, e := range es {
		last[e.input] = i
	}
	var out []histEntry
	for i, e := range es {
		if last[e.input] == i {
			out = append(out, e)
		}
	}
	return out
}

// globRegexp compiles a glob pattern as IPython's history search (SQLite
// GLOB) reads it: * any run, ? one character, [abc] / [a-z] a class, [!x] or
// [^x] a negated class; the whole input must match.
func globRegexp(pat string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)\A`)
	rs := []rune(pat)
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; c {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		case '[':
			j := i + 1
			if j < len(rs) && (rs[j] == '!' || rs[j] == '^') {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				j++
			}
			if j >= len(rs) { // no closing bracket: a literal [
				b.WriteString(regexp.QuoteMeta("["))
				continue
			}
			class := rs[i+1 : j]
			b.WriteByte('[')
			if len(class) > 0 && (class[0] == '!' || class[0] == '^') {
				b.WriteByte('^')
				class = class[1:]
			}
			for _, r := range class {
				if r == '\\' || r == '[' || r == ']' || r == '^' {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
			b.WriteByte(']')
			i = j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`\z`)
	re, err := regexp.Compile(b.String())
	if err != nil { // cannot happen with the escaping above; match nothing
		return regexp.MustCompile(`\A\z.`)
	}
	return re
}
