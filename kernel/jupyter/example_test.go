package jupyter_test

import (
	"fmt"

	"github.com/nnbook/nnbook/kernel/jupyter"
)

func ExampleParseConnectionInfo() {
	c, err := jupyter.ParseConnectionInfo([]byte(`{
		"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003,
		"control_port": 50004, "hb_port": 50005,
		"ip": "127.0.0.1", "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84",
		"transport": "tcp", "signature_scheme": "hmac-sha256"}`))
	fmt.Println(c, err)
	// Output:
	// tcp 127.0.0.1 shell=50001 iopub=50002 stdin=50003 control=50004 hb=50005 hmac-sha256 <nil>
}

func ExampleNewKernelSpec() {
	fmt.Println(jupyter.NewKernelSpec("/usr/local/bin/nnbook", "Go (nnbook)"))
	// Output:
	// KernelSpec("Go (nnbook)", go: /usr/local/bin/nnbook kernel --connection-file {connection_file})
}
