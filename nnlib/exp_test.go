package nnlib

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// expExact is e^x to 200 bits: (Σ (x/2^12)^n/n!)^(2^12).
func expExact(x float64) *big.Float {
	const prec, halvings = 200, 12
	y := new(big.Float).SetPrec(prec).SetFloat64(math.Ldexp(x, -halvings))
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	n := new(big.Float).SetPrec(prec)
	for i := 1; i < 40; i++ {
		term.Mul(term, y)
		term.Quo(term, n.SetInt64(int64(i)))
		sum.Add(sum, term)
	}
	for i := 0; i < halvings; i++ {
		sum.Mul(sum, sum)
	}
	return sum
}

// ulpErr is |got − want| in units of the last place of want rounded to a
// float64.
func ulpErr(got float64, want *big.Float) float64 {
	w, _ := want.Float64()
	w = math.Abs(w)
	d := new(big.Float).SetPrec(200).SetFloat64(got)
	d.Sub(d, want)
	e, _ := d.Abs(d).Float64()
	return e / (math.Nextafter(w, math.Inf(1)) - w)
}

func TestExpAccuracy(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for _, r := range []struct {
		name   string
		lo, hi float64
	}{
		{"sigmoid range", -40, 40},
		{"near zero", -1e-3, 1e-3},
		{"large", -699, 699},
	} {
		t.Run(r.name, func(t *testing.T) {
			worst, worstMath, at := 0.0, 0.0, 0.0
			rounded, roundedMath := 0, 0
			n := 3000
			if testing.Short() {
				n = 300
			}
			for i := 0; i < n; i++ {
				x := r.lo + (r.hi-r.lo)*rng.Float64()
				want := expExact(x)
				w, _ := want.Float64()
				got := exp(x)
				if e := ulpErr(got, want); e > worst {
					worst, at = e, x
				}
				worstMath = math.Max(worstMath, ulpErr(math.Exp(x), want))
				if got == w {
					rounded++
				}
				if math.Exp(x) == w {
					roundedMath++
				}
			}
			t.Logf("worst error %.3f ulp at %v, correctly rounded %d of %d (math.Exp: %.3f ulp, %d)",
				worst, at, rounded, n, worstMath, roundedMath)
			if worst > 0.51 {
				t.Errorf("exp(%v) is %.3f ulp off, want at most 0.51", at, worst)
			}
			if float64(rounded) < 0.995*float64(n) {
				t.Errorf("exp is correctly rounded for %d of %d arguments, want 99.5%%", rounded, n)
			}
		})
	}
}

func TestExpSpecialValues(t *testing.T) {
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, 699.9, -699.9, 700, -700, 709.7, 710, -745, -746,
		math.Inf(1), math.Inf(-1), math.NaN(), math.SmallestNonzeroFloat64, 1e-300} {
		got, want := exp(x), math.Exp(x)
		if math.IsNaN(want) {
			if !math.IsNaN(got) {
				t.Errorf("exp(%v) = %v, want NaN", x, got)
			}
			continue
		}
		if got != want && ulpErr(got, new(big.Float).SetFloat64(want)) > 1 {
			t.Errorf("exp(%v) = %v, want %v", x, got, want)
		}
	}
	if exp(0) != 1 {
		t.Errorf("exp(0) = %v, want exactly 1", exp(0))
	}
}

func BenchmarkExpLatency(b *testing.B) {
	for _, c := range []struct {
		name string
		f    func(float64) float64
	}{{"math.Exp", math.Exp}, {"nnlib.exp", exp}} {
		b.Run(c.name, func(b *testing.B) {
			x := 0.5
			for i := 0; i < b.N; i++ {
				x = c.f(-x) // each call waits on the last: latency, as in a training step
			}
			if x == 0 {
				b.Fatal(x)
			}
		})
	}
}
