package jupyter

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"time"
)

// protocolVersion is the Jupyter messaging protocol version this kernel speaks.
const protocolVersion = "5.3"

// delimiter separates the routing identities from the signed message frames.
var delimiter = []byte("<IDS|MSG>")

// header is the header of a Jupyter message.
type header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// message is one Jupyter message as it travels on a socket.
type message struct {
	// Identities are the routing frames before the delimiter (ROUTER sockets).
	Identities [][]byte
	Header     header
	// rawHeader is the header exactly as received; replies echo it as their
	// parent_header.
	rawHeader []byte
	// Parent is the parent_header, raw JSON ("{}" when there is none).
	Parent json.RawMessage
	// Metadata is the metadata dict, raw JSON.
	Metadata json.RawMessage
	// Content is the content dict, raw JSON.
	Content json.RawMessage
	// Buffers are the extra binary frames after the content.
	Buffers [][]byte
}

// String returns a one-line description such as
// `execute_request 3f2a… (session 1b7c…)`, never the signature or content.
func (m *message) String() string {
	return fmt.Sprintf("%s %s (session %s)", m.Header.MsgType, m.Header.MsgID, m.Header.Session)
}

// signer signs and verifies messages with HMAC; a nil key disables signing,
// as the protocol asks when the connection file's key is empty.
type signer struct {
	key []byte
	new func() hash.Hash
}

// newSigner returns the signer for a connection file's signature_scheme and key.
func newSigner(scheme, key string) (*signer, error) {
	s := &signer{}
	if key == "" {
		return s, nil
	}
	s.key = []byte(key)
	switch scheme {
	case "hmac-sha256", "":
		s.new = sha256.New
	case "hmac-sha512":
		s.new = sha512.New
	case "hmac-sha1":
		s.new = sha1.New
	default:
		return nil, fmt.Errorf("signature_scheme: want hmac-sha256, hmac-sha512 or hmac-sha1, got %q", scheme)
	}
	return s, nil
}

// sign returns the hex HMAC of the four signed frames ("" when signing is off).
func (s *signer) sign(parts ...[]byte) []byte {
	if s.key == nil {
		return nil
	}
	mac := hmac.New(s.new, s.key)
	for _, p := range parts {
		mac.Write(p)
	}
	sum := mac.Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// verify checks a received hex signature in constant time.
func (s *signer) verify(sig []byte, parts ...[]byte) error {
	if s.key == nil {
		return nil
	}
	if len(sig) == 0 {
		return errors.New("missing signature")
	}
	got := make([]byte, hex.DecodedLen(len(sig)))
	if _, err := hex.Decode(got, sig); err != nil {
		return errors.New("malformed signature (not hex)")
	}
	mac := hmac.New(s.new, s.key)
	for _, p := range parts {
		mac.Write(p)
	}
	if !hmac.Equal(got, mac.Sum(nil)) {
		return errors.New("bad signature")
	}
	return nil
}

// errNoDelimiter and friends describe frames that are not a Jupyter message.
var (
	errNoDelimiter = errors.New("no <IDS|MSG> delimiter")
	errShort       = errors.New("fewer than 5 frames after <IDS|MSG> (want signature, header, parent_header, metadata, content)")
)

// decode parses and verifies the frames of one received message. The
// signature is checked before any JSON is parsed.
func decode(frames [][]byte, s *signer) (*message, error) {
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], delimiter) {
		i++
	}
	if i == len(frames) {
		return nil, errNoDelimiter
	}
	rest := frames[i+1:]
	if len(rest) < 5 {
		return nil, errShort
	}
	if err := s.verify(rest[0], rest[1], rest[2], rest[3], rest[4]); err != nil {
		return nil, err
	}
	m := &message{Identities: frames[:i], rawHeader: rest[1], Buffers: rest[5:]}
	if err := json.Unmarshal(rest[1], &m.Header); err != nil {
		return nil, fmt.Errorf("header: want a JSON object, got %.40q: %v", rest[1], err)
	}
	if m.Header.MsgType == "" {
		return nil, errors.New("header: msg_type is missing")
	}
	var err error
	if m.Parent, err = objectOrEmpty(rest[2]); err != nil {
		return nil, fmt.Errorf("parent_header: %v", err)
	}
	if m.Metadata, err = objectOrEmpty(rest[3]); err != nil {
		return nil, fmt.Errorf("metadata: %v", err)
	}
	if m.Content, err = objectOrEmpty(rest[4]); err != nil {
		return nil, fmt.Errorf("content: %v", err)
	}
	return m, nil
}

// objectOrEmpty checks that b is a JSON object (an empty frame counts as {}).
func objectOrEmpty(b []byte) (json.RawMessage, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return json.RawMessage("{}"), nil
	}
	if b[0] != '{' || !json.Valid(b) {
		return nil, fmt.Errorf("want a JSON object, got %.40q", b)
	}
	return json.RawMessage(b), nil
}

// encode returns the frames of a message: identities, delimiter, signature,
// header, parent_header, metadata, content, buffers.
func encode(ids [][]byte, h header, parent []byte, metadata, content any, s *signer) ([][]byte, error) {
	hb, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	if len(parent) == 0 {
		parent = []byte("{}")
	}
	mb := []byte("{}")
	if metadata != nil {
		if mb, err = json.Marshal(metadata); err != nil {
			return nil, err
		}
	}
	cb, err := json.Marshal(content)
	if err != nil {
		return nil, fmt.Errorf("%s content: %v", h.MsgType, err)
	}
	frames := make([][]byte, 0, len(ids)+6)
	frames = append(frames, ids...)
	frames = append(frames, delimiter, s.sign(hb, parent, mb, cb), hb, parent, mb, cb)
	return frames, nil
}

// newID returns a random UUID-formatted id for msg_id and session.
func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// newHeader returns a header for a new message of type t in session.
func newHeader(t, session string) header {
	return header{
		MsgID:    newID(),
		Session:  session,
		Username: "kernel",
		Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z"),
		MsgType:  t,
		Version:  protocolVersion,
	}
}
