package kernel

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/nnbook/nnbook/kernel/internal/docgen"
	"github.com/nnbook/nnbook/kernel/stdgeneric"
	"github.com/nnbook/nnbook/kernel/symbols"
	"github.com/traefik/yaegi/stdlib"
)

// funcSignature returns "func f(a int) int" and the func's doc comment.
func funcSignature(fd *ast.FuncDecl) string {
	d := *fd
	d.Body = nil
	d.Doc = nil
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), &d); err != nil {
		return "func " + fd.Name.Name
	}
	s := b.String()
	if fd.Doc != nil {
		s += "\n\n" + strings.TrimSpace(fd.Doc.Text())
	}
	return s
}

var keywords = []string{
	"break", "case", "chan", "const", "continue", "default", "defer", "else",
	"fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
	"map", "package", "range", "return", "select", "struct", "switch", "type", "var",
}

var predeclared = []string{
	"any", "append", "bool", "byte", "cap", "clear", "close", "complex", "complex128",
	"complex64", "copy", "delete", "error", "false", "float32", "float64", "imag",
	"int", "int16", "int32", "int64", "int8", "iota", "len", "make", "max", "min",
	"new", "nil", "panic", "print", "println", "real", "recover", "rune", "string",
	"true", "uint", "uint16", "uint32", "uint64", "uint8", "uintptr",
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordAt finds the identifier around rune offset cursor: its start, the end
// of the part before the cursor, its end (rune offsets), and the selector
// chain before it ("net" for "net.Fi|", "a.b" for "a.b.c|").
func wordAt(code string, cursor int) (start, end int, word, chain string) {
	rs := []rune(code)
	if cursor > len(rs) {
		cursor = len(rs)
	}
	if cursor < 0 {
		cursor = 0
	}
	start = cursor
	for start > 0 && isIdentRune(rs[start-1]) {
		start--
	}
	end = cursor
	for end < len(rs) && isIdentRune(rs[end]) {
		end++
	}
	word = string(rs[start:end])
	// Walk back over ".ident" links.
	i := start
	var parts []string
	for i > 0 && rs[i-1] == '.' {
		j := i - 1
		k := j
		for k > 0 && isIdentRune(rs[k-1]) {
			k--
		}
		if k == j {
			break
		}
		parts = append([]string{string(rs[k:j])}, parts...)
		i = k
	}
	return start, end, word, strings.Join(parts, ".")
}

// Complete returns the names that can complete the identifier before cursor
// (a rune offset), and the rune range [start, end) they replace: package
// members after "pkg.", fields and methods after "variable.", otherwise
// names from earlier cells, imported packages, keywords and builtins.
func (e *Engine) Complete(code string, cursor int) (matches []string, start, end int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	start, _, word, chain := wordAt(code, cursor)
	if cursor > len([]rune(code)) {
		cursor = len([]rune(code))
	}
	end = cursor
	prefix := string([]rune(word)[:cursor-start])
	var cands []string
	rs := []rune(code)
	if chain != "" {
		cands = e.members(chain)
	} else if start > 0 && rs[start-1] == '.' {
		// After "f()." or "x[i].": the type is the compiler's to know.
		return nil, start, end
	} else {
		cands = append(cands, keywords...)
		cands = append(cands, predeclared...)
		for n := range e.names {
			cands = append(cands, n)
		}
		for n := range e.imports {
			cands = append(cands, n)
		}
	}
	seen := map[string]bool{}
	for _, c := range cands {
		if strings.HasPrefix(c, prefix) && !seen[c] && !strings.HasPrefix(c, "__") {
			seen[c] = true
			matches = append(matches, c)
		}
	}
	sort.Strings(matches)
	return matches, start, end
}

// members lists what can follow "chain.".
func (e *Engine) members(chain string) []string {
	if p, ok := e.imports[chain]; ok {
		var out []string
		for name := range packageSymbols(p) {
			if ast.IsExported(name) && !strings.HasPrefix(name, "_") {
				out = append(out, name)
			}
		}
		return out
	}
	root, _, _ := strings.Cut(chain, ".")
	if !e.declared(root) || e.names[root] != nameVar {
		return nil
	}
	e.quiesce(50 * time.Millisecond)
	v, err := e.eval(chain)
	if err != nil || !v.IsValid() {
		return nil
	}
	out := typeMembers(v.Type())
	if chain == root {
		out = append(out, e.methods[strings.TrimPrefix(e.varType[root], "*")]...)
	}
	return out
}

// typeMembers lists exported methods of t and *t and the fields of a struct
// (all fields for cell types, whose methods the caller adds).
func typeMembers(t reflect.Type) []string {
	var out []string
	add := func(t reflect.Type) {
		for i := 0; i < t.NumMethod(); i++ {
			out = append(out, t.Method(i).Name)
		}
	}
	add(t)
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		add(reflect.PointerTo(t))
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for i := 0; i < st.NumField(); i++ {
			f := st.Field(i)
			if f.IsExported() || st.PkgPath() == "" {
				out = append(out, f.Name)
			}
		}
	}
	return out
}

