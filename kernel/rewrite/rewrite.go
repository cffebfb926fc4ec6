package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"
)

// Edit replaces Text[Off:End] of a unit with New (an insertion when Off ==
// End).
type Edit struct {
	Off, End int
	New      string
}

// Unit is the source one pass rewrites: Text is a piece of a cell, parsed
// inside a wrapper (File, with positions in Tok) at byte offset Base.
type Unit struct {
	Text string
	File *ast.File
	Tok  *token.File
	Base int
}

// Off returns the offset in Text of position p of File.
func (u *Unit) Off(p token.Pos) int { return u.Tok.Offset(p) - u.Base }

// Session answers what the passes need to know about the session the unit
// runs in.
type Session interface {
	// Declared reports whether a cell of the session defined name (which
	// then shadows a builtin or package of that name).
	Declared(name string) bool
	// Integer reports whether name is a variable or constant of the session
	// holding an integer.
	Integer(name string) bool
	// IntegerType reports whether name is a type a cell declared whose
	// underlying type is an integer (type Count int).
	IntegerType(name string) bool
	// VarTypeName names the cell type of the session variable name
	// ("Count"), when the source that defined it showed it; "" otherwise.
	VarTypeName(name string) string
	// Constant returns the value of the untyped float constant name of the
	// compiled package the session imports as pkg, as a Go literal.
	Constant(pkg, name string) (literal string, ok bool)
	// Func returns the declaration (maybe without body) of the function
	// name a cell declared (or the cell being planned declares), or nil.
	Func(name string) *ast.FuncDecl
	// PackageFunc returns the declaration of the function name of the
	// interpreted standard package the session imports as pkg, or nil.
	PackageFunc(pkg, name string) *ast.FuncDecl
	// CellVarType reports whether the cell being planned defines the
	// variable name before the unit (then the session's variable of that
	// name is not the one the unit reads), and the type its source gives
	// it, as Go source, when the source shows one.
	CellVarType(name string) (typ string, defined bool)
	// Builtin reports whether calls of the builtin name (min, max, clear,
	// panic or recover) are rewritten in the cell being planned.
	Builtin(name string) bool
	// MethodDecl returns the declaration of method of the type typ as a
	// cell wrote it ("func (b Box) Get() int { … }"), or "" when no cell
	// declared one.
	MethodDecl(typ, method string) string
	// TypeOf returns the type of the session's function or variable name,
	// or of a package member ("strings.Lines"), as Go source ("func(n int)
	// iter.Seq[int]"), or "" when it is unknown.
	TypeOf(name string) string
	// VarType returns the type of the session variable name (defined by an
	// earlier cell), or nil when name is not one the unit may read as
	// written.
	VarType(name string) reflect.Type
	// Package returns the go/types package the unit refers to as name (a
	// package the session or the cell imports under that name, when no
	// cell defined name), made on first use; nil when name is none.
	Package(name string) *types.Package
	// GoType returns the go/types type of a named type of a compiled
	// package (time.Time), as Package's packages have it, or nil for any
	// other type.
	GoType(t reflect.Type) types.Type
	// TypeDecl returns the declaration of the type name an earlier cell
	// declared, as written after the keyword type ("Node struct{ Val int
	// }"), or "".
	TypeDecl(name string) string
	// HasMethod reports whether a cell declared a method called name, on
	// any type.
	HasMethod(name string) bool
}

// Pass is one rewrite: Edits returns its edits of a unit, which must not
// overlap each other.
type Pass struct {
	Name  string // the pass's file name without .go, as listed in the package doc
	What  string // one line: what yaegi gets wrong that the pass rewrites
	Edits func(s Session, u *Unit) []Edit
}

