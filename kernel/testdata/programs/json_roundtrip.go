package main

import (
	"encoding/json"
	"fmt"
)

type User struct {
	Name  string   `json:"name"`
	Age   int      `json:"age,omitempty"`
	Tags  []string `json:"tags"`
	email string
}

func main() {
	b, err := json.Marshal(User{Name: "ann", Tags: []string{"x"}, email: "hidden"})
	fmt.Println(string(b), err)
	var u User
	err = json.Unmarshal([]byte(`{"name":"bo","age":7,"tags":["a","b"]}`), &u)
	fmt.Println(u.Name, u.Age, u.Tags, err)
}
