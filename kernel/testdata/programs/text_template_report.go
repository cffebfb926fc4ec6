package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Qty   int
}

func (i Item) Total() float64 { return i.Price * float64(i.Qty) }

type Order struct {
	Customer string
	Items    []Item
	Notes    map[string]string
}

const tmpl = `Order for {{.Customer | upper}}
{{range $i, $it := .Items}}{{$i}}. {{$it.Name | printf "%-8s"}} {{$it.Qty}} x {{printf "%.2f" $it.Price}} = {{printf "%.2f" $it.Total}}
{{else}}no items
{{end}}{{with .Notes}}notes:{{range $k, $v := .}} {{$k}}={{$v}}{{end}}
{{end}}{{if gt (len .Items) 2}}big order{{else}}small order{{end}}
`

func main() {
	funcs := template.FuncMap{"upper": strings.ToUpper}
	t := template.Must(template.New("order").Funcs(funcs).Parse(tmpl))
	orders := []Order{
		{"ann", []Item{{"pen", 1.5, 4}, {"book", 12, 1}, {"bag", 20, 1}}, map[string]string{"gift": "yes", "door": "back"}},
		{"bob", nil, nil},
	}
	for _, o := range orders {
		if err := t.Execute(os.Stdout, o); err != nil {
			fmt.Println("error:", err)
		}
	}
	_, err := template.New("bad").Parse("{{.Name")
	fmt.Println(err != nil)
	err = template.Must(template.New("x").Parse("{{.Missing}}\n")).Execute(os.Stdout, Item{})
	fmt.Println(err)
}
