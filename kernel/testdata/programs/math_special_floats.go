package main

import (
	"fmt"
	"math"
)

func safeDiv(a, b float64) float64 { return a / b }

func main() {
	nan := math.NaN()
	inf := math.Inf(1)
	fmt.Println(nan, inf, -inf, math.Inf(-1))
	fmt.Println(nan == nan, nan != nan, inf == inf, inf > math.MaxFloat64)
	fmt.Println(math.IsNaN(nan), math.IsInf(inf, 1), math.IsInf(-inf, 0))
	fmt.Println(safeDiv(1, 0), safeDiv(-1, 0), safeDiv(0, 0))
	fmt.Printf("%v %f %.2f %e %g %8.3f|\n", inf, inf, nan, -inf, nan, inf)
	fmt.Printf("%+v %+f %x\n", inf, nan, inf)

	zero := 0.0
	negZero := math.Copysign(0, -1)
	fmt.Println(negZero, zero == negZero, math.Signbit(negZero), 1/negZero)
	fmt.Printf("%v %.1f %g\n", negZero, negZero, negZero)

	fmt.Println(math.Sqrt(-1), math.Log(0), math.Log(-1))
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Println(float32(math.MaxFloat32), math.MaxInt64, math.MinInt64)
	fmt.Println(math.Max(nan, 1), math.Min(-inf, 3), math.Max(3, inf))
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Round(-2.5), math.Trunc(-2.5), math.RoundToEven(2.5))
	fmt.Println(math.Mod(7, -3), math.Remainder(7, 3), math.Abs(-0.0))

	values := []float64{3, nan, 1, inf, -2}
	sum, count := 0.0, 0
	for _, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		sum += v
		count++
	}
	fmt.Println(sum/float64(count), count)
	m := map[float64]int{nan: 1}
	m[nan] = 2
	fmt.Println(len(m))
	fmt.Println(0.1+0.2, 0.1+0.2 == 0.3, float32(0.1)+float32(0.2))
}
