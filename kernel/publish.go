package kernel

import (
	"bytes"
	"context"
	"fmt"
)

// publisher is what the display package calls while a cell runs (see
// kernel/internal/show).
type publisher struct {
	e    *Engine
	ctx  context.Context
	prog *progress // the cell's live training figures, or nil
}

// Display emits v as a Display part.
func (p *publisher) Display(id string, v any) { p.emit(Display, id, v) }

// Update emits v as an UpdateDisplay part.
func (p *publisher) Update(id string, v any) {
	if id == "" {
		return // nothing to update; Jupyter would reject the message
	}
	p.emit(UpdateDisplay, id, v)
}

func (p *publisher) emit(kind PartKind, id string, v any) {
	text := fmt.Sprint(v)
	data, note := mimeData(v, text, nil)
	if note != "" {
		text += fmt.Sprintf("\n(not shown: %s)", note)
		data["text/plain"] = []byte(text)
	}
	capture.emitPart(Part{Kind: kind, DisplayID: id, Text: text, Data: data})
}

// Clear emits a ClearOutput part.
func (p *publisher) Clear(wait bool) {
	capture.emitPart(Part{Kind: ClearOutput, Wait: wait})
}

// Input reads one line through the cell's InputFunc, or from the process's
// standard input when there is none (the prompt is then printed).
func (p *publisher) Input(prompt string, password bool) (string, error) {
	if ask := inputFrom(p.ctx); ask != nil {
		capture.sync()
		return ask(prompt, password)
	}
	capture.write(Stdout, []byte(prompt))
	var line []byte
	buf := make([]byte, 1)
	for {
		n, err := p.e.stdin.Read(buf)
		if n > 0 {
			if buf[0] == '\n' {
				break
			}
			line = append(line, buf[0])
		}
		if err != nil {
			if len(line) > 0 {
				break
			}
			return "", err
		}
	}
	return string(bytes.TrimSuffix(line, []byte("\r"))), nil
}
