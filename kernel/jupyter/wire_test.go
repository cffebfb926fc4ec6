package jupyter

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func signedFrames(s *signer, h, p, m, c string) [][]byte {
	return [][]byte{[]byte("client-id"), delimiter, s.sign([]byte(h), []byte(p), []byte(m), []byte(c)), []byte(h), []byte(p), []byte(m), []byte(c)}
}

func TestDecode(t *testing.T) {
	s, _ := newSigner("hmac-sha256", "k3y")
	hdr := `{"msg_id":"1","session":"s","username":"u","date":"","msg_type":"execute_request","version":"5.3"}`
	good := signedFrames(s, hdr, "{}", "{}", `{"code":"1"}`)
	tests := []struct {
		name   string
		frames [][]byte
		err    string // substring; "" = decodes
	}{
		{"good", good, ""},
		{"good with buffers", append(append([][]byte{}, good...), []byte{0, 1, 2}), ""},
		{"empty parent and metadata", signedFrames(s, hdr, "", "", "{}"), ""},
		{"no delimiter", [][]byte{[]byte("a"), []byte("b")}, "no <IDS|MSG>"},
		{"nothing", nil, "no <IDS|MSG>"},
		{"short", good[:5], "fewer than 5 frames"},
		{"wrong signature", append([][]byte{good[0], good[1], []byte(strings.Repeat("0", 64))}, good[3:]...), "bad signature"},
		{"missing signature", append([][]byte{good[0], good[1], nil}, good[3:]...), "missing signature"},
		{"non-hex signature", append([][]byte{good[0], good[1], []byte("xyz")}, good[3:]...), "not hex"},
		{"tampered content", append(append([][]byte{}, good[:6]...), []byte(`{"code":"2"}`)), "bad signature"},
		{"header not JSON", signedFrames(s, "nope", "{}", "{}", "{}"), "header"},
		{"header without msg_type", signedFrames(s, `{"msg_id":"1"}`, "{}", "{}", "{}"), "msg_type is missing"},
		{"content not an object", signedFrames(s, hdr, "{}", "{}", `[1]`), "content"},
		{"metadata not JSON", signedFrames(s, hdr, "{}", "{", `{}`), "metadata"},
		{"parent not an object", signedFrames(s, hdr, "7", "{}", `{}`), "parent_header"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := decode(tc.frames, s)
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("decode: %v", err)
			case tc.err != "" && err == nil:
				t.Fatalf("decode accepted %s: %v", tc.name, m)
			case tc.err != "" && !strings.Contains(err.Error(), tc.err):
				t.Fatalf("error %q, want it to mention %q", err, tc.err)
			}
			if err == nil && (m.Header.MsgType != "execute_request" || len(m.Identities) != 1) {
				t.Errorf("decoded %v with identities %q", m, m.Identities)
			}
		})
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	for _, key := range []string{"", "secret"} {
		s, _ := newSigner("hmac-sha256", key)
		h := newHeader("stream", "sess")
		parent := []byte(`{"msg_id":"p"}`)
		frames, err := encode([][]byte{[]byte("id1"), []byte("id2")}, h, parent, map[string]any{"m": 1}, map[string]any{"name": "stdout", "text": "hé\n"}, s)
		if err != nil {
			t.Fatal(err)
		}
		m, err := decode(frames, s)
		if err != nil {
			t.Fatalf("key %q: %v", key, err)
		}
		if m.Header != h || !bytes.Equal(m.Parent, parent) || len(m.Identities) != 2 {
			t.Errorf("key %q: round trip gave %+v", key, m)
		}
		var c struct{ Text string }
		json.Unmarshal(m.Content, &c)
		if c.Text != "hé\n" {
			t.Errorf("content text %q", c.Text)
		}
		if key == "" && len(frames[3]) != 0 {
			t.Errorf("unsigned message has signature %q", frames[3])
		}
	}
}

func TestSignerSchemes(t *testing.T) {
	for _, tc := range []struct {
		scheme string
		hexLen int
		ok     bool
	}{{"hmac-sha256", 64, true}, {"hmac-sha512", 128, true}, {"hmac-sha1", 40, true}, {"hmac-md5", 0, false}, {"rot13", 0, false}} {
		s, err := newSigner(tc.scheme, "k")
		if (err == nil) != tc.ok {
			t.Errorf("%s: err %v", tc.scheme, err)
			continue
		}
		if tc.ok && len(s.sign([]byte("x"))) != tc.hexLen {
			t.Errorf("%s: signature length %d, want %d", tc.scheme, len(s.sign([]byte("x"))), tc.hexLen)
		}
	}
}

