package display

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/nnbook/nnbook/kernel/internal/show"
)

// Display shows each value as an output of its own, in its richest forms
// (see the package doc), as IPython's display(v) does.
func Display(vs ...any) {
	p := show.Get()
	for _, v := range vs {
		if p == nil {
			fmt.Println(v)
			continue
		}
		p.Display("", v)
	}
}

// DisplayID shows v as an output named id, which Update can later replace in
// place (IPython's display(v, display_id=id)). Showing another value under
// the same id adds a second output that updates along with the first.
func DisplayID(id string, v any) {
	if p := show.Get(); p != nil {
		p.Display(id, v)
		return
	}
	fmt.Println(v)
}

// Update replaces the output shown under id with v (IPython's
// update_display). An id never shown is ignored by the front ends.
func Update(id string, v any) {
	if p := show.Get(); p != nil {
		p.Update(id, v)
	}
}

// Clear clears the cell's output so far; with wait it is cleared only when
// the next output arrives, which avoids flicker in an animation loop
// (IPython's clear_output(wait=True)).
func Clear(wait bool) {
	if p := show.Get(); p != nil {
		p.Clear(wait)
	}
}

// Input shows prompt and returns the line the user types, without its line
// ending (Python's input(prompt)). In Jupyter the prompt shows beside the
// input box.
func Input(prompt string) (string, error) { return input(prompt, false) }

// Password is Input for secrets: Jupyter's input box hides what is typed.
func Password(prompt string) (string, error) { return input(prompt, true) }

func input(prompt string, password bool) (string, error) {
	if p := show.Get(); p != nil {
		return p.Input(prompt, password)
	}
	fmt.Print(prompt)
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}
