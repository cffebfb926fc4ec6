package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string, 1)
	go func() { ch <- "ready" }()
	select {
	case msg := <-ch:
		fmt.Println(msg)
	case <-time.After(2 * time.Second):
		fmt.Println("timeout")
	}
	done := make(chan struct{})
	select {
	case <-done:
		fmt.Println("done")
	default:
		fmt.Println("not done")
	}
}
