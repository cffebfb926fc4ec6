package jupyter

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

// ConnectionInfo is the content of a Jupyter connection file: where the five
// sockets listen and how messages are signed.
type ConnectionInfo struct {
	Transport       string `json:"transport"` // "tcp" (default) or "ipc"
	IP              string `json:"ip"`        // the only address the kernel binds to
	ShellPort       int    `json:"shell_port"`
	IOPubPort       int    `json:"iopub_port"`
	StdinPort       int    `json:"stdin_port"`
	ControlPort     int    `json:"control_port"`
	HBPort          int    `json:"hb_port"`
	SignatureScheme string `json:"signature_scheme"` // "hmac-sha256"
	Key             string `json:"key"`              // HMAC key; empty disables signing
	KernelName      string `json:"kernel_name,omitempty"`
}

// String describes the connection without its key, e.g.
// "tcp 127.0.0.1 shell=5001 iopub=5002 stdin=5003 control=5004 hb=5005 hmac-sha256".
func (c ConnectionInfo) String() string {
	return fmt.Sprintf("%s %s shell=%d iopub=%d stdin=%d control=%d hb=%d %s",
		c.Transport, c.IP, c.ShellPort, c.IOPubPort, c.StdinPort, c.ControlPort, c.HBPort, c.SignatureScheme)
}

// ReadConnectionFile reads and checks a connection file.
func ReadConnectionFile(path string) (ConnectionInfo, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return ConnectionInfo{}, err
	}
	return ParseConnectionInfo(b)
}

// ParseConnectionInfo parses the JSON of a connection file, fills the
// defaults (tcp, 127.0.0.1, hmac-sha256; for ipc the path prefix
// "kernel-ipc", as jupyter_client has it) and checks the ports. The kernel
// listens on whatever ip and transport the file names: 127.0.0.1 on a
// laptop, 0.0.0.0 in a pod, a remote launcher's address, or ipc socket
// files IP-PORT.
func ParseConnectionInfo(b []byte) (ConnectionInfo, error) {
	var c ConnectionInfo
	if err := json.Unmarshal(b, &c); err != nil {
		return c, fmt.Errorf("connection file: want a JSON object with ip, ports and key: %v", err)
	}
	if c.Transport == "" {
		c.Transport = "tcp"
	}
	if c.SignatureScheme == "" {
		c.SignatureScheme = "hmac-sha256"
	}
	if c.Transport != "tcp" && c.Transport != "ipc" {
		return c, fmt.Errorf("connection file: transport must be tcp or ipc, got %q", c.Transport)
	}
	if c.IP == "" {
		c.IP = "127.0.0.1"
		if c.Transport == "ipc" {
			c.IP = "kernel-ipc"
		}
	}
	seen := map[int]string{}
	for _, p := range []struct {
		name string
		v    int
	}{{"shell_port", c.ShellPort}, {"iopub_port", c.IOPubPort}, {"stdin_port", c.StdinPort}, {"control_port", c.ControlPort}, {"hb_port", c.HBPort}} {
		if p.v < 0 || p.v > 65535 {
			return c, fmt.Errorf("connection file: %s must be 0..65535, got %d", p.name, p.v)
		}
		if p.v == 0 && c.Transport == "ipc" {
			return c, fmt.Errorf("connection file: with the ipc transport every socket needs its number (the socket file is %s-N), got %s 0", c.IP, p.name)
		}
		if other, ok := seen[p.v]; ok && p.v != 0 {
			return c, fmt.Errorf("connection file: %s and %s are both %d; each socket needs its own", other, p.name, p.v)
		}
		seen[p.v] = p.name
	}
	if _, err := newSigner(c.SignatureScheme, "x"); err != nil {
		return c, fmt.Errorf("connection file: %v", err)
	}
	return c, nil
}

// listenEndpoint is endpoint with the kernel's buffered transport.
func (c ConnectionInfo) listenEndpoint(port int) string {
	ep := c.endpoint(port)
	return transportName(c.Transport) + strings.TrimPrefix(ep, c.Transport)
}

// listenError explains a socket that cannot listen where the connection
// file says, naming the endpoint as the file gives it.
func (c ConnectionInfo) listenError(socket string, port int, err error) error {
	if u := errors.Unwrap(err); u != nil {
		err = u // zmq4's wrapping names the kernel's internal transport
	}
	return fmt.Errorf("%s socket: cannot listen on %s (the connection file's transport, ip and %s_port): %v", socket, c.endpoint(port), socket, err)
}

// endpoint returns the ZeroMQ endpoint of one port.
func (c ConnectionInfo) endpoint(port int) string {
	if c.Transport == "ipc" {
		return "ipc://" + c.IP + "-" + strconv.Itoa(port)
	}
	ip := c.IP
	if ip == "*" {
		ip = "0.0.0.0"
	}
	return "tcp://" + net.JoinHostPort(ip, strconv.Itoa(port))
}
