package nnlib

import (
	"math"
	"math/big"
)

// The sigmoid is the seed's activation and the inner loop of its worked
// example: one training step of the 2-2-2 network is two chains of
// exp → divide → multiply-add, each waiting on the last. math.Exp takes
// about 37 ns from argument to result on the machines measured here, half of
// a step. exp is a table-driven exponential (Tang's method, as in glibc's
// exp, which the seed's Python calls) that takes about 12.5 ns and is more
// accurate: correctly rounded for 99.9% of arguments where math.Exp is for
// 87%, never off by a whole ulp (TestExpAccuracy checks both against a
// 200-bit reference). So the worked example's published numbers, computed
// with glibc, come out to the last bit.
//
//	e^x = 2^(k/N) · e^r,  k = round(x·N/ln 2),  r = x − k·ln 2/N,  |r| ≤ ln 2/(2N)
//
// with N = 128: 2^(k/N) is 2^(k div N) (added to the exponent bits) times a
// table entry 2^(j/N), j = k mod N, held as a float64 and the relative
// error of that float64 (its tail, folded into the polynomial); e^r − 1 is
// its Taylor polynomial of degree 5, whose truncation error (|r|⁶/720 <
// 6·10⁻¹⁹) is far below half an ulp. Outside |x| < 700 (overflow, underflow
// to subnormals, NaN) it is math.Exp. It uses fused multiply-adds: math.FMA
// is one instruction on every x86-64 processor since 2013 and exact in
// software elsewhere, so the results are the same bits on every machine.

const (
	expTableBits = 7
	expTableN    = 1 << expTableBits
	expInvLn2N   = expTableN / math.Ln2
	expShift     = 0x1.8p52              // adding it rounds to an integer in the low mantissa bits
	expLn2HiN    = 0x1.62e42fefa0000p-8  // ln 2/N, high part: k·expLn2HiN is exact
	expLn2LoN    = 0x1.cf79abc9e3b3ap-47 // ln 2/N − expLn2HiN
)

// expTable[2j] is the tail of 2^(j/N): (2^(j/N) − t)/t for t, its float64;
// expTable[2j+1] holds the bits of t less j<<45, so that adding the low bits
// of k shifted to the exponent field yields 2^(k/N) directly.
var expTable = func() (tab [2 * expTableN]uint64) {
	const prec = 200
	roots := make([]*big.Float, expTableBits) // 2^(1/2), 2^(1/4), … 2^(1/N)
	r := big.NewFloat(2).SetPrec(prec)
	for k := range roots {
		r = new(big.Float).SetPrec(prec).Sqrt(r)
		roots[k] = r
	}
	for j := 0; j < expTableN; j++ {
		v := new(big.Float).SetPrec(prec).SetInt64(1)
		for k := range roots {
			if j>>(expTableBits-1-k)&1 == 1 {
				v.Mul(v, roots[k])
			}
		}
		t, _ := v.Float64()
		tail := new(big.Float).SetPrec(prec).Sub(v, big.NewFloat(t))
		tail.Quo(tail, big.NewFloat(t))
		tf, _ := tail.Float64()
		tab[2*j] = math.Float64bits(tf)
		tab[2*j+1] = math.Float64bits(t) - uint64(j)<<(52-expTableBits)
	}
	return tab
}()

// exp returns e^x, correctly rounded but for about one argument in a
// thousand, which is off by less than one ulp.
func exp(x float64) float64 {
	if !(x > -700 && x < 700) {
		return math.Exp(x)
	}
	kd := math.FMA(x, expInvLn2N, expShift)
	ki := math.Float64bits(kd)
	kd -= expShift
	r := math.FMA(kd, -expLn2HiN, x)
	r = math.FMA(kd, -expLn2LoN, r)
	j := 2 * (ki % expTableN)
	tail := math.Float64frombits(expTable[j])
	scale := math.Float64frombits(expTable[j+1] + ki<<(52-expTableBits))
	r2 := r * r
	lo := math.FMA(r2, math.FMA(r, 1.0/6, 1.0/2), r+tail)  // tail + r + r²/2 + r³/6
	p := math.FMA(r2*r2, math.FMA(r, 1.0/120, 1.0/24), lo) // + r⁴/24 + r⁵/120
	return math.FMA(scale, p, scale)
}
