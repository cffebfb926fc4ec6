//go:build !linux

package kernel

// Supervise runs the program as a supervised child on Linux (see
// supervise_linux.go); elsewhere it returns supervised false and the
// caller goes on, so a fatal error ends the process with the runtime's
// own report.
func Supervise(name string) (status int, supervised bool) { return 0, false }
