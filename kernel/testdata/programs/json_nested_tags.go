package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Person struct {
	Name     string         `json:"name"`
	Age      int            `json:"age,omitempty"`
	Email    string         `json:"-"`
	Address  *Address       `json:"address,omitempty"`
	Tags     []string       `json:"tags"`
	Meta     map[string]any `json:"meta,omitempty"`
	Scores   map[string]int `json:"scores,omitempty"`
	Active   bool           `json:"active,string"`
	internal int
}

func main() {
	p := Person{
		Name:     "Ann",
		Email:    "ann@example.com",
		Address:  &Address{Street: "1 Main St"},
		Tags:     []string{"admin", "dev"},
		Scores:   map[string]int{"go": 9, "c": 7},
		Active:   true,
		internal: 42,
	}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	pretty, _ := json.MarshalIndent(Person{Name: "Bob"}, "", "  ")
	fmt.Println(string(pretty))

	in := `{"name":"Cy","age":31,"address":{"street":"2 Side","city":"Oslo"},"tags":null,"meta":{"n":1.5,"ok":true,"list":[1,"two"]},"active":"false","extra":1}`
	var q Person
	if err := json.Unmarshal([]byte(in), &q); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Printf("%s %d %+v %v %v\n", q.Name, q.Age, *q.Address, q.Tags == nil, q.Active)
	fmt.Println(q.Meta["n"], q.Meta["ok"], q.Meta["list"])
	for k, v := range q.Meta {
		if k == "list" {
			fmt.Printf("%T %v\n", v, v.([]any)[1])
		}
	}

	var generic map[string]any
	json.Unmarshal([]byte(in), &generic)
	fmt.Printf("%T %v\n", generic["age"], generic["address"].(map[string]any)["city"])

	var bad Person
	err = json.Unmarshal([]byte(`{"name": 5}`), &bad)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"name": "x"`), &bad)
	fmt.Println(err)

	dec := json.NewDecoder(strings.NewReader(`{"street":"a"} {"street":"b","city":"c"}`))
	for dec.More() {
		var a Address
		if err := dec.Decode(&a); err != nil {
			break
		}
		fmt.Printf("%+v\n", a)
	}
	nums, _ := json.Marshal([]float64{1, 2.5, 1e21})
	fmt.Println(string(nums))
}
