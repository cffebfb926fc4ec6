package nnlib

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts CSVOptions
		want *Dataset
	}{
		{
			name: "classes from strings",
			in:   "a,b,kind\n1,2,dog\n3,4,cat\n5,6,dog\n",
			want: &Dataset{Name: "csv", Features: []string{"a", "b"},
				Inputs:  [][]float64{{1, 2}, {3, 4}, {5, 6}},
				Targets: [][]float64{{0, 1}, {1, 0}, {0, 1}},
				Labels:  []int{1, 0, 1}, Classes: []string{"cat", "dog"}},
		},
		{
			name: "regression, last column",
			in:   "x, y\n0.5, -1e3\n 2 ,3\n",
			opts: CSVOptions{Name: "r"},
			want: &Dataset{Name: "r", Features: []string{"x"},
				Inputs: [][]float64{{0.5}, {2}}, Targets: [][]float64{{-1000}, {3}}},
		},
		{
			name: "two targets in the middle",
			in:   "t1,x,t2,z\n1,2,3,4\n5,6,7,8\n",
			opts: CSVOptions{Targets: []string{"t2", "t1"}},
			want: &Dataset{Name: "csv", Features: []string{"x", "z"},
				Inputs: [][]float64{{2, 4}, {6, 8}}, Targets: [][]float64{{3, 1}, {7, 5}}},
		},
		{
			name: "numeric classes sorted numerically",
			in:   "x,digit\n1,10\n2,9\n3,10\n",
			opts: CSVOptions{Categorical: true},
			want: &Dataset{Name: "csv", Features: []string{"x"},
				Inputs: [][]float64{{1}, {2}, {3}}, Targets: [][]float64{{0, 1}, {1, 0}, {0, 1}},
				Labels: []int{1, 0, 1}, Classes: []string{"9", "10"}},
		},
		{
			name: "fixed classes, semicolons, BOM, quotes, CRLF, blank line",
			in:   "\ufeffx;\"c\"\r\n1;b\r\n\r\n2;\"a\"\r\n",
			opts: CSVOptions{Classes: []string{"b", "a", "z"}, Comma: ';'},
			want: &Dataset{Name: "csv", Features: []string{"x"},
				Inputs: [][]float64{{1}, {2}}, Targets: [][]float64{{1, 0, 0}, {0, 1, 0}},
				Labels: []int{0, 1}, Classes: []string{"b", "a", "z"}},
		},
	}
	for _, tt := range tests {
		got, err := ReadCSV(strings.NewReader(tt.in), tt.opts)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", tt.name, got, tt.want)
		}
	}
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		in   string
		opts CSVOptions
		want string
	}{
		{"", CSVOptions{}, "empty CSV: expected a header line"},
		{"a,b\n", CSVOptions{}, "no data rows after the header line"},
		{"a,b,c,d,e\n1,2,3,4,5\n1,2,3,4,5\n1,2,3,4,5\n1,2,3,4,5\n1,2,3,4,5\n1,2,3,4\n", CSVOptions{}, "line 7: expected 5 fields, got 4"},
		{"a,b\n1,2\n3,4,5\n", CSVOptions{}, "line 3: expected 2 fields, got 3"},
		{"a,b,c\nx,2,y\n", CSVOptions{}, `line 2, column "a": "x" is not a number`},
		{"a,b\n1,2\nNaN,1\n", CSVOptions{}, `line 3, column "a": "NaN" is not a finite number`},
		{"a,b\n1,2\n,1\n", CSVOptions{}, `line 3, column "a": empty field, expected a number`},
		// a NaN, Inf or empty target among numbers is missing data, not a class
		{"a,b\n1,2\n2,NaN\n", CSVOptions{}, `line 3, column "b": "NaN" is not a finite number (missing values must be dropped or filled in first)`},
		{"a,b\n1,2\n2,-inf\n", CSVOptions{}, `line 3, column "b": "-inf" is not a finite number`},
		{"a,b\n1,2\n2,\n", CSVOptions{}, `line 3, column "b": empty field, expected a number`},
		{"a,b\n1,cat\n2,\n", CSVOptions{}, `line 3, column "b": empty class label`},
		{"a,b\n1,\n", CSVOptions{Categorical: true}, `line 2, column "b": empty class label`},
		{"a,b\n1,q\n", CSVOptions{Classes: []string{"p"}}, `line 2, column "b": class "q" is not one of ["p"]`},
		{"a,b\n1,2\n", CSVOptions{Targets: []string{"c"}}, `target column "c" is not in the header (columns: a, b)`},
		{"a,b\n1,2\n", CSVOptions{Targets: []string{"a", "b"}}, "no input columns"},
		{"a,b\n1,2\n", CSVOptions{Targets: []string{"b", "b"}}, `target column "b" is listed twice`},
		{"a,b,c\n1,2,3\n", CSVOptions{Targets: []string{"b", "c"}, Categorical: true}, "class labels need exactly one target column, got 2"},
		{"a,,c\n1,2,3\n", CSVOptions{}, "line 1: column 2 of the header has no name"},
		{"a,b,a\n1,2,3\n", CSVOptions{}, `line 1: column name "a" appears twice (columns 1 and 3)`},
		{"a,b\n1,2\n\"3,4\n", CSVOptions{}, "line 3, column"},
		{"a,b\n1,2\n3,4,\"x\n", CSVOptions{}, "extraneous or missing \" in quoted-field"},
	}
	for _, tt := range tests {
		d, err := ReadCSV(strings.NewReader(tt.in), tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadCSV(%q): error %v, want one containing %q", tt.in, err, tt.want)
		}
		if d != nil {
			t.Errorf("ReadCSV(%q): got a data set with the error", tt.in)
		}
	}
}

