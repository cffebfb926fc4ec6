// Package plot draws what a learner wants to look at while a network
// trains: loss and accuracy curves, the network itself, decision
// boundaries and grids of digits. Every function returns a *Figure, a
// value that renders itself as PNG or SVG:
//
//	h, _ := net.Fit(data, nnlib.FitOptions{Epochs: 200})
//	plot.Loss(h)                       // shown inline by the notebook kernel
//	plot.Loss(h).Save("loss.png")      // or saved by the REPL
//
// Figures are drawn with gonum.org/v1/plot, whose fonts (Liberation) are
// embedded: nothing needs to be installed. Plots() hands out the gonum
// plots for fine tuning, and FromPlots wraps plots you built yourself.
//
// Curves never fail on bad numbers: NaN and ±Inf (a diverged run) are
// dropped and the spot where the run blew up is marked with a red ✗. A loss
// axis turns logarithmic by itself when the values span more than two
// decades (the worked example's error falls from 0.298 to 3.5e-5); LogY
// forces either choice.
//
// Series returns the numbers behind each figure, which is how the tests
// check figures without comparing pixels.
package plot
