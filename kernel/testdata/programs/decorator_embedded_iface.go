package main

import (
	"errors"
	"fmt"
)

type Store interface {
	Get(key string) (string, error)
	Set(key, value string)
}

type mapStore struct{ m map[string]string }

func (s *mapStore) Get(k string) (string, error) {
	v, ok := s.m[k]
	if !ok {
		return "", errors.New("missing " + k)
	}
	return v, nil
}

func (s *mapStore) Set(k, v string) { s.m[k] = v }

type countingStore struct {
	Store
	gets, misses int
}

func (c *countingStore) Get(k string) (string, error) {
	c.gets++
	v, err := c.Store.Get(k)
	if err != nil {
		c.misses++
	}
	return v, err
}

type readOnly struct{ Store }

func (readOnly) Set(k, v string) { fmt.Println("read-only: ignoring", k) }

func use(s Store) {
	s.Set("a", "1")
	for _, k := range []string{"a", "b"} {
		v, err := s.Get(k)
		fmt.Printf("%s=%q err=%v\n", k, v, err)
	}
}

func main() {
	base := &mapStore{m: map[string]string{}}
	cs := &countingStore{Store: base}
	use(cs)
	fmt.Println(cs.gets, cs.misses, len(base.m))
	ro := readOnly{&mapStore{m: map[string]string{"b": "2"}}}
	use(ro)
	var s Store = cs
	if c, ok := s.(*countingStore); ok {
		fmt.Println("counting, gets =", c.gets)
	}
	_, isRO := s.(readOnly)
	fmt.Println(isRO)
}
