package nnlib

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strings"

	"gonum.org/v1/gonum/diff/fd"
)

// GradCheckOptions tunes GradCheckWith. Zero fields take the defaults.
type GradCheckOptions struct {
	// Points chooses the central difference: 4 (the default) is the
	// fourth-order one, (E(p−2h) − 8E(p−h) + 8E(p+h) − E(p+2h)) / 12h, accurate
	// to about 1e-12 with h = 1e-3; 2 is the textbook (E(p+h) − E(p−h)) / 2h,
	// accurate to about 1e-10 with h = 1e-6 (gonum's fd.Central).
	Points int
	// Step is h; default 1e-3 with 4 points, 1e-6 with 2.
	Step float64
	// Tolerance is the largest relative error that passes; default 1e-6 with 4
	// points, 1e-5 with 2.
	Tolerance float64
	// Floor keeps the relative error meaningful for gradients near zero: it is
	// |analytic − numeric| / max(|analytic|, |numeric|, Floor); default 1e-6.
	Floor float64
	// Params lists the parameter indices to check; nil checks all of them.
	Params []int
	// Sample, when > 0, checks only that many of them, drawn at random from
	// Seed (in index order) — a big network has too many parameters to check
	// every one quickly.
	Sample int
	Seed   int64
}

// String shows the options in Go syntax.
func (o GradCheckOptions) String() string {
	return fmt.Sprintf("GradCheckOptions{Points: %d, Step: %g, Tolerance: %g, Floor: %g, Params: %v, Sample: %d, Seed: %d}",
		o.Points, o.Step, o.Tolerance, o.Floor, o.Params, o.Sample, o.Seed)
}

// gcCentral4 is the fourth-order central difference for a first derivative.
var gcCentral4 = fd.Formula{
	Stencil:    []fd.Point{{Loc: -2, Coeff: 1.0 / 12}, {Loc: -1, Coeff: -8.0 / 12}, {Loc: 1, Coeff: 8.0 / 12}, {Loc: 2, Coeff: -1.0 / 12}},
	Derivative: 1,
	Step:       1e-3,
}

// GradCheckRow is the check of one parameter.
type GradCheckRow struct {
	Index    int     // position in the flat parameter vector (Network.Param)
	Name     string  // Network.ParamName, e.g. "w5" or "L1.W[0,1]"
	Analytic float64 // ∂E/∂param from backpropagation (Network.Gradient)
	Numeric  float64 // the central difference
	RelError float64 // |Analytic − Numeric| / max(|Analytic|, |Numeric|, Floor)
	OK       bool    // RelError ≤ Tolerance
}

// String prints the row on one line.
func (r GradCheckRow) String() string {
	return fmt.Sprintf("%s: analytic %.10g, numeric %.10g, relative error %.2g, %s", r.Name, r.Analytic, r.Numeric, r.RelError, gcVerdict(r.OK))
}

// GradCheckReport is the result of a gradient check: one row per parameter and
// the verdict.
type GradCheckReport struct {
	Rows        []GradCheckRow
	Loss        float64 // E for the sample, before any perturbation
	Points      int     // of the central difference: 2 or 4
	Step        float64
	Tolerance   float64
	MaxRelError float64 // the largest RelError (0 with no rows)
	Worst       string  // name of the parameter with MaxRelError
	Failed      int     // rows over the tolerance
	Pass        bool    // no row over the tolerance
}

// gcMaxRows is how many rows String prints before it shortens the table.
const gcMaxRows = 40

// String prints the report as a table — parameter, analytic gradient, numeric
// gradient, relative error, ok — and the verdict. Beyond 40 parameters it shows
// the failed rows and the worst ones.
func (r *GradCheckReport) String() string {
	if r == nil {
		return "GradCheckReport(nil)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Gradient check: %d %s, loss %.10g, %d-point central difference, step %g, tolerance %g\n",
		len(r.Rows), dataPlural(len(r.Rows), "parameter", "parameters"), r.Loss, r.Points, r.Step, r.Tolerance)
	rows := r.Rows
	if len(rows) > gcMaxRows {
		rows = append([]GradCheckRow(nil), rows...)
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].RelError > rows[j].RelError })
		rows = rows[:max(gcMaxRows/2, r.Failed)]
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].Index < rows[j].Index })
	}
	table := [][]string{{"parameter", "analytic", "numeric", "rel. error", "ok"}}
	for _, row := range rows {
		table = append(table, []string{row.Name, fmt.Sprintf("%.10f", row.Analytic), fmt.Sprintf("%.10f", row.Numeric),
			fmt.Sprintf("%.1e", row.RelError), gcVerdict(row.OK)})
	}
	b.WriteString(dataTable(table, true))
	if len(rows) < len(r.Rows) {
		fmt.Fprintf(&b, "… %d more parameters, not shown (the worst %d are above)\n", len(r.Rows)-len(rows), len(rows))
	}
	switch {
	case len(r.Rows) == 0:
		b.WriteString("PASS: nothing to check\n")
	case r.Pass:
		fmt.Fprintf(&b, "PASS: every relative error ≤ %g (largest %.1e, %s)\n", r.Tolerance, r.MaxRelError, r.Worst)
	default:
		fmt.Fprintf(&b, "FAIL: %d of %d parameters have a relative error > %g (largest %.1e, %s)\n", r.Failed, len(r.Rows), r.Tolerance, r.MaxRelError, r.Worst)
	}
	return b.String()
}

