package kernel

import (
	"io"
	"log"
	"regexp"
	"sync"
)

// yaegi's type checker calls log.Panic("nil type") (and "nil reflect
// type") on some code it cannot type, range over a function among them:
// the panic becomes the cell's error, but log.Panic first prints the line
// on the process's standard logger, where a user would read an internal
// message with a time stamp. New installs, once per process, a filter on
// the standard logger that drops exactly those lines; everything else a
// cell or nnbook logs passes through unchanged.

// yaegiLogLine is a line yaegi's log.Panic writes, with log's default prefix.
var yaegiLogLine = regexp.MustCompile(`^(\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(\.\d+)? )?nil (reflect )?type\n?$`)

// yaegiLogFilter is the standard logger's writer less yaegi's lines.
type yaegiLogFilter struct{ w io.Writer }

// Write drops a line of yaegi's log.Panic and passes any other through.
func (f yaegiLogFilter) Write(p []byte) (int, error) {
	if yaegiLogLine.Match(p) {
		return len(p), nil
	}
	return f.w.Write(p)
}

var filterYaegiLogOnce sync.Once

// filterYaegiLog installs yaegiLogFilter on the standard logger.
func filterYaegiLog() {
	filterYaegiLogOnce.Do(func() {
		if _, ok := log.Writer().(yaegiLogFilter); !ok {
			log.SetOutput(yaegiLogFilter{log.Writer()})
		}
	})
}
