// Package plot draws what a learner wants to look at while a network
// trains. Every function returns a *Figure, a value that renders itself as
// PNG or SVG: the notebook kernel shows it inline, the REPL saves it.
//
//	h, _ := net.Fit(data, nnlib.FitOptions{Epochs: 200, Validation: val})
//	plot.Loss(h)                        // shown inline by the notebook kernel
//	plot.Loss(h).Save("loss.png")       // or saved to a file (.png or .svg)
//
// What there is to draw, each in one call:
//
//   - Loss, LossSteps, Accuracy, LossAndAccuracy: training curves of one or
//     more runs (say learning rates 0.1, 0.5 and 2.0), validation dashed,
//     one colour per run, named by History.Name.
//   - Values, Curves: the same from plain numbers, for example the worked
//     example's error after each of its 10,000 updates.
//   - Network, NetworkBeforeAfter: the network as the seed's figure draws
//     it, neurons in columns, every weight written on its connection for
//     small networks, colour and width encoding the weights for large ones.
//   - Boundary: the decision boundary of a 2-input classifier over the
//     plane, with the data on top (nnlib.XOR, TwoMoons, Spirals).
//   - Digits, Misclassified: a grid of MNIST digits with true and
//     predicted labels, the wrong ones in red.
//
// Title, Size and LogY adjust a figure and return it, so calls chain:
//
//	plot.Loss(runs...).Title("XOR: three learning rates").Size(800, 500)
//
// Curves never fail on bad numbers: NaN and ±Inf (a diverged run) are
// dropped and the spot where the run blew up is marked with a red ✗. A loss
// axis turns logarithmic by itself when the values span more than two
// decades (the worked example's error falls from 0.298 to 3.5e-5); LogY
// forces either choice. A figure that cannot be drawn (a network with 4
// inputs given to Boundary, a bad Size) says why from PNG, SVG and Save,
// and in its String.
//
// Figures are drawn with gonum.org/v1/plot, whose Liberation fonts are
// embedded: nothing needs to be installed. Plots hands out the gonum plots
// for fine tuning, and FromPlots wraps plots you built yourself.
//
// Series returns the numbers behind each figure — what is actually drawn,
// after filtering — which is how the tests check figures without comparing
// pixels.
package plot
