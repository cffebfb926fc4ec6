package nnlib

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// CSVOptions says how LoadCSV and ReadCSV turn columns into a Dataset. The zero
// value reads a comma-separated file whose last column is the target.
type CSVOptions struct {
	// Name of the data set; default: the file name without its extension
	// (LoadCSV) or "csv" (ReadCSV).
	Name string
	// Targets names the target columns; default: the last column. Every other
	// column is an input and must hold numbers.
	Targets []string
	// Classes fixes the class names, in label order, of a single target column
	// holding class labels; default: its distinct values, sorted (numerically
	// when they are all numbers).
	Classes []string
	// Categorical treats a single target column as class labels even when every
	// value is a number (e.g. digits 0–9). A target column that holds a word
	// is always categorical. NaN, Inf and empty fields are never numbers: in
	// a column of numbers they are an error naming the line (drop or fill in
	// missing values first, or set Categorical to read them as classes).
	Categorical bool
	// Comma is the field separator; default ','.
	Comma rune
}

// String shows the options in Go syntax.
func (o CSVOptions) String() string {
	return fmt.Sprintf("CSVOptions{Name: %q, Targets: %q, Classes: %q, Categorical: %v, Comma: %q}",
		o.Name, o.Targets, o.Classes, o.Categorical, o.Comma)
}

// LoadCSV reads a CSV file with a header line into a Dataset; see ReadCSV.
func LoadCSV(path string, opts CSVOptions) (*Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if opts.Name == "" {
		opts.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	d, err := ReadCSV(f, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// ReadCSV reads CSV text whose first line names the columns. The target columns
// (opts.Targets, default the last one) become Targets; the others, which must be
// numbers, become Inputs, named by Features. A single target column holding
// class names (or any column when opts.Categorical) gives a classification data
// set: Labels, Classes and one-hot Targets.
//
// Errors name the line: "line 7: expected 5 fields, got 4",
// `line 9, column "sepal_width": "abc" is not a number`. A done cell context
// (see SetCellContext) stops the reading with an error.
func ReadCSV(r io.Reader, opts CSVOptions) (d *Dataset, err error) {
	defer func() {
		if stop := cellErr(); err != nil && stop != nil {
			d, err = nil, fmt.Errorf("reading CSV stopped: %w", stop)
		}
	}()
	done := cellDone()
	cr := csv.NewReader(cellReader{r, done})
	if opts.Comma != 0 {
		cr.Comma = opts.Comma
	}
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("empty CSV: expected a header line naming the columns")
	}
	if err != nil {
		return nil, csvErr(err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
		if i == 0 {
			header[i] = strings.TrimPrefix(header[i], "\ufeff")
		}
	}
	seen := map[string]int{}
	for i, h := range header {
		if h == "" {
			return nil, fmt.Errorf("line 1: column %d of the header has no name", i+1)
		}
		if j, ok := seen[h]; ok {
			return nil, fmt.Errorf("line 1: column name %q appears twice (columns %d and %d)", h, j+1, i+1)
		}
		seen[h] = i
	}
	targets := opts.Targets
	if len(targets) == 0 {
		targets = []string{header[len(header)-1]}
	}
	isTarget := make([]bool, len(header))
	var tcols []int
	for _, t := range targets {
		j, ok := seen[strings.TrimSpace(t)]
		if !ok {
			return nil, fmt.Errorf("target column %q is not in the header (columns: %s)", t, strings.Join(header, ", "))
		}
		if isTarget[j] {
			return nil, fmt.Errorf("target column %q is listed twice", t)
		}
		isTarget[j] = true
		tcols = append(tcols, j)
	}
	var icols []int
	var features []string
	for j, h := range header {
		if !isTarget[j] {
			icols = append(icols, j)
			features = append(features, h)
		}
	}
	if len(icols) == 0 {
		return nil, fmt.Errorf("no input columns: every column (%s) is a target", strings.Join(header, ", "))
	}
	if (opts.Categorical || opts.Classes != nil) && len(tcols) != 1 {
		return nil, fmt.Errorf("class labels need exactly one target column, got %d (%s)", len(tcols), strings.Join(targets, ", "))
	}

	// Read every record, remembering its line.
	var records [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			return nil, fmt.Errorf("line %d: expected %d fields, got %d", line, len(header), len(rec))
		}
		records = append(records, rec)
		lines = append(lines, line)
	}
	if len(records) == 0 {
		return nil, errors.New("no data rows after the header line")
	}

	n, ni := len(records), len(icols)
	d = &Dataset{Name: opts.Name, Features: features, Inputs: make([][]float64, n)}
	if d.Name == "" {
		d.Name = "csv"
	}
	flat := make([]float64, n*ni)
	for i, rec := range records {
		if i%4096 == 4095 && isDone(done) {
			return nil, errStopped // reworded by the deferred check
		}
		row := flat[i*ni : (i+1)*ni : (i+1)*ni]
		for k, j := range icols {
			v, err := csvNumber(rec[j])
			if err != nil {
				return nil, fmt.Errorf("line %d, column %q: %v", lines[i], header[j], err)
			}
			row[k] = v
		}
		d.Inputs[i] = row
	}

	categorical := opts.Categorical || opts.Classes != nil
	if !categorical && len(tcols) == 1 {
		// Only a word makes the column categorical: "NaN" or "Inf" among
		// numbers is a missing or broken value, reported below, not a class.
		for _, rec := range records {
			s := strings.TrimSpace(rec[tcols[0]])
			if _, err := strconv.ParseFloat(s, 64); err != nil && s != "" {
				categorical = true
				break
			}
		}
	}
	if categorical {
		j := tcols[0]
		classes := opts.Classes
		if classes == nil {
			classes = csvClasses(records, j)
		}
		index := map[string]int{}
		for k, c := range classes {
			index[c] = k
		}
		d.Labels = make([]int, n)
		for i, rec := range records {
			c := strings.TrimSpace(rec[j])
			k, ok := index[c]
			switch {
			case c == "":
				return nil, fmt.Errorf("line %d, column %q: empty class label", lines[i], header[j])
			case !ok:
				return nil, fmt.Errorf("line %d, column %q: class %q is not one of %q", lines[i], header[j], c, classes)
			}
			d.Labels[i] = k
		}
		d.Classes = append([]string(nil), classes...)
		d.Targets = OneHot(d.Labels, len(classes))
		return d, nil
	}
	nt := len(tcols)
	tflat := make([]float64, n*nt)
	d.Targets = make([][]float64, n)
	for i, rec := range records {
		row := tflat[i*nt : (i+1)*nt : (i+1)*nt]
		for k, j := range tcols {
			v, err := csvNumber(rec[j])
			if err != nil {
				return nil, fmt.Errorf("line %d, column %q: %v", lines[i], header[j], err)
			}
			row[k] = v
		}
		d.Targets[i] = row
	}
	return d, nil
}

// csvErr rewords encoding/csv's errors to start with the line.
func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
	}
	return err
}

