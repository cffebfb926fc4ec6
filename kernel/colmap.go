package kernel

import (
	"go/token"
	"sort"
	"strings"

	"github.com/nnbook/nnbook/kernel/rewrite"
)

// Columns of rewritten lines. A rewrite pass that inserts text into a line
// (fmtargs wraps every argument of a print call) moves what follows to the
// right, and yaegi reports errors at the rewritten columns. The engine
// records the one-line edits of each cell's rewrite passes and maps a
// column yaegi reports back to the cell's: a position inside inserted text
// is the position of the insertion.

// colEdit is one edit of a line: at column col (1-based, in the cell's
// text) old bytes became new ones.
type colEdit struct{ col, old, new int }

// recordColEdits notes the one-line edits of a unit whose text sits at
// offset base of file (yaegi's coordinates: the cell's line + 1).
func (e *Engine) recordColEdits(text string, file *token.File, base int, edits []rewrite.Edit) {
	if file == nil {
		return
	}
	if e.colEdits == nil {
		e.colEdits = map[int][]colEdit{}
	}
	// A unit planned again (a statement of a unit that runSplit runs
	// alone) brings edits already recorded: an edit is added only as many
	// times as this unit has it beyond what the line already holds.
	seen := map[int]map[colEdit]int{}
	for _, ed := range edits {
		if ed.Off < 0 || ed.End > len(text) || strings.Contains(text[ed.Off:ed.End], "\n") || strings.Contains(ed.New, "\n") {
			continue
		}
		if ed.End-ed.Off == len(ed.New) || base+ed.Off > file.Size() {
			continue
		}
		p := file.Position(file.Pos(base + ed.Off))
		c := colEdit{p.Column, ed.End - ed.Off, len(ed.New)}
		if seen[p.Line] == nil {
			seen[p.Line] = map[colEdit]int{}
		}
		seen[p.Line][c]++
		have := 0
		for _, o := range e.colEdits[p.Line] {
			if o == c {
				have++
			}
		}
		if have < seen[p.Line][c] {
			e.colEdits[p.Line] = append(e.colEdits[p.Line], c)
		}
	}
}

// unitCols runs record (which calls sourceEdits for one unit) and returns
// the one-line edits it recorded: the unit's own, which its errors are
// mapped with (a piece of a unit run alone, define.go, must not be shifted
// by the edits of the other statements on its line, nor twice by its own).
func (e *Engine) unitCols(record func()) map[int][]colEdit {
	saved := e.colEdits
	e.colEdits = nil
	record()
	own := e.colEdits
	e.colEdits = saved
	for l, eds := range own {
		if e.colEdits == nil {
			e.colEdits = map[int][]colEdit{}
		}
		e.colEdits[l] = append(e.colEdits[l], eds...)
	}
	if own == nil {
		own = map[int][]colEdit{}
	}
	return own
}

// origCol maps column col of line (yaegi's numbering) of the rewritten
// cell to the cell's own: with the edits of the unit whose error is being
// reported (e.errCols, set by unitError) when it has its own, else with
// those of the whole cell.
func (e *Engine) origCol(line, col int) int {
	all := e.colEdits
	if e.errCols != nil {
		all = e.errCols
	}
	eds := append([]colEdit(nil), all[line]...)
	sort.SliceStable(eds, func(i, j int) bool { return eds[i].col < eds[j].col })
	shift := 0
	for _, ed := range eds {
		start := ed.col + shift
		if col < start {
			break
		}
		if col < start+ed.new {
			return ed.col
		}
		shift += ed.new - ed.old
	}
	return col - shift
}
