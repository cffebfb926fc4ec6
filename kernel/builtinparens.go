package kernel

import (
	"go/token"
)

// Parenthesized builtins.
//
// Go accepts a builtin function's name in parentheses where it is called,
// `(max)(a, b)`, `(len)(s)`; yaegi v0.16.1 answers "use of builtin len not
// in function call", and the engine's own rewrites of min, max, clear, panic
// and recover look for the bare name. Since `(f)(x)` means `f(x)` whatever f
// names, the parentheses around such a name are replaced by spaces before
// the cell is planned: every byte keeps its line and column, so positions in
// messages stay the user's.

// universeFuncs are Go's builtin functions.
var universeFuncs = map[string]bool{
	"append": true, "cap": true, "clear": true, "close": true, "complex": true,
	"copy": true, "delete": true, "imag": true, "len": true, "make": true,
	"max": true, "min": true, "new": true, "panic": true, "print": true,
	"println": true, "real": true, "recover": true,
}

// unparenBuiltins returns code with the parentheses around a builtin
// function's name in call position replaced by spaces: `(max)(a, b)`
// becomes ` max (a, b)`. Parentheses that are a call's or a function
// type's or an assertion's (`f(len)(x)`, `func(len)(T)`, `x.(len)(y)`) are
// left alone.
func unparenBuiltins(code string) string {
	toks, err := scanAll(code)
	if err != nil {
		return code
	}
	var b []byte
	for i, t := range toks {
		if t.tok != token.IDENT || !universeFuncs[t.lit] {
			continue
		}
		k := 0
		for i-1-k >= 0 && i+1+k < len(toks) && toks[i-1-k].tok == token.LPAREN && toks[i+1+k].tok == token.RPAREN {
			k++
		}
		if k == 0 || i+1+k >= len(toks) || toks[i+1+k].tok != token.LPAREN {
			continue
		}
		if open := i - k; open > 0 && endsOperand(toks[open-1].tok) {
			continue // the first parenthesis is a call's or a signature's
		}
		if b == nil {
			b = []byte(code)
		}
		for j := 1; j <= k; j++ {
			b[toks[i-j].off] = ' '
			b[toks[i+j].off] = ' '
		}
	}
	if b == nil {
		return code
	}
	return string(b)
}

// endsOperand reports whether a parenthesis after tok opens a call's
// arguments, a function type's parameters or an assertion's type rather
// than a group.
func endsOperand(tok token.Token) bool {
	switch tok {
	case token.IDENT, token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING,
		token.RPAREN, token.RBRACK, token.RBRACE, token.FUNC, token.PERIOD:
		return true
	}
	return false
}
