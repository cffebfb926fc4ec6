package repl

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/kernel"
)

// fakeEngine stands in for the kernel engine: its "language" is a few
// keywords, and braces decide completeness as they do in Go.
type fakeEngine struct {
	ran    []string
	resets int
	docs   map[string]string
}

func (f *fakeEngine) Execute(ctx context.Context, code string, emit func(kernel.Part)) error {
	f.ran = append(f.ran, code)
	for i, l := range strings.Split(code, "\n") {
		if strings.Contains(l, "boom") {
			return &kernel.CellError{Name: "CompileError", Value: "undefined: boom", Line: i + 1, Col: 1,
				Traceback: []string{"1:1: undefined: boom"}}
		}
		if strings.Contains(l, "panic") {
			return &kernel.CellError{Name: "Panic", Value: "oops", Line: i + 1,
				Traceback: []string{"panic: oops", "    main at line 1:1"}}
		}
	}
	switch t := strings.TrimSpace(code); {
	case strings.HasPrefix(t, "print "):
		emit(kernel.Part{Kind: kernel.Stdout, Text: t[len("print "):]})
	case strings.HasPrefix(t, "warn "):
		emit(kernel.Part{Kind: kernel.Stderr, Text: t[len("warn "):] + "\n"})
	case strings.HasPrefix(t, "int "):
		emit(kernel.Part{Kind: kernel.Value, Text: t[len("int "):], Type: "int"})
	case strings.HasPrefix(t, "str "):
		emit(kernel.Part{Kind: kernel.Value, Text: t[len("str "):], Type: "string"})
	case t == "table":
		emit(kernel.Part{Kind: kernel.Value, Text: "a  b\n1  2\n", Type: "*nnlib.Network"})
	case t == "png":
		emit(kernel.Part{Kind: kernel.Value, Text: "Figure(loss, 640×480)", Type: "*plot.Figure",
			Data: map[string][]byte{"image/png": []byte("\x89PNG fake")}})
	case t == "wait":
		<-ctx.Done()
		return &kernel.CellError{Name: "Interrupted", Value: "interrupted"}
	}
	return nil
}

func (f *fakeEngine) Complete(code string, cursor int) ([]string, int, int) {
	r := []rune(code)
	start := cursor
	for start > 0 && (r[start-1] == '_' || r[start-1] >= 'a' && r[start-1] <= 'z' || r[start-1] >= 'A' && r[start-1] <= 'Z' || r[start-1] > 127) {
		start--
	}
	var out []string
	for _, w := range []string{"WorkedExample", "WorkedInput", "XOR", "πr", "πθ"} {
		if strings.HasPrefix(w, string(r[start:cursor])) {
			out = append(out, w)
		}
	}
	return out, start, cursor
}

func (f *fakeEngine) IsComplete(code string) (string, string) {
	n := strings.Count(code, "{") - strings.Count(code, "}")
	switch {
	case n > 0:
		return "incomplete", strings.Repeat("\t", n)
	case n < 0:
		return "invalid", ""
	}
	return "complete", ""
}

func (f *fakeEngine) Doc(name string) (string, bool) { d, ok := f.docs[name]; return d, ok }
func (f *fakeEngine) Inspect(code string, cursor int) (string, bool) {
	if code == "n.Fit" {
		return "func (n *Network) Fit(...)", true
	}
	return "", false
}
func (f *fakeEngine) Vars() []kernel.Var {
	return []kernel.Var{{Name: "x", Type: "int"}, {Name: "n", Type: "*nnlib.Network"}}
}
func (f *fakeEngine) Reset() error { f.resets++; return nil }

// Unresolved reports no waiting declaration: the fake engine declares none.
func (f *fakeEngine) Unresolved() (string, error) { return "", nil }

func newTestSession(t *testing.T) (*session, *fakeEngine, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	f := &fakeEngine{docs: map[string]string{"nnlib.XOR": "XOR returns the four XOR samples."}}
	var out, errw bytes.Buffer
	return &session{eng: f, out: &out, errw: &errw, plotsDir: filepath.Join(t.TempDir(), "plots")}, f, &out, &errw
}