// packageSymbols returns the compiled symbols of an import path.
func packageSymbols(p string) map[string]reflect.Value {
	name, _ := pkgName(p)
	key := p + "/" + name
	if s, ok := symbols.Symbols[key]; ok {
		return s
	}
	return stdgeneric.Table(p)
}

// Inspect returns the declaration and doc comment of the identifier at cursor
// (a rune offset): "nnlib.WorkedExample", "fmt.Println", a method of a
// variable's type ("net.Fit"), a variable (its type), or a func of a cell.
func (e *Engine) Inspect(code string, cursor int) (text string, found bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, _, word, chain := wordAt(code, cursor)
	if word == "" {
		// Just after "f(": inspect f.
		rs := []rune(code)
		c := cursor
		if c > len(rs) {
			c = len(rs)
		}
		for c > 0 && (rs[c-1] == '(' || rs[c-1] == ' ') {
			c--
		}
		if c == cursor {
			return "", false
		}
		_, _, word, chain = wordAt(code, c)
		if word == "" {
			return "", false
		}
	}
	e.quiesce(50 * time.Millisecond)
	if chain == "" {
		if sig, ok := e.funcs[word]; ok {
			return sig, true
		}
		if e.names[word] == nameVar && e.declared(word) {
			if v, err := e.eval(word); err == nil && v.IsValid() {
				t := e.listedType(word, v)
				s := word + " " + t
				if d, ok := e.doc(strings.TrimLeft(t, "*[]")); ok {
					s += "\n\n" + d
				}
				return s, true
			}
		}
		if p, ok := e.imports[word]; ok {
			return "package " + path.Base(p) + " // import " + `"` + p + `"`, true
		}
		if src, ok := e.typeSrc[word]; ok && e.names[word] == nameType {
			s := "type " + src
			var ms []string
			for m := range e.methodSrc[word] {
				if sig, ok := e.funcs[word+"."+m]; ok {
					sig, _, _ = strings.Cut(sig, "\n")
					ms = append(ms, sig)
				}
			}
			sort.Strings(ms)
			if len(ms) > 0 {
				s += "\n\n" + strings.Join(ms, "\n")
			}
			return s, true
		}
		if !e.declared(word) {
			if docs := stdDocs("builtin"); docs != nil {
				if d, ok := docs["builtin."+word]; ok {
					return d, true
				}
			}
		}
		return "", false
	}
	if _, ok := e.imports[chain]; ok {
		return e.doc(chain + "." + word)
	}
	root, _, _ := strings.Cut(chain, ".")
	if vt, ok := e.varType[chain]; ok {
		if sig, ok := e.funcs[strings.TrimPrefix(vt, "*")+"."+word]; ok {
			return sig, true
		}
	}
	if e.names[root] == nameVar && e.declared(root) {
		if v, err := e.eval(chain); err == nil && v.IsValid() {
			t := v.Type()
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			if t.PkgPath() != "" {
				if d, ok := e.doc(path.Base(t.PkgPath()) + "." + t.Name() + "." + word); ok {
					return d, true
				}
			}
			if m, ok := reflect.PointerTo(t).MethodByName(word); ok {
				return chain + "." + word + " " + strings.Replace(m.Type.String(), "func(", "func(recv, ", 1), true
			}
			if t.Kind() == reflect.Struct {
				if f, ok := t.FieldByName(word); ok {
					return chain + "." + word + " " + f.Type.String(), true
				}
			}
		}
	}
	return "", false
}

