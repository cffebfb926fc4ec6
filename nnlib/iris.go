package nnlib

import (
	_ "embed"
	"strings"
)

// irisCSV is Fisher's Iris data (R. A. Fisher, 1936), as printed in his paper and
// shipped with R as `iris`; rows 35 and 38 follow Fisher, not the two known
// transcription errors of the UCI copy.
//
//go:embed iris.csv
var irisCSV string

// Iris returns Fisher's Iris data set, embedded in the binary: 150 flowers, 4
// inputs (sepal_length, sepal_width, petal_length, petal_width, in cm) and 3
// classes (setosa, versicolor, virginica; 50 rows each, in that order), with
// one-hot targets. Inputs are not scaled; see Dataset.Standardize.
func Iris() *Dataset {
	d, err := ReadCSV(strings.NewReader(irisCSV), CSVOptions{
		Name:    "iris",
		Classes: []string{"setosa", "versicolor", "virginica"},
	})
	if err != nil {
		panic("nnlib: embedded iris.csv is corrupt: " + err.Error())
	}
	return d
}
