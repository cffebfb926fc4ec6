package kernel

import (
	"go/token"
	"strings"
)

// IsComplete says whether code is ready to run: "complete", "incomplete"
// (an open brace, paren or bracket, an unterminated raw string or comment, a
// trailing operator, or a statement the parser needs more of at the end of
// the input; a compiled cell until an empty line) with the indent to
// continue with, or "invalid" (a syntax error
// before the end). Empty input is complete. It uses go/scanner and go/parser
// positions, never error texts.
func (e *Engine) IsComplete(code string) (status string, indent string) {
	return isComplete(code)
}

func isComplete(code string) (string, string) {
	trimmed := strings.TrimRight(code, " \t\r\n")
	if trimmed == "" {
		return "complete", ""
	}
	if compiledCellOpen(code) {
		return "incomplete", ""
	}
	toks, serr := scanAll(code)
	var stack []token.Token
	mismatch := false
	for _, t := range toks {
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			stack = append(stack, t.tok)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) == 0 || closer(stack[len(stack)-1]) != t.tok {
				mismatch = true
			} else {
				stack = stack[:len(stack)-1]
			}
		}
	}
	indent := strings.Repeat("\t", len(stack))
	if serr != nil {
		// An error at the very end (raw string or comment running to EOF)
		// wants more input; one before the end is a mistake.
		if serr.off >= len(trimmed) || unterminatedAtEOF(code, serr.off) {
			return "incomplete", indent
		}
		return "invalid", ""
	}
	if mismatch {
		return "invalid", ""
	}
	if len(stack) > 0 {
		return "incomplete", indent
	}
	// A trailing operator or keyword that cannot end a statement.
	last := lastSignificant(toks)
	if last != nil && !canEndStatement(last.tok) {
		return "incomplete", "\t"
	}
	// Parse; an error at the end of the input means the statement is unfinished.
	e := &Engine{imports: map[string]string{}}
	if _, cerr := e.plan(code); cerr != nil {
		off := offsetOf(code, cerr.Line, 1)
		// cerr.Col is in runes; convert back to bytes on that line.
		off = offsetOf(code, cerr.Line, 1) + runeToByte(code[off:], cerr.Col-1)
		if off >= len(trimmed) {
			return "incomplete", ""
		}
		return "invalid", ""
	}
	return "complete", ""
}

func closer(open token.Token) token.Token {
	switch open {
	case token.LPAREN:
		return token.RPAREN
	case token.LBRACK:
		return token.RBRACK
	}
	return token.RBRACE
}

// unterminatedAtEOF reports whether the literal or comment starting at off
// runs to the end of the input (a raw string or block comment).
func unterminatedAtEOF(code string, off int) bool {
	if off >= len(code) {
		return true
	}
	rest := code[off:]
	if strings.HasPrefix(rest, "`") {
		return !strings.Contains(rest[1:], "`")
	}
	if strings.HasPrefix(rest, "/*") {
		return !strings.Contains(rest[2:], "*/")
	}
	return false
}

func lastSignificant(toks []tok) *tok {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].tok == token.SEMICOLON && toks[i].lit == "\n" {
			continue
		}
		return &toks[i]
	}
	return nil
}

// canEndStatement lists the tokens after which Go inserts a semicolon at a
// newline (the spec's rule), plus an explicit semicolon.
func canEndStatement(t token.Token) bool {
	switch t {
	case token.IDENT, token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING,
		token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN,
		token.INC, token.DEC, token.RPAREN, token.RBRACK, token.RBRACE, token.SEMICOLON:
		return true
	}
	return false
}