// Doc returns the declaration and doc comment of a package member: "nnlib.New",
// "plot.Loss", "nnlib.Network.Fit", "fmt.Println", "rand.Intn",
// "math/rand.Intn". Standard library docs are read from GOROOT's sources when
// present; otherwise the signature alone is returned.
func (e *Engine) Doc(name string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.doc(name)
}

func (e *Engine) doc(name string) (string, bool) {
	if d, ok := symbols.Doc(name); ok {
		return d, true
	}
	// Split "math/rand.Intn" or "rand.Intn" or "strings.Builder.Len".
	slash := strings.LastIndex(name, "/")
	dot := strings.Index(name[slash+1:], ".")
	if dot < 0 {
		return "", false
	}
	pkg, member := name[:slash+1+dot], name[slash+1+dot+1:]
	p := pkg
	if ip, ok := e.imports[pkg]; ok {
		p = ip
	} else if e.imports != nil && !strings.Contains(pkg, "/") {
		if _, ok := stdlib.Symbols[pkg+"/"+pkg]; !ok {
			return "", false
		}
	}
	short := path.Base(p)
	if d, ok := symbols.Doc(p + "." + member); ok && packageSymbols(p) != nil {
		return d, true
	}
	if docs := stdDocs(p); docs != nil {
		if d, ok := docs[short+"."+member]; ok {
			return d, true
		}
	}
	typeName, _, _ := strings.Cut(member, ".")
	if v, ok := packageSymbols(p)[typeName]; ok {
		if typeName == member {
			t := v.Type()
			if v.Kind() == reflect.Pointer && v.IsNil() {
				t = t.Elem()
				return "type " + short + "." + member + " " + t.Kind().String(), true
			}
			return short + "." + member + " " + t.String(), true
		}
	}
	return "", false
}

var (
	stdDocMu    sync.Mutex
	stdDocCache = map[string]map[string]string{}
)

// stdDocs parses a standard package's sources under GOROOT once.
func stdDocs(p string) map[string]string {
	stdDocMu.Lock()
	defer stdDocMu.Unlock()
	if d, ok := stdDocCache[p]; ok {
		return d
	}
	var docs map[string]string
	if root := goroot(); root != "" {
		if _, d, err := docgen.Package(filepath.Join(root, "src", filepath.FromSlash(p))); err == nil {
			docs = d
		}
	}
	stdDocCache[p] = docs
	return docs
}

// goroot returns where the standard library's sources are ("" = nowhere).
var goroot = func() string {
	//lint:ignore SA1019 the only way to find the sources without running go env.
	return runtime.GOROOT()
}

// Vars lists the session's variables, sorted by name, with their Go types.
func (e *Engine) Vars() []Var {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.quiesce(50 * time.Millisecond)
	var out []Var
	for name, k := range e.names {
		if k != nameVar {
			continue
		}
		v, err := e.eval(name)
		if err != nil || !v.IsValid() {
			continue
		}
		out = append(out, Var{Name: name, Type: e.listedType(name, v)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// listedType is the type Vars shows for the session variable name holding
// v: the type its declaration writes (var me error = myE{} lists error, as
// a Go user reads the variable's type in the source, and as a debugger's
// list of locals gives it; %T would print the dynamic type), else the cell
// type its defining expression shows (p := &P{1} lists *P), else v's
// run-time type.
func (e *Engine) listedType(name string, v reflect.Value) string {
	if t, ok := e.declType[name]; ok {
		return t
	}
	if t, ok := e.varType[name]; ok {
		return t
	}
	return unversion(v.Type().String())
}
