package jupyter

import (
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/nnbook/nnbook/kernel"
)

// Meta commands: lines at the top of a cell that start with ':' are handled
// by the kernel itself, as the REPL's meta commands are; the rest of the cell
// runs as Go.
var metaCommands = []struct{ name, args, help string }{
	{":help", "", "this help, in the pager"},
	{":doc", "NAME", "documentation of a symbol (nnlib.New, plot.Loss, fmt.Println), in the pager"},
	{":vars", "", "the session's variables and their types"},
	{":clear", "", "clear this cell's output so far"},
	{":reset", "", "forget every definition (a fresh session)"},
}

// helpText is the :help page.
func helpText() string {
	var b strings.Builder
	b.WriteString("nnbook " + kernel.Version + ": Go cells with nnlib preloaded.\n\n")
	b.WriteString("A cell is Go: declarations and statements in any order; the value of a final\n")
	b.WriteString("expression is shown, figures inline. Tab completes, Shift-Tab inspects,\n")
	b.WriteString("Interrupt stops a running cell (training too) and keeps your variables.\n\n")
	b.WriteString("Kernel commands (on the first lines of a cell):\n")
	w := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, c := range metaCommands {
		fmt.Fprintf(w, "  %s %s\t%s\n", c.name, c.args, c.help)
	}
	w.Flush()
	b.WriteString("\nTry:\n  net := nnlib.WorkedExample()\n  net\n")
	return b.String()
}

// splitMeta returns the meta-command lines at the top of code and the rest,
// where every meta line is replaced by an empty line so that line numbers in
// errors still match the cell.
func splitMeta(code string) (metas []string, rest string) {
	lines := strings.Split(code, "\n")
	i := 0
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, ":") {
			break
		}
		metas = append(metas, t)
		lines[i] = ""
	}
	if len(metas) == 0 {
		return nil, code
	}
	return metas, strings.Join(lines, "\n")
}

// stripMeta returns code without its meta-command lines.
func stripMeta(code string) string {
	_, rest := splitMeta(code)
	return rest
}

// runMeta runs the meta commands of a cell and returns the Go code left.
func (k *Kernel) runMeta(m *message, code string, out *cellOutput, emit func(kernel.Part), payload *[]map[string]any) (string, error) {
	metas, rest := splitMeta(code)
	for _, line := range metas {
		f := strings.Fields(line)
		page := func(text string) {
			*payload = append(*payload, map[string]any{"source": "page", "data": map[string]any{"text/plain": text}, "start": 0})
		}
		switch f[0] {
		case ":help":
			page(helpText())
		case ":doc":
			if len(f) != 2 {
				return "", &kernel.CellError{Name: "UsageError", Value: ":doc wants one name, as in :doc nnlib.WorkedExample"}
			}
			doc, ok := k.eng.Doc(f[1])
			if !ok {
				doc, ok = k.eng.Inspect(f[1], utf8.RuneCountInString(f[1]))
			}
			if !ok {
				return "", &kernel.CellError{Name: "NotFound", Value: fmt.Sprintf("no documentation for %q", f[1])}
			}
			page(doc)
		case ":vars":
			vars := k.eng.Vars()
			sort.Slice(vars, func(i, j int) bool { return vars[i].Name < vars[j].Name })
			var b strings.Builder
			if len(vars) == 0 {
				b.WriteString("no variables yet\n")
			}
			w := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
			for _, v := range vars {
				fmt.Fprintf(w, "%s\t%s\n", v.Name, v.Type)
			}
			w.Flush()
			emit(kernel.Part{Kind: kernel.Stdout, Text: b.String()})
		case ":clear":
			out.publish("clear_output", map[string]any{"wait": false})
		case ":reset":
			if err := k.eng.Reset(); err != nil {
				return "", &kernel.CellError{Name: kernel.KindError, Value: "reset: " + err.Error()}
			}
			emit(kernel.Part{Kind: kernel.Stdout, Text: "session reset: every definition is gone\n"})
		default:
			names := make([]string, len(metaCommands))
			for i, c := range metaCommands {
				names[i] = c.name
			}
			return "", &kernel.CellError{Name: "UsageError", Value: fmt.Sprintf("unknown kernel command %s; known: %s", f[0], strings.Join(names, " "))}
		}
	}
	return rest, nil
}
