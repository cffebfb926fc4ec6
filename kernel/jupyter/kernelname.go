package jupyter

import (
	"fmt"
	"regexp"
)

// kernelNameChars is Jupyter's rule for a kernel name (jupyter_client's
// _kernel_name_pat): ASCII letters, digits, '.', '_' and '-'.
var kernelNameChars = regexp.MustCompile(`^[a-zA-Z0-9._-]+$`)

// CheckKernelName reports whether name may name a kernelspec: Jupyter's
// characters only, so no path separator, and not "." or "..", which would
// name the kernels directory itself or its parent. Install and Uninstall
// check it before touching anything.
func CheckKernelName(name string) error {
	if !kernelNameChars.MatchString(name) || name == "." || name == ".." {
		return fmt.Errorf(`expected letters, digits, '.', '_' or '-' (and not "." or ".."), got %q`, name)
	}
	return nil
}
