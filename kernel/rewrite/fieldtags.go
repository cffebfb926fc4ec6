package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// yaegi v0.16.1 builds a cell's struct types with reflect.StructOf, which
// cannot make unexported fields: it exports them under an X prefix (email
// becomes Xemail), so encoding/json and encoding/xml, which skip unexported
// fields, would encode them ({"Xemail":"hidden"}). Each unexported field
// of a struct type gets the tags json:"-" and xml:"-" (an embedded field
// keeps its tags: Go encodes the exported fields it promotes):
//
//	email string            →  email string `json:"-" xml:"-"`
//	id    int `db:"id"`     →  id    int `json:"-" xml:"-" db:"id"`

// hiddenKeys are the tag keys whose packages skip unexported fields.
var hiddenKeys = []string{"json", "xml"}

func fieldTagEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok || st.Fields == nil {
			return true
		}
		for _, f := range st.Fields.List {
			if !unexportedField(f) {
				continue
			}
			if f.Tag == nil {
				end := u.Off(f.Type.End())
				edits = append(edits, Edit{end, end, " `" + hiddenTag("") + "`"})
				continue
			}
			old, err := strconv.Unquote(f.Tag.Value)
			if err != nil {
				continue
			}
			tag := hiddenTag(old)
			lit := "`" + tag + "`"
			if strings.Contains(tag, "`") {
				lit = strconv.Quote(tag)
			}
			edits = append(edits, Edit{u.Off(f.Tag.Pos()), u.Off(f.Tag.End()), lit})
		}
		return true
	})
	return edits
}

// unexportedField reports whether f names only unexported fields (not an
// embedded field, not _).
func unexportedField(f *ast.Field) bool {
	if len(f.Names) == 0 {
		return false
	}
	for _, id := range f.Names {
		r, _ := utf8.DecodeRuneInString(id.Name)
		if id.Name == "_" || unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// hiddenTag returns tag with json:"-" and xml:"-" in front and any json or
// xml key it had removed (tag is read as reflect.StructTag reads it).
func hiddenTag(tag string) string {
	var keep []string
	for tag != "" {
		tag = strings.TrimLeft(tag, " ")
		i := 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			if tag != "" {
				keep = append(keep, tag) // not key:"value": kept as it is
			}
			break
		}
		key, value := tag[:i], tag[i+1:]
		j := 1
		for j < len(value) && value[j] != '"' {
			if value[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(value) {
			keep = append(keep, tag)
			break
		}
		tag = value[j+1:]
		if !slices.Contains(hiddenKeys, key) {
			keep = append(keep, key+":"+value[:j+1])
		}
	}
	var b strings.Builder
	for _, k := range hiddenKeys {
		b.WriteString(k + `:"-" `)
	}
	return strings.TrimSpace(b.String() + strings.Join(keep, " "))
}

// HideUnexported gives the unexported fields of the struct types of a
// type declaration's source ("T struct{…}", as a cell wrote it) the tags
// fieldTagEdits gives them; the engine re-declares types from such source.
func HideUnexported(typeSpec string) string {
	const header = "package p; type "
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", header+typeSpec, 0)
	if err != nil {
		return typeSpec
	}
	u := &Unit{Text: typeSpec, File: f, Tok: fset.File(f.Pos()), Base: len(header)}
	return Apply(typeSpec, fieldTagEdits(nil, u))
}