// Passes is every source rewrite, in the order they are made.
var Passes = []Pass{
	{"loopvar", "loop variables captured in the body get one copy per iteration (Go 1.22); a statement at a cell's top level that declares something in its blocks runs inside a function literal, so those names are the block's", loopVarEdits},
	{"gostmt", "a go statement runs through the engine's helper, which recovers its panic and names it when an interrupt cannot stop it", goStmtEdits},
	{"deferbind", "a defer statement binds its function value, receiver and arguments when it runs", deferBindEdits},
	{"methodvalue", "a method value copies its receiver when evaluated; a method expression becomes a function literal", methodValueEdits},
	{"rangeint", "range over an integer becomes a three-clause loop", rangeIntEdits},
	{"rangefunc", "range over a function becomes a call of the iterator with the body as its yield function", rangeFuncEdits},
	{"mapindex", "a comma-ok map read that misses sets the zero value", mapIndexEdits},
	{"constlit", "untyped float constants of compiled packages in constant declarations are written as their values", constLitEdits},
	{"fieldtags", "unexported fields of struct types get the tags json:\"-\" and xml:\"-\" (yaegi exports them under an X prefix)", fieldTagEdits},
	{"coretypes", "a type parameter constrained by ~map[K]V or ~[]E and used only as a parameter's type becomes that type", coreTypeEdits},
	{"typeargs", "a generic call gets its type arguments written out when Go's inference from the arguments' written types gives them all (yaegi infers by position)", typeArgEdits},
	{"bounds", "index and slice expressions check their bounds first and panic with Go's runtime error", boundsEdits},
	{"builtins", "the builtins min, max and clear call the session's helpers", builtinEdits},
	{"panics", "panic(v) keeps the line of the call; recover() returns what Go's would: the value passed to panic, a runtime.Error for a run-time panic", panicsEdits},
	{"vargeneric", "var x = min(…) inside functions becomes x := min(…)", varGenericEdits},
	{"errorconv", "error(x), var e error = x and errors.Join's arguments make a cell value an error through the engine's helper", errorConvEdits},
	{"errorequal", "a comparison of err or a sentinel ErrX with another value compares the cell errors inside yaegi's wrappers", errorEqualEdits},
	{"errorassert", "a type assertion of a value the code shows is an error asserts on the cell value made whole", errorAssertEdits},
	{"typeswitch", "a type switch with a case error, or on an error, becomes an expression switch whose error cases the engine's helpers decide", typeSwitchEdits},
	{"errorself", "a method Error gets a hidden twin that returns its receiver, so that errors.As and errors.Is see a struct value whole", errorSelfEdits},
	{"mainrename", "identifiers named main are renamed, so that yaegi never runs a func main by itself", mainEdits},
	{"anyequal", "a comparison of a value the code shows is an any, and a key of a map with keys of type any, use the cell values inside yaegi's pairs", anyEqualEdits},
	{"fmtargs", "the arguments of fmt's print functions carry their cell types, so fmt prints them as Go does", fmtArgsEdits},
	{"faults", "an integer division, an assignment to a map and a pointer dereference check their operand first, so that the panic names their line", faultEdits},
	{"switchcases", "a case of a switch without a tag that lists several conditions tests them all: the commas become ||", switchCaseEdits},
	{"constfold", "a typed constant declared with literals, iota and arithmetic gets its integer value written out (yaegi keeps it untyped, or loops); in a declaration with a spec of several names, iota is written as its value and repeated specs are written out", constFoldEdits},
	{"unions", "a union written as a type parameter's constraint (T Integer | Float) becomes an interface, which yaegi checks whole", unionEdits},
	{"results", "named results start from their zero values at every call (yaegi starts them from the last call's values at a call site in a loop)", resultEdits},
	{"fallthrough", "an empty case reached by a fallthrough gets an empty block (yaegi's compiler panics on it)", fallthroughEdits},
	{"parallel", "an assignment of several values to names of which one may be an interface, or of nil with other values, assigns them one at a time (yaegi drops some, or panics)", parallelEdits},
	{"fieldvalue", "the value of an assignment to a field that is an operation gets parentheses (yaegi silently ended the program when the field was an interface of a compiled struct)", fieldValueEdits},
	{"rangechans", "a range over a slice or map of channels ranges over its keys and reads each element (yaegi's range panicked)", rangeChanEdits},
	{"errorappend", "a cell value appended to a []error is made an error by a function's return (yaegi's wrapper kept the loop's variable: every element the last value)", errorAppendEdits},
	{"shiftconst", "the untyped constant shifted by a variable gets the type of the other operand, as in Go (w&(1<<i) with w a uint64; yaegi made it an int and panicked)", shiftConstEdits},
	{"anyconv", "the conversion any(x), and a composite literal an any gets by a declaration, an assignment or a return, keep the type of a cell value, as an argument of type any does", anyConvEdits},
	{"typeassert", "a comma-ok type assertion to a cell type tells cell types with methods apart, as the engine's CaseIs does for a type switch", typeAssertEdits},
	{"printstderr", "the builtins print and println write to the cell's stderr, formatted as Go's runtime does", printStderrEdits},
	{"zeroresults", "a function declaration's results start at their zero values on every call (yaegi starts them with the value its call site last got)", zeroResultEdits},
	{"deferguard", "a deferred function literal that panics lets the function's other deferred calls run and recover its panic, through the engine's guard", deferGuardEdits},
	{"ifaceassert", "a comma-ok type assertion to an interface a cell declares becomes a type switch with that case (yaegi's assertion panicked once a call had held the result)", ifaceAssertEdits},
}

