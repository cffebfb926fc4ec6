package rewrite

import (
	"fmt"
	"go/parser"
)

func ExampleIterYield() {
	// A session where count was declared by a cell as
	// func count(n int) iter.Seq2[int, string].
	s := parseSession("// session: type:count=func~count(n~int)~iter.Seq2[int,~string]")
	for _, src := range []string{"count(3)", "strings.SplitSeq(s, \",\")", "xs"} {
		x, _ := parser.ParseExpr(src)
		params, ok := IterYield(s, x)
		fmt.Println(src, params, ok)
	}
	// Output:
	// count(3) [int string] true
	// strings.SplitSeq(s, ",") [string] true
	// xs [] false
}
