package kernel

import (
	"go/token"
	"testing"

	"github.com/nnbook/nnbook/kernel/rewrite"
)

func TestOrigCol(t *testing.T) {
	// line 2: "fmt.Println(x, y)" with x and y wrapped: "A(" (2 bytes) before
	// each and ")" after each; and an identifier at col 20 renamed from 4 to
	// 8 bytes
	e := &Engine{colEdits: map[int][]colEdit{2: {
		{13, 0, 2}, {14, 0, 1}, {16, 0, 2}, {17, 0, 1}, {20, 4, 8},
	}}}
	for _, c := range []struct{ line, rewritten, want int }{
		{1, 5, 5},   // another line
		{2, 12, 12}, // before every edit
		{2, 13, 13}, // inside the first insertion: its place
		{2, 15, 13}, // x
		{2, 17, 14}, // inside ")"
		{2, 21, 16}, // y
		{2, 25, 19}, // the byte before it
		{2, 26, 20}, // the renamed identifier's first byte
		{2, 30, 20}, // inside it
		{2, 34, 24}, // after it
	} {
		if got := e.origCol(c.line, c.rewritten); got != c.want {
			t.Errorf("origCol(%d, %d) = %d, want %d", c.line, c.rewritten, got, c.want)
		}
	}
}

// TestRecordColEditsAgain checks that a unit's statement planned again
// (runSplit) does not record its edits twice, while one unit's two equal
// insertions at one place (nested __rt.IndexOf( openers) count twice.
func TestRecordColEditsAgain(t *testing.T) {
	fset := token.NewFileSet()
	header := "package main; func main() {\n"
	text := "x := f()[i][j]"
	file := fset.AddFile("cell.go", -1, len(header)+len(text)+2)
	file.SetLinesForContent([]byte(header + text + "\n}"))
	open := rewrite.Edit{Off: 5, End: 5, New: "__rt.IndexOf("}
	e := &Engine{}
	e.recordColEdits(text, file, len(header), []rewrite.Edit{open, open})
	e.recordColEdits(text, file, len(header), []rewrite.Edit{open, open}) // planned again
	if got := e.colEdits[2]; len(got) != 2 {
		t.Errorf("recorded %v, want the two insertions once", got)
	}
}
