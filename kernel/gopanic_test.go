package kernel

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
)

// TestGoroutinePanicEndsCell checks that a panic nothing recovers in a
// goroutine of a running cell ends the cell as it ends a Go program: the
// cell fails with the panic (Go's text, a goroutine line, the goroutine's
// frames), prints nothing after it, and the session goes on.
func TestGoroutinePanicEndsCell(t *testing.T) {
	if raceEnabled {
		t.Skip("a goroutine running beside its cell races inside yaegi")
	}
	for _, c := range []struct{ name, code, value, frame string }{
		{"go statement", "var wg sync.WaitGroup\nwg.Add(1)\ngo func() {\n\tpanic(\"boom\")\n}()\nwg.Wait()\nfmt.Println(\"after\")", "boom", "main.func1 at line 8:2"},
		{"named function", "func work(ch chan int) { var a []int; ch <- a[3] }\nch := make(chan int)\ngo work(ch)\nfmt.Println(<-ch)\nfmt.Println(\"after\")", "runtime error: index out of range [3] with length 0", "main.work at line 5:45"},
		{"error value", "go func() { panic(errors.New(\"bad input\")) }()\ntime.Sleep(time.Hour)\nfmt.Println(\"after\")", "bad input", "main.func1 at line 5:13"},
		{"time.AfterFunc", "time.AfterFunc(time.Millisecond, func() { panic(\"boom\") })\ntime.Sleep(time.Hour)\nfmt.Println(\"after\")", "boom", ""},
		{"context.AfterFunc", "c, stop := context.WithCancel(context.Background())\ncontext.AfterFunc(c, func() { panic(\"boom\") })\nstop()\ntime.Sleep(time.Hour)\nfmt.Println(\"after\")", "boom", ""},
		{"WaitGroup.Go", "var wg sync.WaitGroup\nwg.Go(func() { panic(\"boom\") })\nwg.Wait()\nfmt.Println(\"after\")", "boom", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newEngine(t)
			var out strings.Builder
			err := e.Execute(context.Background(), "import (\n\t\"context\"\n\t\"sync\"\n)\n"+c.code, func(p Part) {
				if p.Kind == Stdout || p.Kind == Stderr {
					out.WriteString(p.Text)
				}
			})
			var ce *CellError
			if !errors.As(err, &ce) || ce.Name != KindPanic {
				t.Fatalf("error %v, want a panic", err)
			}
			if ce.Value != c.value {
				t.Errorf("value %q, want %q", ce.Value, c.value)
			}
			tb := strings.Join(ce.Traceback, "\n")
			if len(ce.Traceback) < 3 || ce.Traceback[0] != "panic: "+c.value || ce.Traceback[1] != "" || !strings.HasPrefix(ce.Traceback[2], "goroutine ") || !strings.HasSuffix(ce.Traceback[2], " [running]:") {
				t.Errorf("traceback starts\n%s\nwant panic: %s, a blank line, goroutine N [running]:", tb, c.value)
			}
			if !strings.Contains(tb, c.frame) {
				t.Errorf("traceback\n%s\nwant a frame %q", tb, c.frame)
			}
			if strings.Contains(out.String(), "after") || strings.Contains(out.String(), "recovered") {
				t.Errorf("output %q: the cell went on after the panic", out.String())
			}
			if got := mustValue(t, e, "1 + 1"); got != "2" {
				t.Errorf("session after the panic: %s", got)
			}
		})
	}
}

// TestGoroutinePanicAfterCell checks that the panic of a goroutine whose
// cell has ended is reported, never swallowed: on the stderr stream of the
// cell running then, or first on the next cell's when none runs; the
// session goes on and the later cell succeeds.
func TestGoroutinePanicAfterCell(t *testing.T) {
	if raceEnabled {
		t.Skip("a goroutine running beside its cell races inside yaegi")
	}
	const want = "panic in the goroutine of `go func(){…}()` at line 1, whose cell had ended (the session keeps running): late"
	t.Run("during a later cell", func(t *testing.T) {
		e := newEngine(t)
		b := useBlocker(t, e)
		mustRun(t, e, "ch := make(chan int)")
		mustRun(t, e, "go func() { <-ch; panic(\"late\") }()")
		var stderr strings.Builder
		var once sync.Once
		err := e.Execute(context.Background(), "ch <- 1\ntp.B.Block()\n40 + 2", func(p Part) {
			if p.Kind == Stderr {
				stderr.WriteString(p.Text)
				if strings.Contains(p.Text, "late") {
					once.Do(func() { close(b.release) })
				}
			}
		})
		if err != nil {
			t.Fatalf("the later cell failed: %v", err)
		}
		if !strings.HasPrefix(stderr.String(), want+"\n    main.func1 at line 1:19\n") {
			t.Errorf("stderr %q, want %q and the frame main.func1 at line 1:19", stderr.String(), want)
		}
	})
	t.Run("between cells", func(t *testing.T) {
		e := newEngine(t)
		b := useBlocker(t, e)
		mustRun(t, e, "go func() { tp.B.Block(); panic(\"late\") }()")
		<-b.entered
		close(b.release)
		waitNoGoroutines(t, e) // the report is held once the goroutine has ended
		parts, err := run(t, e, context.Background(), "1 + 1")
		if err != nil {
			t.Fatal(err)
		}
		if len(parts) < 2 || parts[0].Kind != Stderr || !strings.HasPrefix(parts[0].Text, want) || parts[len(parts)-1].Text != "2" {
			t.Errorf("parts %v, want the report on stderr first, then the value 2", parts)
		}
	})
}

// mustRun runs a cell that must succeed.
func mustRun(t *testing.T, e *Engine, code string) {
	t.Helper()
	if _, err := run(t, e, context.Background(), code); err != nil {
		t.Fatalf("%s: %v", code, err)
	}
}
