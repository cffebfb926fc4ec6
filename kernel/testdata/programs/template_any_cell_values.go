package main

import (
	"os"
	"text/template"
)

// A template executed on a map[string]any holding a value of a cell type.

type Point struct{ X, Y int }

func main() {
	t := template.Must(template.New("t").Parse("{{.p.X}} {{.p}}\n"))
	t.Execute(os.Stdout, map[string]any{"p": Point{1, 2}})
	t.Execute(os.Stdout, map[string]Point{"p": {3, 4}})
}