// needs names, for a pass, text without which the pass has nothing to
// rewrite in a unit (its edits need one of these words or operators in the
// unit's own text), so a small cell does not pay for every pass. A pass not
// listed always runs.
var needs = map[string][]string{
	"loopvar":     {":=", "var", "const", "type"},
	"gostmt":      {"go"},
	"deferbind":   {"defer"},
	"methodvalue": {"."},
	"rangeint":    {"range"},
	"rangefunc":   {"range"},
	"mapindex":    {"["},
	"constlit":    {"const"},
	"fieldtags":   {"struct"},
	"coretypes":   {"~"},
	"bounds":      {"["},
	"builtins":    {"min", "max", "clear"},
	"panics":      {"panic", "recover"},
	"vargeneric":  {"var"},
	"errorconv":   {"=", "error"},
	"errorequal":  {"==", "!=", "switch"},
	"errorassert": {"."},
	"typeswitch":  {"switch"},
	"errorself":   {"Error"},
	"mainrename":  {"main"},
	"fmtargs":     {"fmt", "log"},
	"faults":      {"/", "%", "[", ".", "*"},
	"switchcases": {"switch"},
	"constfold":   {"const"},
	"unions":      {"|"},
	"results":     {"func"},
	"fallthrough": {"fallthrough"},
	"parallel":    {","},
	"fieldvalue":  {"."},
	"rangechans":  {"chan"},
	"errorappend": {"append"},
	"shiftconst":  {"<<", ">>"},
	"anyconv":     {"any", "interface"},
	"typeassert":  {".("},
	"anyequal":    {"==", "!=", "any", "interface"},
	"printstderr": {"print"},
	"zeroresults": {"func"},
	"deferguard":  {"defer"},
	"ifaceassert": {".("},
}

// mayEdit reports whether the pass named name may have edits for text.
func mayEdit(name, text string) bool {
	words, ok := needs[name]
	if !ok {
		return true
	}
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// OverlapError reports two edits of the same text by two passes.
type OverlapError struct {
	A, B string // the passes
	Off  int    // where in the unit's text
}

// Error names the passes and the offset.
func (e *OverlapError) Error() string {
	return fmt.Sprintf("rewrite passes %s and %s edit the same text at offset %d", e.A, e.B, e.Off)
}

// Edits runs every pass of Passes on u and returns their edits in order,
// or an *OverlapError when two of them edit the same text.
func Edits(s Session, u *Unit) ([]Edit, error) {
	var all []Edit
	var owner []string
	for _, p := range Passes {
		if !mayEdit(p.Name, u.Text) {
			continue
		}
		for _, ed := range p.Edits(s, u) {
			all = append(all, ed)
			owner = append(owner, p.Name)
		}
	}
	if i, j, ok := overlap(all); ok {
		return nil, &OverlapError{A: owner[i], B: owner[j], Off: all[j].Off}
	}
	return all, nil
}

// Check returns an error when two of edits overlap; extra edits made by the
// engine itself (type versions, redefinitions) are checked this way beside
// the passes' edits.
func Check(edits []Edit) error {
	if i, j, ok := overlap(edits); ok {
		return fmt.Errorf("edits %d [%d:%d] and %d [%d:%d] overlap", i, edits[i].Off, edits[i].End, j, edits[j].Off, edits[j].End)
	}
	return nil
}

// overlap finds two edits that change the same bytes (or one inserting
// strictly inside the text another replaces). Insertions at the same offset,
// and edits that only touch, do not overlap.
func overlap(edits []Edit) (i, j int, found bool) {
	for i := range edits {
		for j := i + 1; j < len(edits); j++ {
			a, b := edits[i], edits[j]
			if a.Off < b.End && b.Off < a.End {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// Apply applies non-overlapping edits to text; edits outside text are
// skipped. Insertions at the same offset nest: an edit later in edits wraps
// the earlier ones, so of two insertions that open (`f(`) the later comes
// first, and of two that close (text starting with ')', ']' or '}') the
// later comes last; closers come before openers. All of them come before the new text of an edit that
// replaces the text starting there.
func Apply(text string, edits []Edit) string {
	if len(edits) == 0 {
		return text
	}
	order := make([]int, len(edits))
	for i := range order {
		order[i] = i
	}
	// Edits are made from the end of text to its start; at one offset, the
	// edit made last ends up first in the text.
	sort.SliceStable(order, func(a, b int) bool {
		x, y := edits[order[a]], edits[order[b]]
		if x.Off != y.Off {
			return x.Off > y.Off
		}
		if x.End != y.End {
			return x.End > y.End
		}
		if x.Off != x.End {
			return false
		}
		// Insertions at one offset, in the order they are made: openers
		// (earliest first, so the latest ends up outermost), then closers
		// (latest first, so it ends up last).
		if cx, cy := closes(x.New), closes(y.New); cx != cy {
			return !cx
		} else if cx {
			return order[a] > order[b]
		}
		return order[a] < order[b]
	})
	for _, i := range order {
		ed := edits[i]
		if ed.Off < 0 || ed.End > len(text) || ed.Off > ed.End {
			continue
		}
		text = text[:ed.Off] + ed.New + text[ed.End:]
	}
	return text
}

// closes reports whether an inserted text closes what an insertion before
// it opened.
func closes(s string) bool {
	return s != "" && strings.ContainsRune(")]}", rune(s[0]))
}
