package jupyter

import (
	"context"
	"encoding/json"

	"github.com/nnbook/nnbook/kernel"
)

// Standard input: a cell that reads os.Stdin or calls fmt.Scan* gets its
// lines from the front end. For each line the kernel sends an input_request
// on the stdin socket to the client that sent the execute_request (whose
// stdin socket has the same identity as its shell socket), after the cell's
// output so far, and waits for the input_reply; an interrupt stops the wait.
// When the request did not allow stdin (allow_stdin false, as nbclient and
// nbconvert send), reading fails with kernel.ErrNoInput, as ipykernel raises
// StdinNotImplementedError.

// asker returns the InputFunc of the cell run for the execute_request m.
func (k *Kernel) asker(ctx context.Context, m *message, allowed bool, out *cellOutput) kernel.InputFunc {
	return func(prompt string, password bool) (string, error) {
		if !allowed {
			return "", kernel.ErrNoInput
		}
		out.flush()
		for drained := false; !drained; { // a reply nobody waited for is stale
			select {
			case <-k.inputReplies:
			default:
				drained = true
			}
		}
		k.reply(k.stdin, m, "input_request", map[string]any{"prompt": prompt, "password": password})
		select {
		case r := <-k.inputReplies:
			var c struct {
				Value string `json:"value"`
			}
			if err := json.Unmarshal(r.Content, &c); err != nil {
				k.log.Printf("stdin: input_reply content: %v", err)
			}
			return c.Value, nil
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

// serveStdin hands input_reply messages to the cell waiting for one.
func (k *Kernel) serveStdin() {
	k.recv(k.stdin, func(m *message) {
		if m.Header.MsgType != "input_reply" {
			k.log.Printf("stdin: ignored %s", m.Header.MsgType)
			return
		}
		select {
		case k.inputReplies <- m:
		default:
			k.log.Printf("stdin: dropped an input_reply no cell waits for")
		}
	})
}
