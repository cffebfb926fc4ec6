package nnlib

import (
	"bytes"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	nets := map[string]*Network{
		"worked":    WorkedExample(),
		"published": func() *Network { n := WorkedExample(); n.SetPublishedVariant(true); return n }(),
	}
	var err error
	nets["adam"], err = Build([]int{4, 7, 3}, WithHidden(Tanh), WithLoss(CrossEntropy), WithOptimizer(Adam(0.01)), WithSeed(99), WithInit(He))
	if err != nil {
		t.Fatal(err)
	}
	nets["momentum"], err = Build([]int{3, 5, 4, 1}, WithHidden(LeakyReLU), WithOutput(Linear), WithLoss(MSE), WithOptimizer(Momentum(0.1, 0.9)), WithInit(Uniform), WithSeed(-5))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, n := range nets {
		// train a little so the weights are not the initial ones
		x := make([]float64, n.NumInputs())
		for i := range x {
			x[i] = 0.1*float64(i) + 0.05
		}
		y := make([]float64, n.NumOutputs())
		y[0] = 1
		for i := 0; i < 3; i++ {
			n.Train(x, y)
		}
		path := filepath.Join(dir, name+".json")
		if err := n.Save(path); err != nil {
			t.Fatal(err)
		}
		m, err := Load(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p1, _ := n.Predict(x)
		p2, _ := m.Predict(x)
		for i := range p1 {
			if math.Float64bits(p1[i]) != math.Float64bits(p2[i]) {
				t.Errorf("%s: output %d: %v after load, %v before", name, i, p2[i], p1[i])
			}
		}
		for i := 0; i < n.NumParams(); i++ {
			if math.Float64bits(n.Param(i)) != math.Float64bits(m.Param(i)) {
				t.Errorf("%s: %s differs", name, n.ParamName(i))
			}
		}
		if n.Summary() != m.Summary() {
			t.Errorf("%s: summary\n%s\n%s", name, n.Summary(), m.Summary())
		}
		if m.Steps() != n.Steps() || m.shuffle != n.shuffle {
			t.Errorf("%s: steps/shuffle state not restored", name)
		}
		// json.Marshal / json.Unmarshal go through the same code
		b, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		var k Network
		if err := json.Unmarshal(b, &k); err != nil {
			t.Fatal(err)
		}
		if k.String() != n.String() {
			t.Errorf("%s: json round trip differs", name)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	good, err := WorkedExample().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	s := string(good)
	cases := []struct{ name, doc, want string }{
		{"empty", "", "malformed JSON"},
		{"truncated", s[:len(s)/2], "malformed JSON"},
		{"not json", "hello", "malformed JSON"},
		{"wrong format", strings.Replace(s, FileFormat, "other", 1), `expected format "nnbook-network", got "other"`},
		{"no format", `{"version":1}`, "expected format"},
		{"newer", strings.Replace(s, `"version": 1`, `"version": 2`, 1), "file version 2 is newer"},
		{"no version", strings.Replace(s, `"version": 1,`, ``, 1), "expected a version"},
		{"bad activation", strings.Replace(s, `"sigmoid"`, `"sigmoud"`, 1), `unknown activation "sigmoud"`},
		{"bad loss", strings.Replace(s, `"squared_error"`, `"l1"`, 1), `unknown loss "l1"`},
		{"short row", strings.Replace(s, "0.15,", "", 1), "layer 0: weight row 0: expected 2 values (inputs), got 1"},
		{"bad sizes", strings.Replace(s, `"sizes": [`, `"sizes": [0,`, 1), "size 0 must be ≥ 1"},
		{"layer count", strings.Replace(s, `"sizes": [`, `"sizes": [2,`, 1), "need 3 layers, got 2"},
		{"bad lr", strings.Replace(s, `"learning_rate": 0.5`, `"learning_rate": -1`, 1), "learning rate must be"},
		{"bad shuffle", strings.Replace(s, `"shuffle_state": "`, `"shuffle_state": "x`, 1), "shuffle_state"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, err := Unmarshal([]byte(c.doc))
			if err == nil || n != nil {
				t.Fatalf("Unmarshal: got %v, %v; want error containing %q", n, err, c.want)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not contain %q", err, c.want)
			}
		})
	}
	// UnmarshalJSON leaves the receiver alone on error
	n := WorkedExample()
	before := n.String()
	if err := n.UnmarshalJSON([]byte(s[:20])); err == nil {
		t.Fatal("want error")
	}
	if n.String() != before {
		t.Fatal("failed UnmarshalJSON changed the network")
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Fatalf("Load missing: %v", err)
	}
}

func TestSaveRejectsNaN(t *testing.T) {
	n := WorkedExample()
	n.SetParam(0, math.NaN())
	if _, err := n.Marshal(); err == nil || !strings.Contains(err.Error(), "w1") {
		t.Fatalf("Marshal NaN: %v", err)
	}
}

func FuzzUnmarshal(f *testing.F) {
	good, _ := WorkedExample().Marshal()
	f.Add(good)
	b2, _ := New(3, 4, 2).Marshal()
	f.Add(b2)
	f.Add([]byte(`{"format":"nnbook-network","version":1,"sizes":[1,1],"layers":[{"activation":"relu","weights":[[1]],"biases":[0]}],"loss":"mse","optimizer":{"kind":"sgd","learning_rate":0.1},"init":"he","seed":1,"steps":0,"shuffle_state":"7"}`))
	f.Add([]byte(`{"format":"nnbook-network","version":3}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := Unmarshal(data)
		if err != nil {
			if n != nil {
				t.Fatal("error with a network")
			}
			return
		}
		// a loaded network works and round-trips
		x := make([]float64, n.NumInputs())
		if _, err := n.Predict(x); err != nil {
			t.Fatal(err)
		}
		_ = n.String()
		b, err := n.Marshal()
		if err != nil {
			return // e.g. a loaded weight that overflows after training is impossible here; keep going
		}
		m, err := Unmarshal(b)
		if err != nil {
			t.Fatalf("re-load of saved network: %v", err)
		}
		b2, _ := m.Marshal()
		if !bytes.Equal(b, b2) {
			t.Fatal("save(load(save(n))) != save(n)")
		}
	})
}
