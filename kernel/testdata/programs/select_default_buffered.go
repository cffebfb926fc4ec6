package main

import "fmt"

func trySend(ch chan int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func tryRecv(ch chan int) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}

func main() {
	ch := make(chan int, 3)
	for i := 1; i <= 5; i++ {
		fmt.Println("send", i, trySend(ch, i), len(ch), cap(ch))
	}
	for {
		v, ok := tryRecv(ch)
		if !ok {
			break
		}
		fmt.Println("got", v)
	}

	done := make(chan struct{})
	close(done)
	select {
	case <-done:
		fmt.Println("done is closed")
	default:
		fmt.Println("not yet")
	}

	results := make(chan string, 2)
	results <- "first"
	results <- "second"
	close(results)
	for r := range results {
		fmt.Println(r)
	}
	v, ok := <-results
	fmt.Printf("%q %v\n", v, ok)

	var nilCh chan int
	select {
	case nilCh <- 1:
		fmt.Println("impossible")
	case v := <-nilCh:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nil channel never ready")
	}

	sem := make(chan struct{}, 2)
	acquired := 0
	for i := 0; i < 4; i++ {
		select {
		case sem <- struct{}{}:
			acquired++
		default:
		}
	}
	fmt.Println("acquired", acquired)
}
