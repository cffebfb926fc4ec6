package nnlib_test

import (
	"fmt"

	"github.com/nnbook/nnbook/nnlib"
)

// Confusion shows which classes a network mixes up: actual classes down,
// predictions across.
func ExampleConfusion() {
	train, test := nnlib.Iris().Split(0.8, 3)
	train, scaler := train.Standardize()
	test, _ = scaler.Apply(test)

	net, _ := nnlib.Build([]int{4, 8, 3}, nnlib.WithLoss(nnlib.CrossEntropy), nnlib.WithOptimizer(nnlib.Adam(0.003)), nnlib.WithSeed(3))
	net.Fit(train, nnlib.FitOptions{Epochs: 300, BatchSize: 16, Shuffle: true})
	fmt.Print(nnlib.Confusion(net, test))
	// Output:
	// actual \ predicted  setosa  versicolor  virginica  recall
	// setosa                   9           0          0  100.0%
	// versicolor               0           9          0  100.0%
	// virginica                0           0         12  100.0%
	// precision           100.0%      100.0%     100.0%
	// accuracy 30/30 = 100.00%
}

// A confusion matrix can also be made from class indices directly.
func ExampleNewConfusionMatrix() {
	actual := []int{0, 0, 1, 1, 1, 2}
	predicted := []int{0, 1, 1, 1, 0, 2}
	c, _ := nnlib.NewConfusionMatrix([]string{"cat", "dog", "bird"}, actual, predicted)
	fmt.Print(c)
	// Output:
	// actual \ predicted    cat    dog    bird  recall
	// cat                     1      1       0   50.0%
	// dog                     1      2       0   66.7%
	// bird                    0      0       1  100.0%
	// precision           50.0%  66.7%  100.0%
	// accuracy 4/6 = 66.67%
}

func ExampleClass() {
	fmt.Println(nnlib.Class([]float64{0.1, 0.7, 0.2})) // several outputs: the largest
	fmt.Println(nnlib.Class([]float64{0.62}))          // one output: 1 from 0.5 up
	fmt.Println(nnlib.Class([]float64{0.31}))
	// Output:
	// 1
	// 1
	// 0
}
