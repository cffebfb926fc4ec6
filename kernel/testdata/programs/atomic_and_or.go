package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// atomic.AndInt32 and OrInt32 are new in Go 1.23.
func main() {
	var flags int32 = 0b1010
	old := atomic.OrInt32(&flags, 0b0101)
	fmt.Printf("%04b %04b\n", old, flags)
	old = atomic.AndInt32(&flags, 0b0011)
	fmt.Printf("%04b %04b\n", old, flags)
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		done.Store(true)
	}()
	wg.Wait()
	fmt.Println(done.Load())
}
