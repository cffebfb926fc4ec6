package notebooks

import (
	"os"
	"testing"

	"github.com/nnbook/nnbook/kernel"
)

// compiledAvailable skips a test of compiled cells where they cannot work
// (no go command or C compiler), naming why, unless NNBOOK_REQUIRE_COMPILE=1.
func compiledAvailable(t *testing.T) {
	t.Helper()
	if _, err := kernel.CompiledCellsStatus(); err != nil {
		if os.Getenv("NNBOOK_REQUIRE_COMPILE") == "1" {
			t.Fatalf("%v, and NNBOOK_REQUIRE_COMPILE=1", err)
		}
		t.Skip(err)
	}
}
