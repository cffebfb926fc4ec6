package kernel

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestInputFromFrontEnd(t *testing.T) {
	e := newEngine(t)
	var asked []string
	answers := []string{"Ada", "3 4", "first line", "second line", "1234"}
	ask := func(prompt string, password bool) (string, error) {
		if len(answers) == 0 {
			return "", errors.New("no more answers")
		}
		asked = append(asked, fmt.Sprintf("%q %v", prompt, password))
		a := answers[0]
		answers = answers[1:]
		return a, nil
	}
	ctx := WithInput(context.Background(), ask)
	for _, c := range []struct{ code, want string }{
		{`var name string
fmt.Print("name? ")
fmt.Scanln(&name)
fmt.Println("hello", name)`, "stdout|hello Ada\n\n"},
		{`var a, b int
fmt.Scan(&a, &b)
a * b`, "value int: 12\n"},
		{`import "bufio"
r := bufio.NewReader(os.Stdin)
l1, _ := r.ReadString('\n')
l2, _ := r.ReadString('\n')
strings.TrimSpace(l1) + " / " + strings.TrimSpace(l2)`, "value string: first line / second line\n"},
		{`fmt.Println("before")
fmt.Print("secret? ")
s, _ := display.Password("pin: ")
fmt.Print(len(s))`, "stdout|before\n\nstdout|secret? \nstdout|4\n"},
	} {
		var out strings.Builder
		err := e.Execute(ctx, c.code, func(p Part) {
			if p.Kind == Value {
				out.WriteString("value " + p.Type + ": " + p.Text + "\n")
			} else {
				out.WriteString(p.Kind.String() + "|" + p.Text + "\n")
			}
		})
		if err != nil {
			t.Fatalf("%s: %v", c.code, err)
		}
		if out.String() != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.code, out.String(), c.want)
		}
	}
	want := `"name? " false,"" false,"" false,"" false,"pin: " true`
	if got := strings.Join(asked, ","); got != want {
		t.Errorf("asked %s, want %s", got, want)
	}
}

func TestInputRefused(t *testing.T) {
	e := newEngine(t)
	ctx := WithInput(context.Background(), func(string, bool) (string, error) { return "", ErrNoInput })
	var out strings.Builder
	err := e.Execute(ctx, "var s string\n_, err := fmt.Scanln(&s)\nerr", func(p Part) { out.WriteString(p.Text) })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "not available") {
		t.Errorf("got %q, want the ErrNoInput message", out.String())
	}
	// the session goes on
	if err := e.Execute(context.Background(), "s + \"ok\"", nil); err != nil {
		t.Fatal(err)
	}
}

// TestPartialLinesWithoutRead: when no read follows, held partial lines go
// out in order with the other streams, and at the end of the cell.
func TestPartialLinesWithoutRead(t *testing.T) {
	e := newEngine(t)
	ctx := WithInput(context.Background(), func(string, bool) (string, error) { return "", ErrNoInput })
	var out strings.Builder
	code := "fmt.Print(\"a\")\nfmt.Print(\"b\")\nfmt.Fprintln(os.Stderr, \"err\")\nfmt.Print(\"c\\nd\")\nfmt.Print(\"e\")"
	err := e.Execute(ctx, code, func(p Part) { fmt.Fprintf(&out, "%s|%s;", p.Kind, p.Text) })
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "stdout|ab;stderr|err\n;stdout|c\n;stdout|de;"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
