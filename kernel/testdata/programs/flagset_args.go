package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func parse(args []string) {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	var out strings.Builder
	fs.SetOutput(&out)
	name := fs.String("name", "world", "who to greet")
	count := fs.Int("n", 1, "how many times")
	verbose := fs.Bool("v", false, "verbose")
	wait := fs.Duration("wait", time.Second, "pause")
	var tags listFlag
	fs.Var(&tags, "tag", "tag (repeatable)")
	if err := fs.Parse(args); err != nil {
		fmt.Println("error:", err)
		first, _, _ := strings.Cut(out.String(), "\n")
		fmt.Println("said:", first)
		return
	}
	fmt.Printf("name=%s n=%d v=%v wait=%v tags=%v rest=%q nflag=%d\n",
		*name, *count, *verbose, *wait, tags, fs.Args(), fs.NFlag())
	fs.Visit(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value, " ") })
	fmt.Println()
}

func main() {
	parse([]string{})
	parse([]string{"-name", "gopher", "-n=3", "-v", "file1", "file2"})
	parse([]string{"--tag", "a", "-tag=b", "-wait", "1m30s", "--", "-v"})
	parse([]string{"-n", "abc"})
	parse([]string{"-unknown"})

	fs := flag.NewFlagSet("help", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Int("x", 0, "")
	fmt.Println(fs.Parse([]string{"-h"}) == flag.ErrHelp)
	fs.VisitAll(func(f *flag.Flag) { fmt.Printf("%s default %q\n", f.Name, f.DefValue) })
}
