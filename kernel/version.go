package kernel

// Version is the version of the nnbook engine, reported by front ends
// (the REPL banner, the Jupyter kernel_info reply).
const Version = "0.1.0"