func TestLoadCSV(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "flowers.csv")
	if err := os.WriteFile(path, []byte(irisCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadCSV(path, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	iris := Iris()
	iris.Name = "flowers"
	if !reflect.DeepEqual(d, iris) {
		t.Errorf("LoadCSV(iris.csv) = %v, want %v", d, iris)
	}
	_, err = LoadCSV(filepath.Join(dir, "missing.csv"), CSVOptions{})
	if !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("a,b\n1\n"), 0o644)
	if _, err := LoadCSV(bad, CSVOptions{}); err == nil || err.Error() != bad+": line 2: expected 2 fields, got 1" {
		t.Errorf("bad file: %v", err)
	}
}

func TestWriteCSVRoundTrip(t *testing.T) {
	for _, d := range []*Dataset{Iris(), XOR(), WorkedExampleData(), TwoMoons(20, 0.1, 1)} {
		var buf bytes.Buffer
		if err := d.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := ReadCSV(&buf, csvOptionsFor(d))
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		if d.Name == "xor" { // one 0/1 output: written as a number, read back without classes
			d.Labels, d.Classes = nil, nil
		}
		if !reflect.DeepEqual(back, d) {
			t.Errorf("%s: round trip\n got %v\nwant %v", d.Name, back, d)
		}
	}
}

// csvOptionsFor returns the options that read back what d.WriteCSV wrote.
func csvOptionsFor(d *Dataset) CSVOptions {
	o := CSVOptions{Name: d.Name}
	if d.Classes != nil && d.Labels != nil && len(d.Classes) == d.NumOutputs() {
		o.Classes = d.Classes
		return o
	}
	for j := 0; j < d.NumOutputs(); j++ {
		o.Targets = append(o.Targets, fmt.Sprintf("t%d", j))
	}
	return o
}

// FuzzReadCSV checks that ReadCSV never panics, that what it accepts is a valid
// data set, and that writing it back and reading it again gives the same values.
func FuzzReadCSV(f *testing.F) {
	f.Add("a,b,kind\n1,2,dog\n3,4,cat\n", false)
	f.Add("x, y\n0.5, -1e3\n 2 ,3\n", false)
	f.Add("x,digit\n1,10\n2,9\n", true)
	f.Add("a,b\n1,2\n3,4,5\n", false)
	f.Add("\"a\",\"b\"\n\"1\",\"x y\"\n", false)
	f.Add(irisCSV[:300], false)
	f.Add("x,y\n1,NaN\n2,3\n", false)
	f.Fuzz(func(t *testing.T, in string, categorical bool) {
		d, err := ReadCSV(strings.NewReader(in), CSVOptions{Categorical: categorical})
		if err != nil {
			if d != nil {
				t.Fatal("data set returned with an error")
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("accepted an invalid data set: %v", err)
		}
		if d.Len() == 0 || d.NumInputs() == 0 || d.NumOutputs() == 0 {
			t.Fatalf("accepted an empty data set: %v", d)
		}
		var buf bytes.Buffer
		if err := d.WriteCSV(&buf); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		opts := CSVOptions{Name: d.Name, Classes: d.Classes} // the target is the last column
		back, err := ReadCSV(&buf, opts)
		if err != nil {
			t.Fatalf("reading back %q: %v", buf.String(), err)
		}
		if !reflect.DeepEqual(back.Inputs, d.Inputs) || !reflect.DeepEqual(back.Targets, d.Targets) ||
			!reflect.DeepEqual(back.Labels, d.Labels) || !reflect.DeepEqual(back.Classes, d.Classes) {
			t.Fatalf("round trip differs:\n got %v %v %v\nwant %v %v %v", back.Inputs, back.Targets, back.Labels, d.Inputs, d.Targets, d.Labels)
		}
	})
}