func TestParseConnectionInfo(t *testing.T) {
	tests := []struct {
		json, want, err string
	}{
		{`{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"key":"k"}`, "tcp 127.0.0.1 shell=1 iopub=2 stdin=3 control=4 hb=5 hmac-sha256", ""},
		{`{"transport":"ipc","ip":"/tmp/k","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"signature_scheme":"hmac-sha512"}`, "ipc /tmp/k shell=1 iopub=2 stdin=3 control=4 hb=5 hmac-sha512", ""},
		{`{"transport":"ipc","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`, "ipc kernel-ipc shell=1 iopub=2 stdin=3 control=4 hb=5 hmac-sha256", ""},
		{`{"ip":"127.0.0.2","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`, "tcp 127.0.0.2 shell=1 iopub=2 stdin=3 control=4 hb=5 hmac-sha256", ""},
		{`{"ip":"0.0.0.0"}`, "tcp 0.0.0.0 shell=0 iopub=0 stdin=0 control=0 hb=0 hmac-sha256", ""},
		{`{"transport":"ipc","ip":"/tmp/k","shell_port":1}`, "", "ipc transport every socket needs its number (the socket file is /tmp/k-N), got iopub_port 0"},
		{`{"shell_port":7,"iopub_port":8,"stdin_port":7}`, "", "shell_port and stdin_port are both 7"},
		{`{"transport":"udp"}`, "", "transport"},
		{`{"shell_port":70000}`, "", "shell_port"},
		{`{"signature_scheme":"md5"}`, "", "signature_scheme"},
		{`not json`, "", "JSON"},
	}
	for _, tc := range tests {
		c, err := ParseConnectionInfo([]byte(tc.json))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want one about %s", tc.json, err, tc.err)
			}
			continue
		}
		if err != nil || c.String() != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.json, c, err, tc.want)
		}
		if strings.Contains(c.String(), "k\"") || (c.Key != "" && strings.Contains(c.String(), c.Key+" ")) {
			t.Errorf("String shows the key: %s", c)
		}
	}
	c := ConnectionInfo{Transport: "tcp", IP: "::1"}
	if got := c.endpoint(5); got != "tcp://[::1]:5" {
		t.Errorf("IPv6 endpoint %q", got)
	}
	c = ConnectionInfo{Transport: "ipc", IP: "/run/k"}
	if got := c.endpoint(5); got != "ipc:///run/k-5" {
		t.Errorf("ipc endpoint %q", got)
	}
	c = ConnectionInfo{Transport: "tcp", IP: "*"}
	if got := c.endpoint(5); got != "tcp://0.0.0.0:5" {
		t.Errorf("wildcard endpoint %q", got)
	}
}

// FuzzDecode checks that no frames, however broken, crash the decoder, and
// that whatever decodes was signed with the key.
func FuzzDecode(f *testing.F) {
	s, _ := newSigner("hmac-sha256", "fuzz")
	hdr := `{"msg_id":"1","msg_type":"execute_request"}`
	for _, fr := range [][][]byte{
		signedFrames(s, hdr, "{}", "{}", `{"code":"1"}`),
		signedFrames(s, "{", "{}", "{}", "{}"),
		{delimiter},
	} {
		f.Add(bytes.Join(fr, []byte{0xff}))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		frames := bytes.Split(b, []byte{0xff})
		m, err := decode(frames, s)
		if err != nil {
			return
		}
		i := 0
		for !bytes.Equal(frames[i], delimiter) {
			i++
		}
		if s.verify(frames[i+1], frames[i+2], frames[i+3], frames[i+4], frames[i+5]) != nil || m.Header.MsgType == "" {
			t.Fatalf("decoded an unsigned or typeless message %v", m)
		}
	})
}

// FuzzParseConnectionInfo checks that any connection file either parses into
// valid ports and a known scheme or is rejected, without panicking.
func FuzzParseConnectionInfo(f *testing.F) {
	f.Add([]byte(`{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"key":"k"}`))
	f.Add([]byte(`{"transport":"ipc","ip":"/tmp/x"}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseConnectionInfo(b)
		if err != nil {
			return
		}
		if c.Transport != "tcp" && c.Transport != "ipc" || c.ShellPort < 0 || c.ShellPort > 65535 {
			t.Fatalf("accepted %s", c)
		}
		if _, err := newSigner(c.SignatureScheme, c.Key); err != nil {
			t.Fatalf("accepted an unusable scheme: %v", err)
		}
	})
}
