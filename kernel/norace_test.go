//go:build !race

package kernel

// raceEnabled is true when the tests run under the race detector.
const raceEnabled = false