func TestSplitter(t *testing.T) {
	f := &fakeEngine{}
	tests := []struct {
		name string
		in   string
		want []entry
	}{
		{"one line each", "a\nb", []entry{{"a", 1}, {"b", 2}}},
		{"blank lines and comments skipped", "\n// c\n\na\n  \n/* x */\nb", []entry{{"a", 4}, {"b", 7}}},
		{"block", "x\nfor {\n\ty\n}\nz", []entry{{"x", 1}, {"for {\n\ty\n}", 2}, {"z", 5}}},
		{"nested block", "f {\n g {\n }\n}", []entry{{"f {\n g {\n }\n}", 1}}},
		{"invalid at once", "}\na", []entry{{"}", 1}, {"a", 2}}},
		{"unfinished at end", "a\nf {\n b", []entry{{"a", 1}, {"f {\n b", 2}}},
		{"comment inside a block kept", "f {\n// c\n}", []entry{{"f {\n// c\n}", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := &splitter{isComplete: f.IsComplete}
			var got []entry
			for _, l := range strings.Split(tt.in, "\n") {
				if e, ok := sp.add(l); ok {
					got = append(got, e)
				}
			}
			if e, ok := sp.flush(); ok {
				got = append(got, e)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d entries %+v, want %+v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("entry %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestRunScript(t *testing.T) {
	tests := []struct {
		name      string
		script    string
		out, errs string
		errLine   int // 0: success
	}{
		{"values and output", "int 9\nstr hi\nprint out\ntable\n", "9 // int\n\"hi\" // string\nout\na  b\n1  2\n", "", 0},
		{"stderr", "warn careful\nint 1", "1 // int\n", "careful\n", 0},
		{"open line closed before value", "print no newline\nint 2", "no newline\n2 // int\n", "", 0},
		{"first error stops with its line", "int 1\n\nint 2\nboom\nint 3\n", "1 // int\n2 // int\n", "line 4: undefined: boom\n", 4},
		{"error inside a block names the block's line", "int 1\nf {\n  a\n  boom\n}\nint 2", "1 // int\n", "line 4: undefined: boom\n", 4},
		{"panic", "\npanic now", "", "line 2: panic: oops\n    main at line 2:1\n", 2},
		{"package clause skipped", "package main\n\nint 5", "5 // int\n", "", 0},
		{"meta command", ":vars\nint 1", "n  *nnlib.Network\nx  int\n1 // int\n", "", 0},
		{"unknown meta command fails", "int 1\n:nope", "1 // int\n", "line 2: unknown command :nope; the commands are :help :doc :vars :reset :load :save :quit\n", 2},
		{"quit stops", "int 1\n:quit\nboom", "1 // int\n", "", 0},
		{"CRLF lines", "int 1\r\nint 2\r\n", "1 // int\n2 // int\n", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, out, errw := newTestSession(t)
			err := s.runScript(context.Background(), strings.NewReader(tt.script), "")
			if err != nil {
				s.reportError(err)
			}
			var se *scriptError
			switch {
			case tt.errLine == 0 && err != nil:
				t.Fatalf("runScript: %v", err)
			case tt.errLine != 0 && (!errors.As(err, &se) || se.line != tt.errLine):
				t.Fatalf("runScript error = %v, want one at line %d", err, tt.errLine)
			}
			if out.String() != tt.out {
				t.Errorf("stdout = %q, want %q", out.String(), tt.out)
			}
			if errw.String() != tt.errs {
				t.Errorf("stderr = %q, want %q", errw.String(), tt.errs)
			}
		})
	}
}

func TestFigureWritten(t *testing.T) {
	s, _, out, _ := newTestSession(t)
	if err := s.runScript(context.Background(), strings.NewReader("png\npng\n"), ""); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"fig-1.png", "fig-2.png"} {
		p := filepath.Join(s.plotsDir, n)
		b, err := os.ReadFile(p)
		if err != nil || string(b) != "\x89PNG fake" {
			t.Errorf("%s: %q, %v", n, b, err)
		}
		if !strings.Contains(out.String(), "Figure(loss, 640×480) → "+p+"\n") {
			t.Errorf("output %q does not name %s", out.String(), p)
		}
	}
}

func TestSaveAndLoad(t *testing.T) {
	s, f, out, _ := newTestSession(t)
	ctx := context.Background()
	for _, c := range []string{"int 1", "boom", "f {\n\tint 2\n}"} {
		s.execute(ctx, c)
	}
	path := filepath.Join(t.TempDir(), "s.go")
	if err := s.meta(ctx, ":save "+path); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(path)
	if strings.Contains(string(src), "boom") || !strings.Contains(string(src), "int 1\n\nf {\n\tint 2\n}\n") {
		t.Errorf("saved script:\n%s", src)
	}
	f.ran = nil
	if err := s.meta(ctx, ":load "+path); err != nil {
		t.Fatal(err)
	}
	if want := []string{"int 1", "f {\n\tint 2\n}"}; strings.Join(f.ran, "|") != strings.Join(want, "|") {
		t.Errorf(":load ran %q, want %q", f.ran, want)
	}
	_ = out

	nb := filepath.Join(t.TempDir(), "n.ipynb")
	os.WriteFile(nb, []byte(`{"cells":[{"cell_type":"markdown","source":"# hi"},{"cell_type":"code","source":["int 7\n","int 8"]},{"cell_type":"code","source":"boom"}],"nbformat":4}`), 0o644)
	f.ran = nil
	err := s.meta(ctx, ":load "+nb)
	if err == nil || !strings.Contains(err.Error(), "code cell 2, line 1: undefined: boom") {
		t.Errorf(":load notebook error = %v", err)
	}
	if len(f.ran) != 2 || f.ran[0] != "int 7\nint 8" {
		t.Errorf(":load notebook ran %q", f.ran)
	}
}

func TestMetaCommands(t *testing.T) {
	tests := []struct {
		line, out, err string
	}{
		{":vars", "n  *nnlib.Network\nx  int\n", ""},
		{":doc nnlib.XOR", "XOR returns the four XOR samples.\n", ""},
		{":doc XOR", "XOR returns the four XOR samples.\n", ""},
		{":doc Nope", "", "no documentation for Nope"},
		{":doc n.Fit", "func (n *Network) Fit(...)", ""},
		{":doc", "", ":doc needs a name"},
		{":reset", "session reset", ""},
		{":frobnicate", "", "unknown command :frobnicate; the commands are :help :doc :vars :reset :load :save :quit"},
		{":load", "", ":load needs a file name"},
		{":save", "", ":save needs a file name"},
		{":help", "nnlib.WorkedExample()", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			s, _, out, _ := newTestSession(t)
			err := s.meta(context.Background(), tt.line)
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("error = %v, want %q", err, tt.err)
			}
			if !strings.Contains(out.String(), tt.out) {
				t.Errorf("output = %q, want it to contain %q", out.String(), tt.out)
			}
		})
	}
}

func TestHelpTourIsFiveLines(t *testing.T) {
	if n := len(strings.Split(tour, "\n")); n != 5 {
		t.Errorf("the tour has %d lines, want 5", n)
	}
}

func TestBannerAtMostThreeLines(t *testing.T) {
	s, _, _, _ := newTestSession(t)
	if b := s.banner(); strings.Count(b, "\n") > 3 || !strings.Contains(b, kernel.Version) || !strings.Contains(b, ":help") {
		t.Errorf("banner:\n%s", b)
	}
}

func TestCompleterRunes(t *testing.T) {
	s, _, _, _ := newTestSession(t)
	c := &completer{s: s}
	tests := []struct {
		line    string
		pos     int // in runes; -1 for the end
		pending string
		want    []string
		length  int
	}{
		{"n := nnlib.Wor", -1, "", []string{"kedExample", "kedInput"}, 3},
		{"x := \"äöü\"; nnlib.X", -1, "", []string{"OR"}, 1},
		{"π", -1, "", []string{"r", "θ"}, 1},
		{"nnlib.Wor + 1", 9, "", []string{"kedExample", "kedInput"}, 3},
		{"    ", -1, "for {", []string{indentUnit}, 0},
		{"  y := X", -1, "for {\n  é := 1", []string{"OR"}, 1},
		{":lo", -1, "", []string{"ad "}, 3},
		{":doc nnlib.Wo", -1, "", []string{"rkedExample", "rkedInput"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			c.setPending(tt.pending)
			r := []rune(tt.line)
			pos := tt.pos
			if pos < 0 {
				pos = len(r)
			}
			got, length := c.Do(r, pos)
			var gs []string
			for _, g := range got {
				gs = append(gs, string(g))
			}
			if strings.Join(gs, ",") != strings.Join(tt.want, ",") || length != tt.length {
				t.Errorf("Do(%q, %d) = %q, %d; want %q, %d", tt.line, pos, gs, length, tt.want, tt.length)
			}
		})
	}
}

func TestCompleteFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "train.go"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "tour.ipynb"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	got, n := completeFile(dir+"/t", true)
	if len(got) != 2 || n != 1 {
		t.Errorf("completeFile = %q, %d", got, n)
	}
	got, _ = completeFile(dir+"/", true)
	var names []string
	for _, g := range got {
		names = append(names, string(g))
	}
	if strings.Join(names, ",") != "sub/,tour.ipynb,train.go" {
		t.Errorf("completeFile(dir/) = %q", names)
	}
}

func TestNewlinePainter(t *testing.T) {
	in := []rune("for {\n\tx++\n}\n")
	got := newlinePainter{}.Paint(in, 0)
	if string(got) != "for {↵\tx++↵}\n" || len(got) != len(in) || string(in) != "for {\n\tx++\n}\n" {
		t.Errorf("Paint = %q (input now %q)", string(got), string(in))
	}
}

func TestHistoryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hist")
	h := loadHistory(path)
	for _, e := range []string{"x := 1", "for i := 0; i < 3; i++ {\n\tfmt.Println(\"a\\nb\", i)\n}", "x := 1", "x := 1", ""} {
		h.add(e)
	}
	h2 := loadHistory(path)
	want := []string{"x := 1", "for i := 0; i < 3; i++ {\n\tfmt.Println(\"a\\nb\", i)\n}", "x := 1"}
	if strings.Join(h2.items, "|") != strings.Join(want, "|") {
		t.Errorf("reloaded history %q, want %q", h2.items, want)
	}
	b, _ := os.ReadFile(path)
	if strings.Count(string(b), "\n") != 3 {
		t.Errorf("history file has %d lines, want 3 (one per entry):\n%s", strings.Count(string(b), "\n"), b)
	}
}

func TestHistoryLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hist")
	var b strings.Builder
	for i := 0; i < 2*historyLimit+10; i++ {
		b.WriteString("e" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "\n")
	}
	os.WriteFile(path, []byte(b.String()), 0o600)
	h := loadHistory(path)
	if len(h.items) != historyLimit {
		t.Errorf("%d items, want %d", len(h.items), historyLimit)
	}
	data, _ := os.ReadFile(path)
	if n := strings.Count(string(data), "\n"); n != historyLimit {
		t.Errorf("file rewritten with %d lines, want %d", n, historyLimit)
	}
}

func TestParseMeta(t *testing.T) {
	tests := []struct {
		line, name, arg string
		known, ok       bool
	}{
		{":help", "help", "", true, true},
		{"  :Q  ", "quit", "", true, true},
		{":load  my.go ", "load", "my.go", true, true},
		{`:save "a b.go"`, "save", "a b.go", true, true},
		{`:save "unterminated`, "save", `"unterminated`, true, true},
		{":doc\tnnlib.New", "doc", "nnlib.New", true, true},
		{":zap x", "zap", "x", false, true},
		{"x := 1", "", "", false, false},
		{":", "", "", false, true},
	}
	for _, tt := range tests {
		name, arg, known, ok := parseMeta(tt.line)
		if name != tt.name || arg != tt.arg || known != tt.known || ok != tt.ok {
			t.Errorf("parseMeta(%q) = %q, %q, %v, %v; want %q, %q, %v, %v", tt.line, name, arg, known, ok, tt.name, tt.arg, tt.known, tt.ok)
		}
	}
}

func TestMainFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--bogus"}, 2, `nnbook: unknown flag "-bogus"; run 'nnbook help'`},
		{[]string{"--inline=sixel"}, 2, "kitty or iterm"},
		{[]string{"extra"}, 2, `nnbook: unknown command "extra"; run 'nnbook help'`},
		{[]string{"-h"}, 0, ""},
	}
	for _, tt := range tests {
		var out, errw bytes.Buffer
		if code := Main(tt.args, strings.NewReader(""), &out, &errw); code != tt.code || !strings.Contains(errw.String(), tt.err) {
			t.Errorf("Main(%q) = %d, stderr %q; want %d, %q", tt.args, code, errw.String(), tt.code, tt.err)
		}
	}
}

func TestInline(t *testing.T) {
	var b bytes.Buffer
	png := bytes.Repeat([]byte{1, 2, 3}, 5000)
	writeInline(&b, "kitty", png)
	if s := b.String(); !strings.HasPrefix(s, "\033_Ga=T,f=100,m=1;") || !strings.Contains(s, "\033_Gm=0;") {
		t.Errorf("kitty sequence starts %q", s[:min(40, len(s))])
	}
	b.Reset()
	writeInline(&b, "iterm", png)
	if s := b.String(); !strings.HasPrefix(s, "\033]1337;File=inline=1;size=15000;") {
		t.Errorf("iTerm2 sequence starts %q", s[:40])
	}
}

