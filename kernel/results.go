package kernel

import "reflect"

// The results stage: the final expression's values, stored by the
// interpreted code (__rt.Add, __rt.Fail) while the cell ran, become a Value
// part, or an error when its last result is a non-nil error.

// showFinal emits the values of the final unit of a cell that ran to the end
// (a live figure of prog that shows the same figure is emptied).
func (e *Engine) showFinal(code string, final unit, prog *progress) error {
	e.valMu.Lock()
	vals, failMsg, failed := e.vals, e.failMsg, e.failed
	e.valMu.Unlock()
	if failed {
		ce := &CellError{Name: KindError, Value: unversion(failMsg), Line: final.line, Col: runeCol(code, final.line, final.col)}
		ce.Traceback = []string{ce.Error()}
		return ce
	}
	switch {
	case len(vals) == 1:
		if final.nres == 2 && final.lastErr && reflect.TypeOf(vals[0].v) == reflect.TypeOf(0) {
			return nil // (int, error): fmt.Print*, Write
		}
		typ := vals[0].typ
		if final.nres == 1 && final.expr != nil {
			if t := e.litType(final.expr); t != "" {
				typ = t
			}
		}
		part := valuePart(vals[0].v, vals[0].text, vals[0].rich, typ)
		prog.supersede(part)
		capture.emitPart(part)
	case len(vals) > 1:
		capture.emitPart(valuesPart(vals))
	}
	return nil
}
