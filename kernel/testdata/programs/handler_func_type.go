package main

import (
	"fmt"
	"strings"
)

type Handler interface {
	Serve(req string) string
}

type HandlerFunc func(string) string

func (f HandlerFunc) Serve(req string) string { return f(req) }

type Middleware func(Handler) Handler

func Logging(log *[]string) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(req string) string {
			*log = append(*log, "in:"+req)
			resp := next.Serve(req)
			*log = append(*log, "out:"+resp)
			return resp
		})
	}
}

func Upper(next Handler) Handler {
	return HandlerFunc(func(req string) string {
		return strings.ToUpper(next.Serve(req))
	})
}

func Chain(h Handler, ms ...Middleware) Handler {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

type Router map[string]Handler

func (r Router) Serve(req string) string {
	path, _, _ := strings.Cut(req, "?")
	if h, ok := r[path]; ok {
		return h.Serve(req)
	}
	return "404 " + path
}

func main() {
	var log []string
	hello := HandlerFunc(func(req string) string { return "hello " + req })
	r := Router{"/hi": Chain(hello, Logging(&log), Upper), "/echo": HandlerFunc(strings.TrimSpace)}
	for _, req := range []string{"/hi?name=go", "/echo", "/missing"} {
		fmt.Println(r.Serve(req))
	}
	fmt.Println(log)
	var h Handler = r
	fmt.Println(h.Serve("/hi"))
	fmt.Printf("%T %T\n", hello, h)
}
