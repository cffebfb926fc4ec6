package main

import (
	"fmt"
	"strings"
	"time"
)

type Server struct {
	host    string
	port    int
	timeout time.Duration
	tags    []string
}

type Option func(*Server)

func WithPort(p int) Option              { return func(s *Server) { s.port = p } }
func WithTimeout(d time.Duration) Option { return func(s *Server) { s.timeout = d } }
func WithTags(tags ...string) Option {
	return func(s *Server) { s.tags = append(s.tags, tags...) }
}

func NewServer(host string, opts ...Option) *Server {
	s := &Server{host: host, port: 80, timeout: 30 * time.Second}
	for _, o := range opts {
		o(s)
	}
	return s
}

func (s *Server) String() string {
	return fmt.Sprintf("%s:%d (%v) [%s]", s.host, s.port, s.timeout, strings.Join(s.tags, ","))
}

func main() {
	fmt.Println(NewServer("a"))
	fmt.Println(NewServer("b", WithPort(8080), WithTags("x", "y")))
	opts := []Option{WithTimeout(time.Minute), WithTags(), WithTags("z")}
	fmt.Println(NewServer("c", opts...))
	fmt.Println(NewServer("d", append(opts, WithPort(1))...))
}