// csvNumber parses a field as a finite float64.
func csvNumber(field string) (float64, error) {
	s := strings.TrimSpace(field)
	if s == "" {
		return 0, errors.New("empty field, expected a number")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number (missing values must be dropped or filled in first)", s)
	}
	return v, nil
}

// csvClasses returns the distinct non-empty values of column j, sorted
// numerically when all are numbers and as strings otherwise.
func csvClasses(records [][]string, j int) []string {
	set := map[string]bool{}
	var classes []string
	numeric := true
	for _, rec := range records {
		c := strings.TrimSpace(rec[j])
		if c == "" || set[c] {
			continue
		}
		set[c] = true
		classes = append(classes, c)
		if _, err := csvNumber(c); err != nil {
			numeric = false
		}
	}
	sort.Slice(classes, func(a, b int) bool {
		if numeric {
			x, _ := csvNumber(classes[a])
			y, _ := csvNumber(classes[b])
			if x != y {
				return x < y
			}
		}
		return classes[a] < classes[b]
	})
	return classes
}

// WriteCSV writes d as CSV with a header: the input columns (named by Features,
// else x0, x1, …), then one "class" column with class names when d has Labels and
// one-hot Targets over Classes, else the target columns t0, t1, … (with "_" appended when an input
// already has that name). Numbers are written so that ReadCSV
// reads back the same float64 values.
func (d *Dataset) WriteCSV(w io.Writer) error {
	if err := d.Validate(); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	var header []string
	for j := 0; j < d.NumInputs(); j++ {
		if d.Features != nil {
			header = append(header, d.Features[j])
		} else {
			header = append(header, fmt.Sprintf("x%d", j))
		}
	}
	taken := map[string]bool{}
	for _, h := range header {
		taken[h] = true
	}
	unique := func(name string) string { // a target name no input uses
		for taken[name] {
			name += "_"
		}
		taken[name] = true
		return name
	}
	classes := d.Classes != nil && d.Labels != nil && d.NumOutputs() == len(d.Classes)
	if classes {
		header = append(header, unique("class"))
	} else {
		for j := 0; j < d.NumOutputs(); j++ {
			header = append(header, unique(fmt.Sprintf("t%d", j)))
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range d.Inputs {
		rec := make([]string, 0, len(header))
		for _, v := range d.Inputs[i] {
			rec = append(rec, strconv.FormatFloat(v, 'g', -1, 64))
		}
		if classes {
			rec = append(rec, d.Classes[d.Labels[i]])
		} else {
			for _, v := range d.Targets[i] {
				rec = append(rec, strconv.FormatFloat(v, 'g', -1, 64))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
