package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

func produce(ctx context.Context, out chan<- int) error {
	defer close(out)
	for i := 1; ; i++ {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case out <- i:
		}
	}
}

type keyType string

func handle(ctx context.Context) string {
	user, _ := ctx.Value(keyType("user")).(string)
	if user == "" {
		return "anonymous"
	}
	return user
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	nums := make(chan int)
	var wg sync.WaitGroup
	var perr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		perr = produce(ctx, nums)
	}()
	sum := 0
	for n := range nums {
		sum += n
		if n == 10 {
			cancel()
			break
		}
	}
	for range nums {
	}
	wg.Wait()
	fmt.Println("sum", sum, "err", perr, errors.Is(perr, context.Canceled))
	fmt.Println(ctx.Err())

	base := context.WithValue(context.Background(), keyType("user"), "ann")
	fmt.Println(handle(base), handle(context.Background()))

	cctx, stop := context.WithCancelCause(context.Background())
	stop(errors.New("disk full"))
	<-cctx.Done()
	fmt.Println(cctx.Err(), context.Cause(cctx))

	parent, cancelParent := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	cancelParent()
	<-child.Done()
	fmt.Println("child:", child.Err())
	_, hasDeadline := child.Deadline()
	fmt.Println(hasDeadline)
}
