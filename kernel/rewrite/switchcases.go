package rewrite

import (
	"go/ast"
	"strings"
)

// yaegi v0.16.1 tests only the first condition of a case of a switch
// without a tag (or with the tag true): with x == 5,
//
//	switch {
//	case x > 10, x == 5:
//		fmt.Println("hit")
//	}
//
// prints nothing. Go tests the conditions in order and takes the case at
// the first true one, which is what || does, so the commas between the
// conditions become ||:
//
//	case x > 10, x == 5:   →  case x > 10 || x == 5:
//
// The conditions themselves are left as they are (other passes may edit
// them); || binds less tightly than any other operator, so no parentheses
// are needed.

func switchCaseEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool { // not into the defers rangefunc moves
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Tag != nil && !isPredeclared(s, sw.Tag, "true") {
			return true
		}
		for _, st := range sw.Body.List {
			cc, ok := st.(*ast.CaseClause)
			if !ok {
				continue
			}
			for i := 1; i < len(cc.List); i++ {
				from, to := u.Off(cc.List[i-1].End()), u.Off(cc.List[i].Pos())
				if from < 0 || to > len(u.Text) || from > to {
					continue
				}
				if c := commaOutsideComments(u.Text[from:to]); c >= 0 {
					edits = append(edits, Edit{from + c, from + c + 1, " ||"})
				}
			}
		}
		return true
	})
	return edits
}

// commaOutsideComments returns the offset of the first comma of text (the
// space between two expressions) that is not inside a comment, or -1.
func commaOutsideComments(text string) int {
	for i := 0; i < len(text); i++ {
		switch {
		case strings.HasPrefix(text[i:], "//"):
			nl := strings.IndexByte(text[i:], '\n')
			if nl < 0 {
				return -1
			}
			i += nl
		case strings.HasPrefix(text[i:], "/*"):
			end := strings.Index(text[i+2:], "*/")
			if end < 0 {
				return -1
			}
			i += 2 + end + 1
		case text[i] == ',':
			return i
		}
	}
	return -1
}
