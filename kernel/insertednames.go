package kernel

import (
	"go/scanner"
	"go/token"
	"strings"

	"github.com/nnbook/nnbook/kernel/rewrite"
)

// A rewrite pass may write the name of a cell type in the text it inserts
// (errorself declares a method of the type Error is declared on). Type
// versions (types.go) rename the names the cell wrote; renameInserted
// renames those in the inserted text the same way, so that they name the
// version the chunk declares rather than the alias of the previous one,
// which is still in force while yaegi compiles the chunk.

// renameInserted returns edits with every cell type name in their new
// text replaced by its current versioned name.
func (ps *planState) renameInserted(edits []rewrite.Edit) []rewrite.Edit {
	if len(ps.ver) == 0 {
		return edits
	}
	out := make([]rewrite.Edit, len(edits))
	for i, ed := range edits {
		ed.New = ps.renameTypes(ed.New)
		out[i] = ed
	}
	return out
}

// renameTypes renames the cell type names of src, a fragment of Go source,
// leaving selectors (x.T) alone.
func (ps *planState) renameTypes(src string) string {
	if src == "" {
		return src
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, 0)
	var b strings.Builder
	last, prev := 0, token.ILLEGAL
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.IDENT && prev != token.PERIOD {
			if v := ps.ver[lit]; v > 0 {
				off := file.Offset(pos)
				b.WriteString(src[last:off])
				b.WriteString(versioned(lit, v))
				last = off + len(lit)
			}
		}
		prev = tok
	}
	b.WriteString(src[last:])
	return b.String()
}
