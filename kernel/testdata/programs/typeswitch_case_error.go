package main

import (
	"errors"
	"fmt"
)

type MyErr struct{}

func (MyErr) Error() string { return "mine" }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer: " + x.String()
	case int:
		return fmt.Sprint("int ", x)
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	fmt.Println(describe(errors.New("boom")))
	fmt.Println(describe(MyErr{}))
	fmt.Println(describe(3))
	fmt.Println(describe(nil))
	fmt.Println(describe(2.5))
}
