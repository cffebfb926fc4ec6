package main

import (
	"fmt"
	"sync"
)

type Job struct {
	ID    int
	Label string
}

func (j Job) Run(wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	out <- fmt.Sprintf("job %d: %s", j.ID, j.Label)
}

// A go statement evaluates the receiver of a method call when it runs: the
// goroutine works on a copy of the job as it was then.
func main() {
	var wg sync.WaitGroup
	out := make(chan string, 3)
	j := Job{ID: 1, Label: "first"}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go j.Run(&wg, out)
		j.ID++
		j.Label = "changed"
	}
	wg.Wait()
	close(out)
	seen := map[string]bool{}
	for s := range out {
		seen[s] = true
	}
	fmt.Println(len(seen), seen["job 1: first"], seen["job 2: changed"], seen["job 3: changed"])
}
