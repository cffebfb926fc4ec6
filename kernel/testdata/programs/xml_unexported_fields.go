package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
)

// Item has unexported fields, one with tags: encoding/xml and encoding/json
// skip them.
type Item struct {
	XMLName xml.Name `xml:"item"`
	Name    string   `xml:"name" json:"name"`
	Price   float64  `xml:"price,attr" json:"price"`
	secret  string
	code    int `xml:"code" json:"code"`
}

func (it Item) Label() string { return it.Name + "#" + fmt.Sprint(it.code) }

func main() {
	it := Item{Name: "pen", Price: 1.5, secret: "s", code: 7}
	b, err := xml.Marshal(it)
	fmt.Println(string(b), err)
	j, err := json.Marshal(it)
	fmt.Println(string(j), err)
	var back Item
	err = xml.Unmarshal([]byte(`<item price="2"><name>ink</name><code>9</code></item>`), &back)
	fmt.Println(back.Name, back.Price, back.code, back.Label(), err)
}
