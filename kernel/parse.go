package kernel

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"
)

// The parse stage: a chunk of the cell, wrapped so that it is a Go file,
// parsed with go/parser; syntax errors carry cell positions.

// parseChunk parses a wrapped chunk; syntax errors come back with cell
// positions (wrapper line 1 removed).
func parseChunk(code, src string, header int) (*ast.File, *token.File, *CellError) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, parser.ParseComments)
	if err != nil {
		msg := err.Error()
		line, col := 0, 0
		var el scanner.ErrorList
		if errors.As(err, &el) && len(el) > 0 {
			msg = el[0].Error()
		}
		if m := posRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			col, _ = strconv.Atoi(m[2])
			msg = msg[len(m[0]):]
		}
		line--
		if line < 1 {
			line, col = 1, 1
		}
		if n := strings.Count(code, "\n") + 1; line > n {
			line = n
			col = len(code) - strings.LastIndex(code, "\n")
		}
		return nil, nil, compileErr(code, line, col, msg)
	}
	return f, fset.File(f.Pos()), nil
}

func compileErr(code string, line, col int, msg string) *CellError {
	ce := &CellError{Name: KindCompile, Value: msg, Line: line, Col: runeCol(code, line, col)}
	ce.Traceback = []string{ce.Error()}
	return ce
}
