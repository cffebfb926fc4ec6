package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Config struct {
	Host    string  `env:"HOST" default:"localhost"`
	Port    int     `env:"PORT" default:"8080"`
	Debug   bool    `env:"DEBUG"`
	Ratio   float64 `env:"RATIO" default:"0.5"`
	comment string
}

func describe(v any) {
	t := reflect.TypeOf(v)
	val := reflect.ValueOf(v)
	fmt.Println(t.Name(), t.Kind(), t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		env, ok := f.Tag.Lookup("env")
		def := f.Tag.Get("default")
		if !f.IsExported() {
			fmt.Printf("  %-7s unexported\n", f.Name)
			continue
		}
		fmt.Printf("  %-7s %-7s env=%q(%v) default=%q value=%v\n", f.Name, f.Type, env, ok, def, val.Field(i))
	}
}

func setField(ptr any, name string, value any) error {
	v := reflect.ValueOf(ptr).Elem()
	f := v.FieldByName(name)
	if !f.IsValid() {
		return fmt.Errorf("no field %s", name)
	}
	if !f.CanSet() {
		return fmt.Errorf("cannot set %s", name)
	}
	nv := reflect.ValueOf(value)
	if nv.Type() != f.Type() {
		return fmt.Errorf("field %s is %s, not %s", name, f.Type(), nv.Type())
	}
	f.Set(nv)
	return nil
}

func main() {
	c := Config{Host: "example.org", Port: 443}
	describe(c)
	fmt.Println(setField(&c, "Port", 8443))
	fmt.Println(setField(&c, "Port", "x"))
	fmt.Println(setField(&c, "Missing", 1))
	fmt.Println(setField(&c, "comment", "hi"))
	fmt.Println(c.Port)

	for _, v := range []any{1, "s", 2.5, []int{}, map[string]int{}, &c, struct{}{}} {
		t := reflect.TypeOf(v)
		fmt.Print(t.Kind(), " ")
	}
	fmt.Println()
	s := reflect.ValueOf([]string{"b", "a"})
	fmt.Println(s.Len(), s.Index(1), strings.ToUpper(s.Index(0).String()))
	fmt.Println(reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual([]int{}, []int(nil)))
}
