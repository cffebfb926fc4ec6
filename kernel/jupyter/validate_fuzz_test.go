package jupyter

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// FuzzCheckKernelName: a name CheckKernelName accepts always names a
// directory directly inside the kernels directory, never the directory
// itself or anything above it.
func FuzzCheckKernelName(f *testing.F) {
	for _, s := range []string{"nnbook", ".", "..", "../x", "a/b", "", ".hidden", "NN-2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if CheckKernelName(name) != nil {
			return
		}
		const kernels = "/k/share/jupyter/kernels"
		p := filepath.Join(kernels, name)
		if filepath.Dir(p) != kernels || p == kernels {
			t.Errorf("accepted %q names %s, not a directory inside %s", name, p, kernels)
		}
	})
}

// FuzzCheckExecuteRequest: whatever the content, the check does not panic,
// and content it accepts decodes into an executeRequest whose code came as a
// JSON string.
func FuzzCheckExecuteRequest(f *testing.F) {
	for _, s := range []string{`{"code":"1"}`, `{}`, `{"code":12345}`, `{"code":null}`, `[]`, `null`, `{"code":"x","silent":"yes"}`, `{"code":"","store_history":false}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		if checkExecuteRequest(content) != nil {
			return
		}
		var req executeRequest
		if err := json.Unmarshal(content, &req); err != nil {
			t.Errorf("accepted %q, which does not decode: %v", content, err)
		}
		var fields map[string]json.RawMessage
		json.Unmarshal(content, &fields)
		var code string
		if err := json.Unmarshal(fields["code"], &code); err != nil {
			t.Errorf("accepted %q whose code is not a string: %v", content, err)
		}
	})
}
