package nnlib

import (
	"fmt"
	"testing"
)

// TestWorkedExampleBitExact: the reference was computed in Python, whose
// math.exp is glibc's; nnlib's exp rounds as glibc does on these arguments,
// so training reproduces the reference's numbers to the last bit, not only
// to 1e-9, over all 10,000 updates of both variants. (With math.Exp, 5 of the
// 20 errors and outputs of the exact algorithm differ in their last bits.)
func TestWorkedExampleBitExact(t *testing.T) {
	ref := loadRef(t)
	for _, c := range []struct {
		section   string
		published bool
	}{{"training", false}, {"published_variant_reproduction", true}} {
		t.Run(c.section, func(t *testing.T) {
			net := WorkedExample()
			net.SetPublishedVariant(c.published)
			got := trainTrajectory(t, net, 10000)
			checked := 0
			for _, series := range []string{"error_after_updates", "error_every_1000_updates"} {
				sec := ref.get(t, c.section).(map[string]any)
				if _, ok := sec[series]; !ok {
					continue
				}
				for k, want := range ref.counts(t, c.section, series) {
					checked++
					if got[k] != want {
						t.Errorf("E_total after %d updates = %.17g, want the reference's %.17g", k, got[k], want)
					}
				}
			}
			out, _ := net.Predict(WorkedInput())
			for i, want := range ref.nums(t, c.section, "outputs_after_10000") {
				checked++
				if out[i] != want {
					t.Errorf("output %d after 10000 = %.17g, want the reference's %.17g", i, out[i], want)
				}
			}
			if _, ok := ref.get(t, c.section).(map[string]any)["weights_after_10000"]; ok {
				for k := 1; k <= 8; k++ {
					want := ref.num(t, c.section, "weights_after_10000", fmt.Sprintf("w%d", k))
					l, rest := (k-1)/4, (k-1)%4
					checked++
					if g := net.Weight(l, rest/2, rest%2); g != want {
						t.Errorf("w%d after 10000 = %.17g, want the reference's %.17g", k, g, want)
					}
				}
			}
			if checked < 8 {
				t.Errorf("checked only %d values", checked)
			}
			t.Logf("%d values bit for bit", checked)
		})
	}
}
