package kernel

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode/utf8"
)

// A cell is split into top-level statements with go/scanner (brackets
// balanced, statements ended by semicolons, explicit or inserted at newlines),
// each classified by its first tokens, and runs of the same kind are grouped
// into chunks that yaegi evaluates one at a time, in order.

type chunkKind int

const (
	chunkStmt    chunkKind = iota // statements, run inside yaegi's main wrapper
	chunkDecl                     // const, var, type, func declarations
	chunkImport                   // import declarations
	chunkPackage                  // a package clause (the cell is a Go file)
)

func (k chunkKind) String() string {
	switch k {
	case chunkDecl:
		return "decl"
	case chunkImport:
		return "import"
	case chunkPackage:
		return "package"
	}
	return "stmt"
}

// chunk is a byte range of the cell.
type chunk struct {
	kind     chunkKind
	off, end int // byte offsets into the cell
}

// topStmt is one top-level statement or declaration.
type topStmt struct {
	kind     chunkKind
	off, end int
}

// splitError is a scanner error at a byte offset of the cell.
type splitError struct {
	off int
	msg string
}

// splitCell returns the cell's chunks in order. Comments and blank lines
// between statements belong to no chunk.
func splitCell(code string) ([]chunk, *splitError) {
	stmts, serr := topLevel(code)
	if serr != nil {
		return nil, serr
	}
	var chunks []chunk
	for _, s := range stmts {
		if n := len(chunks); n > 0 && chunks[n-1].kind == s.kind {
			chunks[n-1].end = s.end
			continue
		}
		chunks = append(chunks, chunk{kind: s.kind, off: s.off, end: s.end})
	}
	return chunks, nil
}

type tok struct {
	off int
	tok token.Token
	lit string
}

func (t tok) end() int {
	if t.lit != "" && t.tok != token.SEMICOLON {
		return t.off + len(t.lit)
	}
	if t.tok == token.SEMICOLON {
		if t.lit == "\n" {
			return t.off // inserted at a newline or at EOF: no text of its own
		}
		return t.off + 1
	}
	return t.off + len(t.tok.String())
}

// scanAll tokenizes code; comments are skipped.
func scanAll(code string) ([]tok, *splitError) {
	toks, _, err := scanWithComments(code)
	return toks, err
}

// scanWithComments tokenizes code and returns its comments separately.
func scanWithComments(code string) ([]tok, []tok, *splitError) {
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(code))
	var first *splitError
	var s scanner.Scanner
	s.Init(file, []byte(code), func(pos token.Position, msg string) {
		if first == nil {
			first = &splitError{off: pos.Offset, msg: msg}
		}
	}, scanner.ScanComments)
	var toks, comments []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		if t == token.COMMENT {
			comments = append(comments, tok{off: file.Offset(pos), tok: t, lit: lit})
			continue
		}
		toks = append(toks, tok{off: file.Offset(pos), tok: t, lit: lit})
	}
	return toks, comments, first
}

// topLevel finds the top-level statements of code.
func topLevel(code string) ([]topStmt, *splitError) {
	toks, comments, serr := scanWithComments(code)
	if serr != nil {
		return nil, serr
	}
	var out []topStmt
	depth := 0
	start := -1 // index of the statement's first token
	flush := func(endTok int) {
		if start < 0 {
			return
		}
		st := toks[start:endTok]
		ts := topStmt{kind: classify(st), off: st[0].off, end: st[len(st)-1].end()}
		if ts.kind == chunkDecl {
			// Take in the doc comment: comments ending on the line above.
			prevEnd := 0
			if n := len(out); n > 0 {
				prevEnd = out[n-1].end
			}
			for k := len(comments) - 1; k >= 0; k-- {
				c := comments[k]
				if c.off >= ts.off || c.off < prevEnd {
					continue
				}
				between := code[c.off+len(c.lit) : ts.off]
				if strings.Count(between, "\n") > 1 || strings.TrimSpace(between) != "" {
					break
				}
				ts.off = c.off
			}
		}
		out = append(out, ts)
		start = -1
	}
	for i, t := range toks {
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if depth > 0 {
				depth--
			}
		case token.SEMICOLON:
			if depth == 0 {
				flush(i)
				continue
			}
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(toks))
	return out, nil
}

// classify decides whether a top-level statement is a declaration.
func classify(st []tok) chunkKind {
	switch st[0].tok {
	case token.PACKAGE:
		return chunkPackage
	case token.IMPORT:
		return chunkImport
	case token.TYPE, token.CONST, token.VAR:
		return chunkDecl
	case token.FUNC:
		if len(st) < 2 {
			return chunkStmt
		}
		if st[1].tok == token.IDENT {
			return chunkDecl // func Name(...)
		}
		if st[1].tok != token.LPAREN {
			return chunkStmt
		}
		// func (recv) Name(...) is a method; func (params) {...}(args) a call.
		d := 0
		for j := 1; j < len(st); j++ {
			switch st[j].tok {
			case token.LPAREN, token.LBRACK, token.LBRACE:
				d++
			case token.RPAREN, token.RBRACK, token.RBRACE:
				d--
				if d == 0 {
					if j+1 < len(st) && st[j+1].tok == token.IDENT {
						return chunkDecl
					}
					return chunkStmt
				}
			}
		}
	}
	return chunkStmt
}

// lineCol returns the 1-based line and byte column of offset off in code.
func lineCol(code string, off int) (line, col int) {
	if off > len(code) {
		off = len(code)
	}
	if off < 0 {
		off = 0
	}
	line = 1 + strings.Count(code[:off], "\n")
	col = off - strings.LastIndex(code[:off], "\n")
	return line, col
}

// offsetOf returns the byte offset of 1-based line and byte column in code,
// clamped to the code.
func offsetOf(code string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(code[off:], '\n')
		if i < 0 {
			return len(code)
		}
		off += i + 1
	}
	off += col - 1
	if off > len(code) {
		off = len(code)
	}
	if off < 0 {
		off = 0
	}
	return off
}

// runeCol converts a byte column on a line of code into a rune column.
func runeCol(code string, line, col int) int {
	start := offsetOf(code, line, 1)
	end := offsetOf(code, line, col)
	if end < start {
		return col
	}
	return utf8.RuneCountInString(code[start:end]) + 1
}

// runeToByte converts a rune offset into a byte offset of s (clamped).
func runeToByte(s string, r int) int {
	if r <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == r {
			return i
		}
		n++
	}
	return len(s)
}

// byteToRune converts a byte offset of s into a rune offset.
func byteToRune(s string, b int) int {
	if b > len(s) {
		b = len(s)
	}
	return utf8.RuneCountInString(s[:b])
}
