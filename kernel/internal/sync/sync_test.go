package sync

import (
	"fmt"
	"testing"
)

// TestWaitGroup checks Wait returning when the counter reaches zero and
// when the running cell is interrupted, and the negative-counter panic.
func TestWaitGroup(t *testing.T) {
	var wg WaitGroup
	wg.Wait() // zero: returns at once
	wg.Add(2)
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	wg.Done()
	wg.Done()
	<-done

	Resume()
	wg.Add(1)
	done = make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	Interrupt()
	<-done
	Resume()
	select {
	case <-Interrupted():
		t.Error("Interrupted is closed after Resume")
	default:
	}
	wg.Done()

	defer func() {
		if r := recover(); r != "sync: negative WaitGroup counter" {
			t.Errorf("recovered %v, want the negative counter panic", r)
		}
	}()
	wg.Done()
}

// TestGoPanic checks that a panic of a Go task reaches the handler.
func TestGoPanic(t *testing.T) {
	got := make(chan any, 1)
	SetPanicHandler(func(r any) { got <- r })
	defer SetPanicHandler(nil)
	var wg WaitGroup
	wg.Go(func() { panic("boom") })
	wg.Wait()
	if r := <-got; r != "boom" {
		t.Errorf("handler got %v", r)
	}
}

func ExampleWaitGroup() {
	var wg WaitGroup
	sum := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		wg.Go(func() { sum <- i })
	}
	wg.Wait()
	close(sum)
	total := 0
	for v := range sum {
		total += v
	}
	fmt.Println(total)
	// Output: 6
}
