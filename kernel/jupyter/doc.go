// Package jupyter makes nnbook a Jupyter kernel: JupyterLab, Notebook,
// VS Code, jupyter console and nbclient run Go cells with nnlib preloaded
// and show figures inline.
//
// # Running
//
// Jupyter starts the kernel from its kernelspec:
//
//	nnbook kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME]
//	nnbook kernel --connection-file FILE      (what Jupyter runs)
//	nnbook kernel uninstall [--name NAME]
//
// install writes kernel.json (argv: the absolute path of the running binary,
// "kernel", "--connection-file", "{connection_file}"; display name
// "Go (nnbook)"; language go; interrupt_mode message) and two logos into
// $JUPYTER_DATA_DIR/kernels/NAME, else $XDG_DATA_HOME/jupyter/kernels/NAME,
// else ~/.local/share/jupyter/kernels/NAME; --prefix DIR uses
// DIR/share/jupyter/kernels/NAME, as `jupyter kernelspec install --prefix`.
// Main is the entry point cmd/nnbook calls with the arguments after "kernel".
//
// # Protocol
//
// The kernel speaks the Jupyter messaging protocol 5.3 over ZeroMQ
// (github.com/go-zeromq/zmq4, pure Go). It binds five sockets, only on the
// connection file's ip: shell, control and stdin (ROUTER), iopub (PUB) and
// heartbeat (REP). Every incoming message must carry the HMAC of its four
// JSON frames (signature_scheme, usually hmac-sha256, compared with
// hmac.Equal); a wrong, missing or malformed signature, a frame list without
// <IDS|MSG>, or a header that is not JSON gets the message dropped and
// logged — never executed — and the key is never logged.
//
// Shell requests are served one at a time by a worker goroutine, between
// busy and idle statuses on iopub; a reader goroutine queues them, so that a
// failed cell with stop_on_error aborts the requests already queued
// (execute_reply status "aborted"). Control (kernel_info, interrupt,
// shutdown) and heartbeat have goroutines of their own: a busy kernel still
// answers them. interrupt_request and SIGINT cancel the running cell's
// context; the session and its variables stay. shutdown_request (with or
// without restart) makes the process exit: a restarting kernel manager
// starts a fresh one.
//
// # Cells
//
// A cell is Go, run by the kernel.Engine. Its parts map to iopub messages:
// stdout and stderr to stream, the final value to execute_result
// (text/plain, image/png for figures), the live training figure to
// display_data with a transient display_id and then update_display_data.
// Lines at the top of a cell starting with ':' are kernel commands, as in
// the REPL: :help and :doc NAME open the pager, :vars lists variables,
// :clear clears the output, :reset starts a fresh session.
//
// A cell that reads standard input (fmt.Scanln, bufio.NewReader(os.Stdin))
// gets each line through an input_request on the stdin socket, sent after
// the cell's output so far, to the client of the execute_request; the
// input_reply's value is the line. An interrupt ends the wait. When the
// request has allow_stdin false (nbclient, nbconvert), reading fails with
// kernel.ErrNoInput, as ipykernel raises StdinNotImplementedError.
//
// complete_request, inspect_request and is_complete_request go to the
// engine (cursor positions in runes); history_request answers tail, range
// and search (glob patterns, unique, n) over this session's stored cells;
// comm_info_reply is empty; comm_open is answered with comm_close.
//
// # Memory
//
// Under JupyterHub every learner runs a kernel, so its memory counts. Serve
// collects garbage at 50% heap growth (unless GOGC is set) and, on Linux,
// drops the pages of the binary that only start-up touched, before the
// engine starts and once it has (release_linux.go): code and read-only
// data of the package initialisers and the dynamic loader, and the
// embedded fonts gonum/plot parses at init. They are clean file pages, so
// a page needed again is mapped from the page cache; the kernel's resident
// set is then what its cells use. README.md has the measurements.
package jupyter
