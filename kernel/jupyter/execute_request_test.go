package jupyter

import (
	"strings"
	"testing"
)

// TestExecuteRequestWithoutCode: an execute_request whose code is missing
// or not a string gets status error naming what was expected, and nothing
// runs (issue 15: it used to get status ok).
func TestExecuteRequestWithoutCode(t *testing.T) {
	c := startKernel(t)
	tests := []struct {
		content map[string]any
		want    string
	}{
		{map[string]any{"silent": false}, `expected "code" (the cell's source, a string), got no "code" field`},
		{map[string]any{"code": 12345}, `expected "code" to be a string, got a number 12345`},
		{map[string]any{"code": nil}, `expected "code" to be a string, got null`},
		{map[string]any{"code": []string{"1"}}, `expected "code" to be a string, got an array ["1"]`},
		{map[string]any{"code": "1", "silent": "yes"}, `expected "silent" to be bool, got string`},
	}
	for _, tc := range tests {
		id := c.request(c.shell, "execute_request", tc.content)
		r := content(c.wait(c.shellC, "execute_reply", guard))
		if r["status"] != "error" || r["ename"] != "InvalidRequest" || !strings.Contains(r["evalue"].(string), tc.want) {
			t.Errorf("%v: reply %v, want an InvalidRequest error with %q", tc.content, r, tc.want)
		}
		c.iopubUntilIdle(id)
	}
	if got := c.eng.executed(); len(got) != 0 {
		t.Errorf("invalid requests ran code: %q", got)
	}
	// The kernel goes on: a valid request runs.
	reply, _ := c.execute("1", nil)
	if st := content(reply)["status"]; st != "ok" {
		t.Errorf("a valid request after the invalid ones: status %v", st)
	}
}