func gcVerdict(ok bool) string {
	if ok {
		return "ok"
	}
	return "FAIL"
}

// GradCheck compares backpropagation's gradient (Network.Gradient) with central
// differences of the loss (Network.SampleLoss, via gonum's diff/fd) for every
// parameter of n on one sample, with the default options. The network is
// unchanged afterwards, also when a done cell context (see SetCellContext)
// stops the check part way with an error.
//
//	r, err := nnlib.GradCheck(net, input, target)
//	fmt.Println(r)   // the table and PASS or FAIL
func GradCheck(n *Network, input, target []float64) (*GradCheckReport, error) {
	return GradCheckWith(n, input, target, GradCheckOptions{})
}

// GradCheckWith is GradCheck with options (step, tolerance, which parameters).
func GradCheckWith(n *Network, input, target []float64, opts GradCheckOptions) (*GradCheckReport, error) {
	if n == nil {
		return nil, fmt.Errorf("GradCheck: expected a network, got nil")
	}
	formula := gcCentral4
	switch opts.Points {
	case 0, 4:
		opts.Points = 4
	case 2:
		formula = fd.Central
	default:
		return nil, fmt.Errorf("GradCheck: Points must be 2 or 4, got %d", opts.Points)
	}
	if opts.Step == 0 {
		opts.Step = map[int]float64{2: 1e-6, 4: 1e-3}[opts.Points]
	}
	if opts.Tolerance == 0 {
		opts.Tolerance = map[int]float64{2: 1e-5, 4: 1e-6}[opts.Points]
	}
	if opts.Floor == 0 {
		opts.Floor = 1e-6
	}
	for _, v := range []struct {
		name string
		v    float64
	}{{"Step", opts.Step}, {"Tolerance", opts.Tolerance}, {"Floor", opts.Floor}} {
		if !(v.v > 0) || math.IsInf(v.v, 0) {
			return nil, fmt.Errorf("GradCheck: %s must be a finite number > 0, got %v", v.name, v.v)
		}
	}
	params := opts.Params
	if params == nil {
		params = make([]int, n.NumParams())
		for i := range params {
			params[i] = i
		}
	}
	for k, i := range params {
		if i < 0 || i >= n.NumParams() {
			return nil, fmt.Errorf("GradCheck: Params[%d] = %d is outside the network's parameters 0..%d", k, i, n.NumParams()-1)
		}
	}
	if opts.Sample < 0 {
		return nil, fmt.Errorf("GradCheck: Sample must be ≥ 0, got %d", opts.Sample)
	}
	if opts.Sample > 0 && opts.Sample < len(params) {
		pick := rand.New(rand.NewSource(opts.Seed)).Perm(len(params))[:opts.Sample]
		sort.Ints(pick)
		sub := make([]int, len(pick))
		for k, p := range pick {
			sub[k] = params[p]
		}
		params = sub
	}
	grad, err := n.Gradient(input, target)
	if err != nil {
		return nil, fmt.Errorf("GradCheck: %w", err)
	}
	loss, err := n.SampleLoss(input, target)
	if err != nil {
		return nil, fmt.Errorf("GradCheck: %w", err)
	}
	r := &GradCheckReport{Loss: loss, Points: opts.Points, Step: opts.Step, Tolerance: opts.Tolerance, Pass: true, Rows: make([]GradCheckRow, 0, len(params))}
	settings := &fd.Settings{Formula: formula, Step: opts.Step}
	done := cellDone()
	for _, i := range params {
		num, err := gcDerivative(n, i, input, target, settings, done)
		if err != nil {
			return nil, fmt.Errorf("GradCheck stopped after %d of %d parameters: %w", len(r.Rows), len(params), err)
		}
		a := grad[i]
		rel := math.Abs(a-num) / math.Max(math.Max(math.Abs(a), math.Abs(num)), opts.Floor)
		if math.IsNaN(rel) {
			rel = math.Inf(1)
		}
		row := GradCheckRow{Index: i, Name: n.ParamName(i), Analytic: a, Numeric: num, RelError: rel, OK: rel <= opts.Tolerance}
		r.Rows = append(r.Rows, row)
		if !row.OK {
			r.Failed++
			r.Pass = false
		}
		if rel > r.MaxRelError || r.Worst == "" {
			r.MaxRelError, r.Worst = rel, row.Name
		}
	}
	return r, nil
}

// gcProbe, when set (by tests), runs before every loss evaluation of the
// central difference, while a parameter is perturbed.
var gcProbe func()

// gcDerivative is the central difference of the loss in parameter i. The
// parameter is set back to its exact value before it returns, also when the
// cell context is done in between (then the error says so).
func gcDerivative(n *Network, i int, input, target []float64, settings *fd.Settings, done <-chan struct{}) (float64, error) {
	orig := n.Param(i)
	defer n.SetParam(i, orig)
	var err error
	num := fd.Derivative(func(v float64) float64 {
		if err != nil {
			return math.NaN()
		}
		n.SetParam(i, v)
		if gcProbe != nil {
			gcProbe()
		}
		if isDone(done) {
			err = cellErr()
			return math.NaN()
		}
		e, lossErr := n.SampleLoss(input, target)
		if lossErr != nil { // cannot happen: the sizes were checked before
			err = lossErr
		}
		return e
	}, orig, settings)
	return num, err
}
