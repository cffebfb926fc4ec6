package main

import (
	"container/ring"
	"errors"
	"fmt"
)

type Queue[T any] struct {
	buf        []T
	head, size int
}

var ErrEmpty = errors.New("queue empty")

func NewQueue[T any](capacity int) *Queue[T] {
	return &Queue[T]{buf: make([]T, capacity)}
}

func (q *Queue[T]) Push(v T) bool {
	if q.size == len(q.buf) {
		return false
	}
	q.buf[(q.head+q.size)%len(q.buf)] = v
	q.size++
	return true
}

func (q *Queue[T]) Pop() (T, error) {
	var zero T
	if q.size == 0 {
		return zero, ErrEmpty
	}
	v := q.buf[q.head]
	q.head = (q.head + 1) % len(q.buf)
	q.size--
	return v, nil
}

func main() {
	q := NewQueue[string](3)
	for _, s := range []string{"a", "b", "c", "d"} {
		fmt.Print(q.Push(s), " ")
	}
	fmt.Println()
	v, _ := q.Pop()
	q.Push("e")
	fmt.Println(v, q.size, q.head)
	for {
		v, err := q.Pop()
		if errors.Is(err, ErrEmpty) {
			fmt.Println("done:", err)
			break
		}
		fmt.Print(v, " ")
	}

	r := ring.New(4)
	for i := 1; i <= 4; i++ {
		r.Value = i * i
		r = r.Next()
	}
	sum := 0
	r.Do(func(x any) { sum += x.(int) })
	fmt.Println("ring sum", sum, r.Len())
	r = r.Move(2)
	fmt.Println(r.Value, r.Prev().Value)
}