func TestShowSource(t *testing.T) {
	s, _, _, errw := newTestSession(t)
	s.showSource("x := 1\n\ty := ä + )", &kernel.CellError{Name: "CompileError", Value: "expected operand", Line: 2, Col: 11})
	if want := "    \ty := ä + )\n    \t         ^\n"; errw.String() != want {
		t.Errorf("showSource wrote %q, want %q", errw.String(), want)
	}
	errw.Reset()
	s.showSource("x", &kernel.CellError{Name: "Panic", Value: "boom", Line: 1, Col: 1})
	if errw.Len() != 0 {
		t.Errorf("showSource showed a panic: %q", errw.String())
	}
}

func TestDedent(t *testing.T) {
	tests := []struct {
		pending, line string
		key           rune
		want          string // "" when unchanged
	}{
		{"for {", "    }", '}', "}"},
		{"f(", "        )", ')', "    )"},
		{"for {", "    x}", '}', ""},
		{"", "    }", '}', ""},
		{"for {", "  }", '}', ""},
	}
	for _, tt := range tests {
		r := []rune(tt.line)
		got, pos, ok := dedent(tt.pending, r, len(r), tt.key)
		if ok != (tt.want != "") || ok && (string(got) != tt.want || pos != len([]rune(tt.want))) {
			t.Errorf("dedent(%q, %q) = %q, %d, %v; want %q", tt.pending, tt.line, string(got), pos, ok, tt.want)
		}
	}
}

func TestQuitInLoadedFile(t *testing.T) {
	s, f, _, _ := newTestSession(t)
	path := filepath.Join(t.TempDir(), "q.go")
	os.WriteFile(path, []byte("int 1\n:quit\nint 2\n"), 0o644)
	if err := s.meta(context.Background(), ":load "+path); err != nil {
		t.Fatal(err)
	}
	if s.quit || len(f.ran) != 1 {
		t.Errorf("after :load of a file with :quit: quit=%v, ran %q", s.quit, f.ran)
	}
}
