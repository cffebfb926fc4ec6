package jupyter

import (
	"bufio"
	"context"
	"encoding/binary"
	"io"
	"net"
	"sync"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// zmq4 reads every frame header and body with its own read system call, and
// a ROUTER socket writes every frame header and body with its own write (a
// 6-frame reply is 12 writes and as many TCP segments). The kernel's sockets
// listen through these transports instead: tcp and ipc with buffered reads,
// and writes gathered into one per message (see frameWriter).

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
		return &bufTCPConn{TCPConn: c, r: bufio.NewReaderSize(c, bufSize), w: frameWriter{w: c}}
	case *net.UnixConn:
		return &bufUnixConn{UnixConn: c, r: bufio.NewReaderSize(c, bufSize), w: frameWriter{w: c}}
	}
	return c
}

const bufSize = 32 << 10

type bufTCPConn struct {
	*net.TCPConn
	r *bufio.Reader
	w frameWriter
}

func (c *bufTCPConn) Read(p []byte) (int, error)  { return c.r.Read(p) }
func (c *bufTCPConn) Write(p []byte) (int, error) { return c.w.Write(p) }

type bufUnixConn struct {
	*net.UnixConn
	r *bufio.Reader
	w frameWriter
}

func (c *bufUnixConn) Read(p []byte) (int, error)  { return c.r.Read(p) }
func (c *bufUnixConn) Write(p []byte) (int, error) { return c.w.Write(p) }

// frameWriter gathers the per-frame writes of a ZMTP multipart message and
// writes the whole message at once when its last frame is complete. It
// follows the stream written through it: the 64-byte greeting, then frames
// (a flags byte with MORE=1, LONG=2, COMMAND=4, a 1- or 8-byte size, the
// body). Anything unexpected switches it to plain pass-through for good.
type frameWriter struct {
	w       io.Writer
	mu      sync.Mutex
	greeted bool
	broken  bool
	inFrame bool // a header was written; body bytes are expected
	body    int  // body bytes still expected
	more    bool // the current frame is not the message's last
	pending []byte
}

func (f *frameWriter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.broken {
		return f.w.Write(p)
	}
	if !f.greeted {
		f.greeted = true
		if len(p) != 64 {
			f.broken = true
		}
		return f.w.Write(p)
	}
	if len(p) == 0 {
		return 0, nil
	}
	if !f.inFrame {
		size, more, ok := frameHeader(p)
		if !ok {
			return f.passThrough(p)
		}
		f.inFrame, f.body, f.more = true, size, more
		f.pending = append(f.pending, p...)
	} else {
		if len(p) > f.body {
			return f.passThrough(p)
		}
		f.pending = append(f.pending, p...)
		f.body -= len(p)
	}
	if f.body > 0 {
		return len(p), nil
	}
	f.inFrame = false
	if f.more {
		return len(p), nil
	}
	_, err := f.w.Write(f.pending)
	if cap(f.pending) > 1<<20 {
		f.pending = nil
	} else {
		f.pending = f.pending[:0]
	}
	return len(p), err
}

// passThrough writes what is pending and p, and stops gathering.
func (f *frameWriter) passThrough(p []byte) (int, error) {
	f.broken = true
	if len(f.pending) > 0 {
		if _, err := f.w.Write(f.pending); err != nil {
			return 0, err
		}
		f.pending = nil
	}
	return f.w.Write(p)
}

// frameHeader parses a ZMTP frame header written on its own.
func frameHeader(p []byte) (size int, more, ok bool) {
	flags := p[0]
	if flags&^7 != 0 {
		return 0, false, false
	}
	long := flags&2 != 0
	switch {
	case !long && len(p) == 2:
		size = int(p[1])
	case long && len(p) == 9:
		n := binary.BigEndian.Uint64(p[1:])
		if n > 1<<40 {
			return 0, false, false
		}
		size = int(n)
	default:
		return 0, false, false
	}
	return size, flags&1 != 0 && flags&4 == 0, true
}
