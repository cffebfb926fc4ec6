package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct{ Version int }

func main() {
	var p atomic.Pointer[Config]
	p.Store(&Config{1})
	var wg sync.WaitGroup
	var n atomic.Int64
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(1)
		}()
	}
	wg.Wait()
	old := p.Swap(&Config{2})
	fmt.Println(old.Version, p.Load().Version, n.Load())
}
