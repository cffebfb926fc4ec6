package jupyter

import (
	"bufio"
	"context"
	"net"
	"sync"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// zmq4 reads every frame header and body with its own read system call. The
// kernel's sockets listen through these transports instead, which are tcp
// and ipc with buffered reads: one system call usually brings a whole message.

var registerOnce sync.Once

// transportName returns the zmq4 transport the kernel listens with for a
// connection file's transport ("tcp" or "ipc").
func transportName(t string) string {
	registerOnce.Do(func() {
		zmq4.RegisterTransport("nnbook-tcp", bufTransport{transport.New("tcp")})
		zmq4.RegisterTransport("nnbook-ipc", bufTransport{transport.New("unix")})
	})
	return "nnbook-" + t
}

type bufTransport struct{ transport.Transport }

func (t bufTransport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := t.Transport.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return bufListener{l}, nil
}

func (t bufTransport) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	c, err := t.Transport.Dial(ctx, d, addr)
	if err != nil {
		return nil, err
	}
	return buffered(c), nil
}

type bufListener struct{ net.Listener }

func (l bufListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return buffered(c), nil
}

// buffered wraps c so that reads are buffered. The wrappers embed the
// concrete connection types so that net.Buffers still writes with writev.
func buffered(c net.Conn) net.Conn {
	switch c := c.(type) {
	case *net.TCPConn:
		return &bufTCPConn{TCPConn: c, r: bufio.NewReaderSize(c, bufSize)}
	case *net.UnixConn:
		return &bufUnixConn{UnixConn: c, r: bufio.NewReaderSize(c, bufSize)}
	}
	return c
}

const bufSize = 32 << 10

type bufTCPConn struct {
	*net.TCPConn
	r *bufio.Reader
}

func (c *bufTCPConn) Read(p []byte) (int, error) { return c.r.Read(p) }

type bufUnixConn struct {
	*net.UnixConn
	r *bufio.Reader
}

func (c *bufUnixConn) Read(p []byte) (int, error) { return c.r.Read(p) }
