package nnlib_test

import (
	"fmt"
	"strings"

	"github.com/nnbook/nnbook/nnlib"
)

// A CSV with a header: the last column (or the ones named in Targets) is the
// target; a column of names becomes classes with one-hot targets.
func ExampleReadCSV() {
	text := `size,weight,animal
0.3,4.1,cat
0.9,30.5,dog
0.35,5.0,cat
`
	d, err := nnlib.ReadCSV(strings.NewReader(text), nnlib.CSVOptions{Name: "pets"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(d.Head(3))

	_, err = nnlib.ReadCSV(strings.NewReader("a,b,c\n1,2,x\n3,4\n"), nnlib.CSVOptions{})
	fmt.Println(err)
	// Output:
	// Dataset "pets": 3 rows, 2 inputs → 2 outputs, classes [cat dog]
	// size  weight  t0  t1  class
	//  0.3     4.1   1   0    cat
	//  0.9    30.5   0   1    dog
	// 0.35       5   1   0    cat
	// line 3: expected 3 fields, got 2
}
