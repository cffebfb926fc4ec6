package repl

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/nnbook/nnbook/kernel"
)

// The lines of a script's panic trace. The engine places each frame of a
// panic at a line of the entry that declared its function (each entry is
// a cell); a script's reader wants the script's lines, as go run gives
// them. A frame of the failing entry's top level (main, main.func1) is in
// that entry; a frame of a declared function (main.f, main.f.func2,
// main.(*T).M) is in the latest entry that declares it.

// frameRE reads a frame of a traceback: "    main.f at line 3:7".
var frameRE = regexp.MustCompile(`^(\s+)(\S+) at line (\d+):(\d+)$`)

// scriptFrames rewrites the frames of err's traceback, when it is a panic,
// with script lines: at is the first line of the entry that failed, decls
// the first line of each entry that ran, by its code.
func scriptFrames(err error, at int, decls map[string]int) {
	var ce *cellErr
	if !errors.As(err, &ce) || ce.Name != kernel.KindPanic {
		return
	}
	for i, t := range ce.Traceback {
		m := frameRE.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		start := at
		if re := declRE(m[2]); re != nil {
			start = 0
			for code, line := range decls {
				if line > start && re.MatchString(code) {
					start = line
				}
			}
			if start == 0 {
				continue // not declared by the script: leave it
			}
		}
		var line int
		fmt.Sscan(m[3], &line)
		ce.Traceback[i] = fmt.Sprintf("%s%s at line %d:%s", m[1], m[2], start+line-1, m[4])
	}
}

// declRE returns a pattern matching the declaration of the function of a
// frame named fn (main.f, main.f.func1, main.(*T).M, main.T.M.2), or nil
// for the top level of an entry (main, main.func1).
func declRE(fn string) *regexp.Regexp {
	name := strings.ReplaceAll(strings.TrimPrefix(fn, "main."), "[...]", "")
	if fn == "main" || isLiteral(strings.Split(name, ".")[0]) {
		return nil
	}
	recv := ""
	if strings.HasPrefix(name, "(*") {
		r, rest, ok := strings.Cut(name[2:], ").")
		if !ok {
			return nil
		}
		recv, name = r, rest
	} else if parts := strings.Split(name, "."); len(parts) > 1 && !isLiteral(parts[1]) {
		recv, name = parts[0], strings.Join(parts[1:], ".")
	}
	name, _, _ = strings.Cut(name, ".")
	if recv == "" {
		return regexp.MustCompile(`(?m)^func\s+` + regexp.QuoteMeta(name) + `\s*[\[(]`)
	}
	return regexp.MustCompile(`(?m)^func\s*\(\s*(\w+\s+)?\*?\s*` + regexp.QuoteMeta(recv) + `\s*(\[[^\]]*\])?\s*\)\s*` + regexp.QuoteMeta(name) + `\s*[\[(]`)
}

// isLiteral reports whether a part of a function's name names a function
// literal: func1, 2.
func isLiteral(part string) bool {
	part = strings.TrimPrefix(part, "func")
	if part == "" {
		return false
	}
	for _, r := range part {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
