package main

import (
	"fmt"
	"runtime"
)

var saved func(int) bool

func Resume(yield func(int) bool) {
	func() {
		defer func() { recover() }()
		yield(1)
	}()
	yield(2)
}

func Keep(yield func(int) bool) {
	saved = yield
	yield(1)
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, rt := r.(runtime.Error)
		fmt.Println(name, r, rt)
	}()
	f()
}

func main() {
	try("resume", func() {
		for x := range Resume {
			panic(fmt.Sprint("body ", x))
		}
	})
	try("keep", func() {
		for x := range Keep {
			fmt.Println("got", x)
		}
		saved(5)
	})
}
