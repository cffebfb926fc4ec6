package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

var (
	once     sync.Once
	initRuns int
	config   map[string]string
)

func loadConfig() map[string]string {
	once.Do(func() {
		initRuns++
		config = map[string]string{"mode": "fast"}
	})
	return config
}

func main() {
	c := &Cache{data: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			c.Set(fmt.Sprintf("k%02d", n%5), n%5)
			loadConfig()
		}(i)
	}
	wg.Wait()
	keys := make([]string, 0)
	for k := range c.data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, initRuns, loadConfig()["mode"])
	v, ok := c.Get("k03")
	fmt.Println(v, ok)

	var hits atomic.Int64
	var plain int64
	var mu sync.Mutex
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits.Add(2)
			mu.Lock()
			plain++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(hits.Load(), plain)

	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	actual, loaded := m.LoadOrStore("a", 100)
	fmt.Println(actual, loaded)
	m.Delete("b")
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	fmt.Println(n)
}
