package plot_test

import (
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"github.com/nnbook/nnbook/nnlib"
	"github.com/nnbook/nnbook/nnlib/plot"
	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// save writes f into a fresh temporary directory under name and prints
// the file name with the PNG's size in pixels.
func save(f *plot.Figure, name string) {
	dir, err := os.MkdirTemp("", "nnbook-plot-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, name)
	if err := f.Save(path); err != nil {
		fmt.Println(err)
		return
	}
	file, err := os.Open(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer file.Close()
	if filepath.Ext(name) != ".png" {
		st, _ := file.Stat()
		fmt.Println(name, st.Size() > 0)
		return
	}
	cfg, err := png.DecodeConfig(file)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s %d×%d\n", name, cfg.Width, cfg.Height)
}

// The worked example's error over 10,000 updates, one value per step: it
// falls from 0.298 to 3.5e-5, so the y axis is logarithmic by itself.
func ExampleValues() {
	net := nnlib.WorkedExample()
	var errs []float64
	for range 10000 {
		e, err := net.Train(nnlib.WorkedInput(), nnlib.WorkedTarget())
		if err != nil {
			fmt.Println(err)
			return
		}
		errs = append(errs, e)
	}
	f := plot.Values("E_total", errs).Title("Worked example: 10,000 updates")
	fmt.Println(f)
	fmt.Println("log y:", f.IsLogY())
	save(f, "worked-example-error.png")
	// Output:
	// Figure "Worked example: 10,000 updates" 640×480 (1 series)
	// log y: true
	// worked-example-error.png 640×480
}

// Three learning rates on XOR, one colour each, named by History.Name.
func ExampleLoss() {
	var runs []*nnlib.History
	for _, lr := range []float64{0.1, 0.5, 2.0} {
		net, err := nnlib.Build([]int{2, 4, 1}, nnlib.WithLearningRate(lr), nnlib.WithSeed(1))
		if err != nil {
			fmt.Println(err)
			return
		}
		h, err := net.Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 300})
		if err != nil {
			fmt.Println(err)
			return
		}
		h.Name = fmt.Sprintf("lr=%g", lr)
		runs = append(runs, h)
	}
	f := plot.Loss(runs...).Title("XOR: three learning rates")
	fmt.Println(f)
	for _, s := range f.Series() {
		fmt.Println(s.Name, len(s.X), "epochs")
	}
	save(f, "xor-learning-rates.png")
	// Output:
	// Figure "XOR: three learning rates" 640×480 (3 series)
	// lr=0.1 300 epochs
	// lr=0.5 300 epochs
	// lr=2 300 epochs
	// xor-learning-rates.png 640×480
}

// The loss of every step, recorded with FitOptions.RecordSteps.
func ExampleLossSteps() {
	net := nnlib.WorkedExample()
	h, err := net.Fit(nnlib.WorkedExampleData(), nnlib.FitOptions{Epochs: 10000, BatchSize: 1, RecordSteps: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	f := plot.LossSteps(h)
	s := f.Series()[0]
	fmt.Printf("%d steps, E_total %.6f → %.3g, log y: %v\n", len(s.X), s.Y[0], s.Y[len(s.Y)-1], f.IsLogY())
	save(f, "worked-example-steps.svg")
	// Output:
	// 10000 steps, E_total 0.298371 → 3.51e-05, log y: true
	// worked-example-steps.svg true
}

// A diverged run still plots: the NaN epochs are dropped and marked.
func ExampleLoss_diverged() {
	h := &nnlib.History{Name: "lr=50"}
	for e, l := range []float64{0.7, 3, 40, math.Inf(1), math.NaN()} {
		h.Epochs = append(h.Epochs, nnlib.EpochStats{Epoch: e + 1, Loss: l})
	}
	f := plot.Loss(h)
	s := f.Series()[0]
	fmt.Println(s)
	fmt.Printf("red ✗ at epoch %v, loss %v\n", s.MarkX, s.MarkY)
	save(f, "diverged.png")
	// Output:
	// lr=50 train: 3 points, y 0.7 → 40, 2 dropped, diverged
	// red ✗ at epoch 3, loss 40
	// diverged.png 640×480
}

// Loss and accuracy side by side, with a validation set.
func ExampleLossAndAccuracy() {
	train, val := nnlib.TwoMoons(200, 0.1, 1).Split(0.8, 1)
	net := nnlib.New(2, 8, 2)
	h, err := net.Fit(train, nnlib.FitOptions{Epochs: 50, BatchSize: 10, Validation: val})
	if err != nil {
		fmt.Println(err)
		return
	}
	f := plot.LossAndAccuracy(h).Title("Two moons")
	fmt.Println(f)
	save(f, "moons-training.png")
	// Output:
	// Figure "Two moons" 1120×440 (4 series)
	// moons-training.png 1120×440
}

// The seed's 2-2-2 network, every weight written on its connection.
func ExampleNetwork() {
	f := plot.Network(nnlib.WorkedExample())
	fmt.Println(f)
	save(f, "worked-example-network.png")
	// Output:
	// Figure "Network 2-2-2" 510×480 (1 network)
	// worked-example-network.png 510×480
}

// The worked example before and after 10,000 updates.
func ExampleNetworkBeforeAfter() {
	net := nnlib.WorkedExample()
	before := net.Clone()
	if _, err := net.Fit(nnlib.WorkedExampleData(), nnlib.FitOptions{Epochs: 10000, BatchSize: 1}); err != nil {
		fmt.Println(err)
		return
	}
	f := plot.NetworkBeforeAfter(before, net)
	fmt.Println(f)
	save(f, "worked-example-before-after.png")
	// Output:
	// Figure "Before and after training" 1020×480 (2 networks)
	// worked-example-before-after.png 1020×480
}

// What a small network learns on two moons.
func ExampleBoundary() {
	d := nnlib.TwoMoons(200, 0.1, 1)
	net, err := nnlib.Build([]int{2, 16, 2}, nnlib.WithHidden(nnlib.Tanh), nnlib.WithSeed(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := net.Fit(d, nnlib.FitOptions{Epochs: 200, BatchSize: 10}); err != nil {
		fmt.Println(err)
		return
	}
	f := plot.Boundary(net, d)
	fmt.Println(f)
	save(f, "moons-boundary.png")
	// Output:
	// Figure "Decision boundary: moons" 560×520 (1 boundary)
	// moons-boundary.png 560×520
}

// A grid of digits with true and predicted labels; wrong ones in red.
// (With MNIST: plot.Misclassified(net, test, 20).)
func ExampleDigits() {
	var images [][]float64
	for k := range 8 {
		px := make([]float64, 28*28)
		for r := 4; r < 24; r++ { // a vertical stroke, one column further each time
			px[r*28+10+k] = 1
		}
		images = append(images, px)
	}
	truth := []int{1, 1, 1, 1, 1, 1, 1, 1}
	pred := []int{1, 1, 7, 1, 1, 1, 4, 1}
	f := plot.Digits(images, truth, pred, 4)
	fmt.Println(f)
	save(f, "digits.png")
	// Output:
	// Figure 420×286 (8 digits)
	// digits.png 420×286
}

// Title, size and format are settable; Save picks the format from the
// extension.
func ExampleFigure_Save() {
	f := plot.Values("loss", []float64{0.9, 0.5, 0.3, 0.2}).Title("Small").Size(400, 300)
	fmt.Println(f)
	save(f, "small.png")
	save(f, "small.svg")
	fmt.Println(f.Save("small.pdf")) // fails before writing anything
	// Output:
	// Figure "Small" 400×300 (1 series)
	// small.png 400×300
	// small.svg true
	// plot: cannot save "small.pdf": extension ".pdf" (supported: .png, .svg)
}

// Any gonum plot becomes a Figure with PNG, SVG and Save.
func ExampleFromPlots() {
	p := gplot.New()
	p.Title.Text = "σ(x)"
	sigmoid := plotter.NewFunction(func(x float64) float64 { return 1 / (1 + math.Exp(-x)) })
	p.Add(sigmoid)
	p.X.Min, p.X.Max = -6, 6
	p.Y.Min, p.Y.Max = 0, 1
	f := plot.FromPlots(p)
	fmt.Println(f)
	save(f, "sigmoid.png")
	// Output:
	// Figure "σ(x)" 640×480 (1 plot)
	// sigmoid.png 640×480
}
