package repl

import (
	"strconv"
	"strings"
	"unicode"
)

// A metaCommand is one of the REPL's own commands (":help", ":load FILE").
type metaCommand struct {
	name    string   // without the colon
	aliases []string // other spellings, without the colon
	arg     string   // argument placeholder for help ("FILE"); "" for none
	short   string   // one line of help
}

// metaCommands is the table the REPL dispatches on and prints in :help.
var metaCommands = []metaCommand{
	{name: "help", aliases: []string{"h", "?"}, short: "this help and a five-line tour of nnlib"},
	{name: "doc", arg: "NAME", short: "documentation of a preloaded symbol (:doc nnlib.WorkedExample)"},
	{name: "vars", short: "the variables defined so far, with their types"},
	{name: "reset", short: "forget every definition and start a fresh session"},
	{name: "load", arg: "FILE", short: "run a .go script or the code cells of an .ipynb notebook"},
	{name: "save", arg: "FILE", short: "write this session's successful entries as a runnable script"},
	{name: "quit", aliases: []string{"q", "exit"}, short: "leave nnbook (Ctrl-D does the same)"},
}

// isMeta reports whether an input line is a meta command rather than Go:
// no Go statement starts with a colon.
func isMeta(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), ":")
}

// parseMeta splits a meta command line into its name (without the colon,
// lower-cased, aliases resolved) and its argument. The argument is trimmed;
// a double-quoted argument is unquoted with Go syntax, so a file name with
// spaces can be given as :load "my script.go". ok is false when line is not
// a meta command at all. An unknown name is returned as typed (lower-cased)
// with known false.
func parseMeta(line string) (name, arg string, known, ok bool) {
	s := strings.TrimSpace(line)
	if !strings.HasPrefix(s, ":") {
		return "", "", false, false
	}
	s = s[1:]
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		name = s
	} else {
		name, arg = s[:i], strings.TrimSpace(s[i:])
	}
	name = strings.ToLower(name)
	if strings.HasPrefix(arg, `"`) {
		if u, err := strconv.Unquote(arg); err == nil {
			arg = u
		}
	}
	for _, c := range metaCommands {
		if c.name == name {
			return name, arg, true, true
		}
		for _, a := range c.aliases {
			if a == name {
				return c.name, arg, true, true
			}
		}
	}
	return name, arg, false, true
}

// formatMeta is the inverse of parseMeta: it writes a command line that
// parses back to name and arg.
func formatMeta(name, arg string) string {
	if arg == "" {
		return ":" + name
	}
	if arg != strings.TrimSpace(arg) || strings.HasPrefix(arg, `"`) || !strconv.CanBackquote(arg) || strings.ContainsAny(arg, "\r\n") {
		return ":" + name + " " + strconv.Quote(arg)
	}
	return ":" + name + " " + arg
}

// metaNames returns ":help :doc …" for messages.
func metaNames() string {
	var b strings.Builder
	for i, c := range metaCommands {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(":" + c.name)
	}
	return b.String()
}
